package org.imrflow.local.load;

import org.imrflow.local.ImrService;
import org.imrflow.local.LocalSystem;
import org.imrflow.local.LocalSystem.Component;
import org.imrflow.local.StackOptions;
import org.imrflow.local.SystemOptions;
import org.imrflow.local.chaos.RetryingHttp;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A whole load run: its own fresh stack on free ports (timed as it starts), Kafka's own latency on its broker, the
 * surge with progress every few seconds, the check of every case, then each service restarted alone and timed.
 * {@link #drive} runs the surge alone on a stack that is already up (the system tests' smoke run).
 */
public final class LoadRun {
    private static final long PROGRESS_EVERY_MS = 5_000;
    /** The run ends early when nothing has completed for this long after the last submission. */
    private static final long STALLED_AFTER_MS = 60_000;

    private LoadRun() {
    }

    public static LoadReport run(LoadOptions options, PrintStream out) {
        out.printf("Load run: %d cases, concurrency %d, seed %d, %d replica(s) of each service, topics of %d partitions;"
                + " stack data in %s%n", options.cases(), options.concurrency(), options.seed(), options.replicas(),
                options.partitions(), options.dataDir());
        out.println("Starting a fresh stack (free ports)...");
        long starting = System.nanoTime();
        LocalSystem system = LocalSystem.start(new SystemOptions(options.repositoryRoot(),
                new StackOptions(options.dataDir(), true, 0, 0, 0, 0), false, true, options.serviceHeap())
                .withReplicas(options.replicas()).withPartitions(options.partitions()), out::println);
        Duration stackStart = Duration.ofNanos(System.nanoTime() - starting);
        try {
            Map<ImrService, Duration> readyInStack = new EnumMap<>(ImrService.class);
            for (ImrService service : ImrService.values()) {
                readyInStack.put(service, system.readyAfter(service));
            }
            out.printf("Stack ready in %.1f s: %s%n", stackStart.toMillis() / 1000.0, system.describeInfrastructure());
            Thread purger = mailPurger(system);
            try {
                return drive(system, options, out, stackStart, readyInStack);
            } finally {
                purger.interrupt();
            }
        } finally {
            out.println("Stopping the stack...");
            system.close();
        }
    }

    /**
     * The test mail server keeps every message in memory, and a surge mails each party of each case a PDF: emptied
     * every 20 s on the run's own stack, or a large run would fill its heap. The deliveries are counted as sent all
     * the same (the server took them); nobody reads this stack's mailboxes.
     */
    private static Thread mailPurger(LocalSystem system) {
        Thread purger = new Thread(() -> {
            while (RetryingHttp.pause(20_000)) {
                try {
                    system.mail().purge();
                } catch (RuntimeException notThisTime) {
                    // tried again in 20 s
                }
            }
        }, "load-mail-purger");
        purger.setDaemon(true);
        purger.start();
        return purger;
    }

    public static LoadReport drive(LocalSystem system, LoadOptions options, PrintStream out, Duration stackStart,
                                   Map<ImrService, Duration> readyInStack) {
        ProcessGauges gauges = new ProcessGauges(system);
        Map<Component, Long> restRss = gauges.sampleServiceRss();
        KafkaProbe kafka = null;
        if (options.kafkaProbeMessages() > 0) {
            out.printf("Measuring Kafka's own end-to-end latency on this broker (%d messages)...%n", options.kafkaProbeMessages());
            kafka = KafkaProbe.run(system.kafkaBootstrapServers(), options.kafkaProbeMessages(),
                    options.dataDir().resolve("logs"));
            out.printf("  Kafka end to end: p50 %d ms, p99 %d ms, p99.9 %d ms%n", kafka.p50Millis(), kafka.p99Millis(),
                    kafka.p999Millis());
        }
        RetryingHttp http = new RetryingHttp(system.tokens()::accessToken);
        long intakeBefore = intakeCases(http, system);
        PaperTrail.Counts paper = new PaperTrail.Counts(http, system.url(ImrService.NOTIFICATION));
        long documentsBefore = paper.documents();

        LoadWorkload workload = new LoadWorkload(system.url(ImrService.INTAKE), system.url(ImrService.REVIEW),
                system.kafkaBootstrapServers(), options, system.tokens()::accessToken);
        Map<String, Double> cpuBefore = gauges.cpuSeconds();
        Map<String, Double> cpuUntilLastCompletion = cpuBefore;
        long cpuWindowMillis = 0;
        workload.start();
        long start = workload.firstSubmittedAt();
        try {
            long lastProgress = start;
            int lastCompleted = 0;
            long lastChange = System.currentTimeMillis();
            long allSubmittedAt = 0;
            int completedBefore = 0;
            while (!(workload.allSubmitted() && workload.allComplete())) {
                RetryingHttp.pause(250);
                gauges.sampleServiceRss();
                long now = System.currentTimeMillis();
                if (workload.completedCount() != completedBefore) {
                    // CPU up to the latest completion: a stalled tail does not dilute the surge's figures
                    completedBefore = workload.completedCount();
                    cpuUntilLastCompletion = gauges.cpuSeconds();
                    cpuWindowMillis = now - start;
                }
                if (workload.completedCount() != lastCompleted || !workload.allSubmitted()) {
                    lastChange = now;
                }
                if (now - lastProgress >= PROGRESS_EVERY_MS) {
                    int completed = workload.completedCount();
                    out.printf("[load %6.1f s] submitted %d/%d, completed %d (%.1f/s lately), errors %d, client retries %d%n",
                            (now - start) / 1000.0, workload.submittedCount(), options.cases(), completed,
                            (completed - lastCompleted) * 1000.0 / (now - lastProgress), workload.problems().size(),
                            workload.retries());
                    lastProgress = now;
                    lastCompleted = completed;
                }
                if (workload.allSubmitted() && allSubmittedAt == 0) {
                    allSubmittedAt = now;
                }
                if (allSubmittedAt > 0 && (now - lastChange > STALLED_AFTER_MS || now - allSubmittedAt > options.drain().toMillis())) {
                    out.printf("[load %6.1f s] %s: stopping with %d cases not complete%n", (now - start) / 1000.0,
                            now - lastChange > STALLED_AFTER_MS ? "nothing completed for " + STALLED_AFTER_MS / 1000 + " s"
                                    : "the drain of " + options.drain().toSeconds() + " s is over",
                            options.cases() - workload.completedCount());
                    break;
                }
            }
        } finally {
            workload.stop();
        }
        Map<String, Double> surgeCpu = new LinkedHashMap<>();
        cpuUntilLastCompletion.forEach((process, seconds) -> surgeCpu.put(process, seconds - cpuBefore.getOrDefault(process, 0.0)));
        long intakeAdded = intakeCases(http, system) - intakeBefore;
        out.printf("Waiting (up to %d s) for notification-service's documents and mail to catch up...%n",
                options.documentsWait().toSeconds());
        PaperTrail paperTrail = PaperTrail.await(paper, documentsBefore, workload.cases(), workload.lastCompletedAt(),
                options.documentsWait(), System::currentTimeMillis);

        Map<ImrService, Duration> readyAlone = new EnumMap<>(ImrService.class);
        if (options.restartCheck()) {
            out.println("Stopping and starting each service alone, to time its start-up...");
            for (ImrService service : ImrService.values()) {
                system.stop(service);
                readyAlone.put(service, system.restart(LoadReport.component(service)));
                for (int replica = 1; replica < system.replicaCount(); replica++) {
                    system.restart(service, replica); // the others back too; the first one's start is the figure
                }
            }
        }
        return report(options, workload, gauges, kafka, surgeCpu, cpuWindowMillis, restRss, intakeAdded, paperTrail,
                stackStart, readyInStack, readyAlone);
    }

    private static LoadReport report(LoadOptions options, LoadWorkload workload, ProcessGauges gauges, KafkaProbe kafka,
                                     Map<String, Double> surgeCpu, long cpuWindowMillis, Map<Component, Long> restRss,
                                     long intakeAdded, PaperTrail paperTrail,
                                     Duration stackStart, Map<ImrService, Duration> readyInStack,
                                     Map<ImrService, Duration> readyAlone) {
        List<String> lost = new ArrayList<>();
        List<String> duplicated = new ArrayList<>();
        List<String> problems = new ArrayList<>(workload.problems());
        int refused = 0;
        int letters = 0;
        int ineligible = 0;
        for (LoadCase c : workload.cases()) {
            if (c.refused != null) {
                refused++;
                continue;
            }
            if (c.caseNumber == null) {
                lost.add(c.claimNumber + ": never submitted (the run stopped first)");
                continue;
            }
            for (WireStep step : WireStep.values()) {
                if (c.distinctIds(step) > 1) {
                    duplicated.add(c.caseNumber + ": " + c.distinctIds(step) + " distinct events on " + step.topic);
                }
            }
            if (!c.complete()) {
                lost.add(c.caseNumber + ": no " + (c.dispute.eligible() ? "letter-issued" : "case-ineligible")
                        + "; last seen " + lastSeen(c));
            } else if (c.ineligible) {
                ineligible++;
                if (c.dispute.eligible()) {
                    problems.add(c.caseNumber + ": filed eligible, screened ineligible");
                }
            } else {
                letters++;
                if (!c.dispute.eligible()) {
                    problems.add(c.caseNumber + ": filed without the UR decision's copy, yet it got a letter");
                }
            }
        }
        long first = workload.firstSubmittedAt();
        long surgeMillis = Math.max(0, workload.lastCompletedAt() - first);
        int[] perSecond = new int[(int) (surgeMillis / 1000) + 1];
        for (LoadCase c : workload.cases()) {
            if (c.complete()) {
                perSecond[(int) Math.min(perSecond.length - 1, (c.completedAt - first) / 1000)]++;
            }
        }
        return new LoadReport(options, workload.submittedCount(), refused, letters, ineligible, lost, duplicated, problems,
                workload.retries(), intakeAdded, paperTrail, surgeMillis, Latencies.of(workload.cases()), kafka, surgeCpu, cpuWindowMillis, restRss,
                gauges.peakServiceRss(), stackStart, readyInStack, readyAlone, perSecond);
    }

    private static String lastSeen(LoadCase c) {
        WireStep last = null;
        for (WireStep step : WireStep.values()) {
            if (c.committedAt(step) > 0) {
                last = step;
            }
        }
        return last == null ? "nothing on the wire" : last.topic;
    }

    /** How many cases intake holds, as operations see them. */
    private static long intakeCases(RetryingHttp http, LocalSystem system) {
        long deadline = System.currentTimeMillis() + 60_000;
        return http.get(RetryingHttp.OPERATIONS, system.url(ImrService.INTAKE) + "/api/cases?size=1",
                        () -> System.currentTimeMillis() > deadline)
                .filter(RetryingHttp.Response::ok)
                .map(response -> LoadWorkload.tree(response.body()).path("total").asLong())
                .orElseThrow(() -> new IllegalStateException("Could not count intake's cases"));
    }
}
