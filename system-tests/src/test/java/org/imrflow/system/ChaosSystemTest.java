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
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The chaos harness, short: about 300 cases through the four services while each service, the Kafka broker and
 * PostgreSQL are killed with {@code kill -9} once, each restarted a few seconds later. Not one case may be lost and
 * none duplicated. Part of every test run; {@code -Dchaos=false} skips it, {@code -Dchaos.cases=100} lowers the
 * count, {@code -Dchaos.postgres=false} spares PostgreSQL, {@code -Dchaos.seed=} repeats a run's kill order.
 */
@Tag("chaos")
@DisabledIfSystemProperty(named = "chaos", matches = "false")
class ChaosSystemTest {

    @Test
    void noCaseIsLostOrDuplicatedWhileEveryProcessIsKilledOnce() throws IOException {
        Path root = Path.of(System.getProperty("imrflow.repository-root", "..")).toAbsolutePath().normalize();
        Path dataDir = Files.createTempDirectory(root.resolve("system-tests/target"), "chaos-");
        int cases = Integer.getInteger("chaos.cases", 300);
        List<Component> targets = new ArrayList<>(List.of(Component.INTAKE, Component.ASSIGNMENT, Component.REVIEW,
                Component.NOTIFICATION, Component.KAFKA));
        if (!"false".equals(System.getProperty("chaos.postgres"))) {
            targets.add(Component.POSTGRES);
        }
        Duration killEvery = Duration.ofSeconds(8);
        // Spread the submissions over the round of kills (a restart takes 10-15 s here), so every kill meets cases
        // in flight at every step.
        double rate = Math.max(1.0, cases / (targets.size() * 18.0));
        ChaosOptions options = ChaosOptions.defaults(root, dataDir, cases)
                .withSeed(Long.getLong("chaos.seed", System.currentTimeMillis()))
                .withTargets(targets)
                .withKillEvery(killEvery)
                .withDown(Duration.ofSeconds(3))
                .withRate(rate)
                .withRounds(1)
                .withDrain(Duration.ofSeconds(180));

        assertCleanRun(ChaosRun.run(options, System.out), targets.size());
    }

    /** One kill of each target, each came back, nothing lost or duplicated; the summary printed and in every message. */
    static void assertCleanRun(ChaosReport report, int kills, org.junit.jupiter.api.function.Executable... more) {
        report.print(System.out);
        String summary = report.summary();
        List<org.junit.jupiter.api.function.Executable> checks = new ArrayList<>(List.of(
                () -> assertNull(report.aborted(), summary),
                () -> assertEquals(kills, report.kills().size(), "one kill -9 of each target\n" + summary),
                () -> assertTrue(report.kills().stream().allMatch(k -> k.restarted()), "every killed process came back\n" + summary),
                () -> assertEquals(0, report.lost(), "cases lost\n" + summary),
                () -> assertEquals(0, report.duplicated(), "cases duplicated\n" + summary)));
        checks.addAll(List.of(more));
        assertAll(checks);
    }
}
