package org.imrflow.local.chaos;

import org.imrflow.local.ImrService;
import org.imrflow.local.LocalSystem;
import org.imrflow.local.StackOptions;
import org.imrflow.local.SystemOptions;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A whole chaos run: its own stack (fresh data folder, free ports, so it never meets {@code ./run-local.sh}), the
 * workload, the kills, a bounded drain, then the check of every case and the report.
 */
public final class ChaosRun {
    private static final long PROGRESS_EVERY_MS = 5_000;
    /** The drain ends early once no letter has come for this long: a consumer retrying a message has long given up. */
    private static final long STALLED_AFTER_MS = 60_000;

    private ChaosRun() {
    }

    public static ChaosReport run(ChaosOptions options, PrintStream out) {
        out.printf("Chaos run: %d cases at %.1f/s, seed %d, kill -9 every ~%.0f s (down %.0f s) of %s%s, %s; data in %s%n",
                options.cases(), options.rate(), options.seed(), options.killEvery().toMillis() / 1000.0,
                options.down().toMillis() / 1000.0,
                options.targets().stream().map(LocalSystem.Component::label).toList(),
                options.replicas() > 1 ? " (one replica of " + options.replicas() + " for a service)" : "",
                options.rounds() > 0 ? options.rounds() + " round(s)" : "until every case is submitted",
                options.dataDir());
        out.println("Starting the chaos stack (fresh, free ports)...");
        // Recovers what a crashed earlier chaos run left (by its pid file), then wipes the folder.
        LocalSystem system = LocalSystem.start(new SystemOptions(options.repositoryRoot(),
                new StackOptions(options.dataDir(), true, 0, 0, 0, 0), false, true, "256m").withReplicas(options.replicas()),
                out::println);
        try {
            return drive(system, options, out);
        } finally {
            out.println("Stopping the chaos stack...");
            system.close();
        }
    }

    private static ChaosReport drive(LocalSystem system, ChaosOptions options, PrintStream out) {
        long start = System.currentTimeMillis();
        out.printf("Stack up: %s; services %s%n", system.describeInfrastructure(),
                java.util.Arrays.stream(ImrService.values()).map(s -> s.serviceName() + " " + system.url(s)).toList());
        Workload workload = new Workload(system.url(ImrService.INTAKE), system.url(ImrService.REVIEW),
                system.url(ImrService.NOTIFICATION), options, system.tokens()::accessToken);
        AtomicBoolean stop = new AtomicBoolean();
        Killer killer = new Killer(system, options, workload::allSubmitted, stop::get, out, start);
        Thread killing = new Thread(killer, "chaos-killer");
        String aborted = null;
        workload.start();
        killing.start();
        try {
            // 1. the workload and the kills, until every case is submitted and the kills are done
            long lastProgress = 0;
            while (!(workload.allSubmitted() && killer.finished())) {
                lastProgress = progress(out, workload, killer, start, lastProgress, "running");
                RetryingHttp.pause(200);
            }
            // 2. the drain: bounded, for the letters still on their way
            long drainUntil = System.currentTimeMillis() + options.drain().toMillis();
            out.printf("[chaos %5.1f s] all %d cases submitted, %d kills done; draining (up to %d s) for the remaining %d letters%n",
                    seconds(start), options.cases(), killer.kills().size(), options.drain().toSeconds(),
                    options.cases() - workload.letterCount());
            long letters = workload.letterCount();
            long lastChange = System.currentTimeMillis();
            while (!workload.allLettersIn() && System.currentTimeMillis() < drainUntil
                    && System.currentTimeMillis() - lastChange < STALLED_AFTER_MS) {
                lastProgress = progress(out, workload, killer, start, lastProgress, "draining");
                RetryingHttp.pause(200);
                if (workload.letterCount() != letters) {
                    letters = workload.letterCount();
                    lastChange = System.currentTimeMillis();
                }
            }
            if (!workload.allLettersIn()) {
                out.printf("[chaos %5.1f s] drain over (%s): %d letters still missing%n", seconds(start),
                        System.currentTimeMillis() < drainUntil ? "no new letter for " + STALLED_AFTER_MS / 1000 + " s" : "time is up",
                        options.cases() - workload.letterCount());
            }
        } catch (RuntimeException e) {
            aborted = e.toString();
        } finally {
            stop.set(true);
            workload.stop();
            try {
                killing.join(120_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        long wall = System.currentTimeMillis() - start;

        // 3. the check of every case, over REST and on the wire
        out.printf("[chaos %5.1f s] checking every case over REST and every imr.* topic from the beginning...%n", seconds(start));
        List<Finding> findings = new ArrayList<>();
        Verifier.Totals totals = null;
        WireLog wire = null;
        try {
            wire = settledWire(system, workload);
            Verifier.Result result = new Verifier(system.url(ImrService.INTAKE), system.url(ImrService.ASSIGNMENT),
                    system.url(ImrService.REVIEW), system.url(ImrService.NOTIFICATION), killer.kills(), start,
                    system.tokens()::accessToken)
                    .verify(workload.cases(), wire);
            findings = result.findings();
            totals = result.totals();
        } catch (RuntimeException e) {
            aborted = (aborted == null ? "" : aborted + "; ") + "the check failed: " + e;
        }
        List<String> replicaFindings = new ArrayList<>();
        if (options.replicas() > 1) {
            replicaFindings.addAll(checkReplicas(system, killer.kills(), out, start));
        }
        List<Long> latencies = workload.cases().stream().filter(c -> c.letterAt > 0)
                .map(c -> c.letterAt - c.submittedAt).toList();
        return new ChaosReport(options, wall, killer.kills(), workload.submittedCount(), workload.letterCount(), findings,
                latencies, workload.problems(), workload.retries(), totals,
                wire == null ? List.of() : wire.deadLetters(), wire == null ? 0 : wire.records(),
                List.copyOf(workload.strangers()), replicaFindings, aborted);
    }

    /**
     * With replicas: every replica kill of a service was followed by the others taking over its partitions, and at
     * the end every replica holds partitions of each of its service's consumer groups (the work is shared).
     */
    private static List<String> checkReplicas(LocalSystem system, List<Kill> kills, PrintStream out, long start) {
        List<String> findings = new ArrayList<>();
        kills.stream().filter(kill -> kill.target().isService() && kill.takeoverMillis() < 0)
                .forEach(kill -> findings.add(kill.instance() + " was killed and the other replicas did not take over its partitions"));
        try (org.imrflow.local.PartitionOwners owners = new org.imrflow.local.PartitionOwners(system.kafkaBootstrapServers())) {
            for (ImrService service : ImrService.values()) {
                List<String> instances = system.replicas(service).stream().map(org.imrflow.local.ServiceProcess::instance).toList();
                for (org.imrflow.local.PartitionOwners.Assignment group : owners.ofService(service, instances)) {
                    out.printf("[chaos %5.1f s] %s%n", seconds(start), group.describe());
                    if (!group.idle(instances).isEmpty()) {
                        findings.add(group.group() + ": " + group.idle(instances) + " hold no partition (" + group.describe() + ")");
                    }
                    if (!group.unowned().isEmpty()) {
                        findings.add(group.group() + ": " + group.unowned().size() + " partitions held by no replica");
                    }
                }
            }
        } catch (RuntimeException e) {
            findings.add("the consumer groups could not be read: " + e.getMessage());
        }
        return findings;
    }

    /**
     * The wire read after the relays have had their chance: a letter seen over REST whose letter-issued is not on
     * the wire yet is most likely still in an outbox, so the read is repeated a few times before that counts.
     */
    private static WireLog settledWire(LocalSystem system, Workload workload) {
        WireLog wire = WireLog.read(system.kafkaBootstrapServers());
        for (int attempt = 0; attempt < 6 && !complete(wire, workload); attempt++) {
            RetryingHttp.pause(5_000);
            wire = WireLog.read(system.kafkaBootstrapServers());
        }
        return wire;
    }

    private static boolean complete(WireLog wire, Workload workload) {
        return workload.cases().stream().filter(c -> c.letterAt > 0 && c.caseNumber != null)
                .allMatch(c -> WireLog.STEPS.stream().noneMatch(topic -> wire.ids(c.caseNumber, topic).isEmpty()));
    }

    private static long progress(PrintStream out, Workload workload, Killer killer, long start, long last, String phase) {
        long now = System.currentTimeMillis();
        if (now - last < PROGRESS_EVERY_MS) {
            return last;
        }
        String down = killer.down();
        out.printf("[chaos %5.1f s] %s: submitted %d/%d, decided %d, letters %d, kills %d%s, client retries %d%n",
                seconds(start), phase, workload.submittedCount(), workload.cases().size(), workload.decidedCount(),
                workload.letterCount(), killer.kills().size(), down == null ? "" : " (" + down + " down)",
                workload.retries());
        return now;
    }

    private static double seconds(long start) {
        return (System.currentTimeMillis() - start) / 1000.0;
    }
}
