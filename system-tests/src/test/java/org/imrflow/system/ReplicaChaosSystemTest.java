package org.imrflow.system;

import org.imrflow.local.LocalSystem.Component;
import org.imrflow.local.chaos.ChaosOptions;
import org.imrflow.local.chaos.ChaosReport;
import org.imrflow.local.chaos.ChaosRun;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Two replicas of every service behind the local load balancers, while one replica of each service is killed with
 * {@code kill -9}: the other replica must take over its partitions, every replica must hold partitions at the end
 * (the work is shared), and not one case may be lost or duplicated, nor a Notice of Assignment sent twice (the
 * timers fire once). {@code -Dchaos=false} skips it with the other chaos test.
 */
@Tag("chaos")
@DisabledIfSystemProperty(named = "chaos", matches = "false")
class ReplicaChaosSystemTest {

    @Test
    void theOtherReplicaTakesOverAndNoCaseIsLostOrDuplicated() throws IOException {
        Path root = Path.of(System.getProperty("imrflow.repository-root", "..")).toAbsolutePath().normalize();
        Path dataDir = Files.createTempDirectory(root.resolve("system-tests/target"), "replica-chaos-");
        int cases = Integer.getInteger("chaos.replica-cases", 100);
        List<Component> targets = List.of(Component.INTAKE, Component.ASSIGNMENT, Component.REVIEW, Component.NOTIFICATION);
        // spread the submissions over the round of kills (each waits for the takeover, then a restart)
        double rate = Math.max(1.0, cases / (targets.size() * 25.0));
        ChaosOptions options = ChaosOptions.defaults(root, dataDir, cases)
                .withSeed(Long.getLong("chaos.seed", System.currentTimeMillis()))
                .withReplicas(2)
                .withTargets(targets)
                .withKillEvery(Duration.ofSeconds(8))
                .withDown(Duration.ofSeconds(3))
                .withRate(rate)
                .withRounds(1)
                .withDrain(Duration.ofSeconds(180));

        ChaosReport report = ChaosRun.run(options, System.out);
        String summary = report.summary();
        ChaosSystemTest.assertCleanRun(report, targets.size(),
                () -> assertEquals(targets.size(), report.takeoversMillis().size(),
                        "the other replica took over the partitions after every kill\n" + summary),
                () -> assertEquals(List.of(), report.replicaFindings(), "every replica holds partitions of its groups\n" + summary));
    }
}
