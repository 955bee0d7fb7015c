package org.imrflow.local.load;

import java.nio.file.Path;
import java.time.Duration;

/**
 * One load run.
 *
 * @param repositoryRoot       where the built services are
 * @param dataDir              the run's own stack's data folder, wiped at the start
 * @param cases                how many cases to submit
 * @param concurrency          claims administrators submitting at once, each one case after another (a closed loop)
 * @param oneCaseAtATime       each claims administrator waits for a case's letter before filing the next (latency)
 * @param seed                 draws the case mix
 * @param ineligibleShare      the share of applications filed without the UR decision's copy (ineligible)
 * @param expeditedShare       the share filed as expedited
 * @param kafkaProbeMessages   messages for Kafka's own EndToEndLatency tool on the same broker; 0 skips it
 * @param restartCheck         after the run, restart each service alone and time it
 * @param drain                after the last submission, how long to wait for the remaining letters (and, at least
 *                             120 s, how long the automated reviewer waits for a case to reach the desk)
 * @param documentsWait        after the last letter, how long to wait for notification's documents and mail
 * @param serviceHeap          -Xmx of each service JVM
 * @param replicas             instances of each service, behind the local load balancers
 * @param partitions           partitions of each topic the fresh stack creates
 */
public record LoadOptions(Path repositoryRoot, Path dataDir, int cases, int concurrency, boolean oneCaseAtATime, long seed,
                          double ineligibleShare,
                          double expeditedShare, int kafkaProbeMessages, boolean restartCheck, Duration drain,
                          Duration documentsWait, String serviceHeap, int replicas, int partitions) {

    public LoadOptions {
        if (cases < 1) {
            throw new IllegalArgumentException("--cases must be at least 1");
        }
        if (concurrency < 1 || concurrency > 1024) {
            throw new IllegalArgumentException("--concurrency must be between 1 and 1024");
        }
        if (ineligibleShare < 0 || ineligibleShare > 1 || expeditedShare < 0 || expeditedShare > 1) {
            throw new IllegalArgumentException("--ineligible and --expedited are shares between 0 and 1");
        }
        if (replicas < 1) {
            throw new IllegalArgumentException("--replicas must be at least 1");
        }
        if (partitions < 1) {
            throw new IllegalArgumentException("--partitions must be at least 1");
        }
        if (kafkaProbeMessages < 0) {
            throw new IllegalArgumentException("--kafka-probe must be 0 or more");
        }
    }

    public static LoadOptions defaults(Path repositoryRoot, Path dataDir, int cases) {
        return new LoadOptions(repositoryRoot, dataDir, cases, 16, false, 1L, 0.10, 0.05, 10_000, true,
                Duration.ofSeconds(300), Duration.ofSeconds(300), "256m", 1,
                org.imrflow.local.SystemOptions.DEFAULT_PARTITIONS);
    }

    /** Parses the command line of {@code ./run-local.sh load}; throws IllegalArgumentException on a bad option. */
    public static LoadOptions parse(String[] args, Path repositoryRoot) {
        LoadOptions d = defaults(repositoryRoot, repositoryRoot.resolve(".imr-flow-load"), 1_000);
        Path dataDir = d.dataDir;
        int cases = d.cases;
        int concurrency = d.concurrency;
        boolean oneAtATime = d.oneCaseAtATime;
        long seed = d.seed;
        double ineligible = d.ineligibleShare;
        double expedited = d.expeditedShare;
        int probe = d.kafkaProbeMessages;
        boolean restartCheck = d.restartCheck;
        Duration drain = d.drain;
        Duration documentsWait = d.documentsWait;
        String heap = d.serviceHeap;
        int replicas = d.replicas;
        int partitions = d.partitions;
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (option.equals("--no-restart-check")) {
                restartCheck = false;
                continue;
            }
            if (option.equals("--one-at-a-time")) {
                oneAtATime = true;
                continue;
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            String value = args[++i];
            try {
                switch (option) {
                    case "--cases" -> cases = Integer.parseInt(value);
                    case "--concurrency" -> concurrency = Integer.parseInt(value);
                    case "--seed" -> seed = Long.parseLong(value);
                    case "--ineligible" -> ineligible = Double.parseDouble(value);
                    case "--expedited" -> expedited = Double.parseDouble(value);
                    case "--kafka-probe" -> probe = Integer.parseInt(value);
                    case "--drain" -> drain = Duration.ofSeconds(Long.parseLong(value));
                    case "--documents-wait" -> documentsWait = Duration.ofSeconds(Long.parseLong(value));
                    case "--heap" -> heap = value;
                    case "--replicas" -> replicas = Integer.parseInt(value);
                    case "--partitions" -> partitions = Integer.parseInt(value);
                    case "--data" -> dataDir = Path.of(value).toAbsolutePath();
                    default -> throw new IllegalArgumentException("Unknown option " + option);
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(option + " needs a number, not " + value);
            }
        }
        return new LoadOptions(repositoryRoot, dataDir, cases, concurrency, oneAtATime, seed, ineligible, expedited, probe,
                restartCheck, drain, documentsWait, heap, replicas, partitions);
    }

    /** The same run against a stack that is already up: no Kafka probe, no restarts. */
    public LoadOptions onRunningStack() {
        return new LoadOptions(repositoryRoot, dataDir, cases, concurrency, oneCaseAtATime, seed, ineligibleShare, expeditedShare,
                0, false, drain, documentsWait, serviceHeap, replicas, partitions);
    }
}
