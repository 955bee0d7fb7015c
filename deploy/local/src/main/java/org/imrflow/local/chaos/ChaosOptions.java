package org.imrflow.local.chaos;

import org.imrflow.local.LocalSystem.Component;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One chaos run.
 *
 * @param repositoryRoot where the built services are
 * @param dataDir        the run's own data folder, wiped at the start
 * @param cases          how many cases to drive
 * @param seed           orders the kills, jitters their timing and picks each determination's outcome
 * @param killEvery      from one kill -9 to the next (jittered by up to a quarter either way)
 * @param down           how long a killed process stays down before it is restarted
 * @param rate           cases submitted per second
 * @param rounds         rounds through every target; 0 keeps killing until every case is submitted (at least one round)
 * @param drain          how long to wait, after the last kill, for every case's letter
 * @param targets        what to kill, in an order the seed shuffles per round
 * @param replicas       instances of each service; above one, a service target is one of its replicas (picked by the
 *                       seed) and the run checks that the others take over its partitions
 */
public record ChaosOptions(Path repositoryRoot, Path dataDir, int cases, long seed, Duration killEvery, Duration down,
                           double rate, int rounds, Duration drain, List<Component> targets, int replicas) {

    public ChaosOptions {
        if (cases < 1) {
            throw new IllegalArgumentException("--cases must be at least 1");
        }
        if (rate <= 0) {
            throw new IllegalArgumentException("--rate must be above 0");
        }
        if (replicas < 1) {
            throw new IllegalArgumentException("--replicas must be at least 1");
        }
        targets = List.copyOf(targets);
    }

    public static ChaosOptions defaults(Path repositoryRoot, Path dataDir, int cases) {
        return new ChaosOptions(repositoryRoot, dataDir, cases, System.currentTimeMillis(), Duration.ofSeconds(10),
                Duration.ofSeconds(3), 5, 0, Duration.ofSeconds(180), Arrays.asList(Component.values()), 1);
    }

    public ChaosOptions withSeed(long seed) {
        return new ChaosOptions(repositoryRoot, dataDir, cases, seed, killEvery, down, rate, rounds, drain, targets, replicas);
    }

    public ChaosOptions withKillEvery(Duration killEvery) {
        return new ChaosOptions(repositoryRoot, dataDir, cases, seed, killEvery, down, rate, rounds, drain, targets, replicas);
    }

    public ChaosOptions withDown(Duration down) {
        return new ChaosOptions(repositoryRoot, dataDir, cases, seed, killEvery, down, rate, rounds, drain, targets, replicas);
    }

    public ChaosOptions withRate(double rate) {
        return new ChaosOptions(repositoryRoot, dataDir, cases, seed, killEvery, down, rate, rounds, drain, targets, replicas);
    }

    public ChaosOptions withRounds(int rounds) {
        return new ChaosOptions(repositoryRoot, dataDir, cases, seed, killEvery, down, rate, rounds, drain, targets, replicas);
    }

    public ChaosOptions withDrain(Duration drain) {
        return new ChaosOptions(repositoryRoot, dataDir, cases, seed, killEvery, down, rate, rounds, drain, targets, replicas);
    }

    public ChaosOptions withTargets(List<Component> targets) {
        return new ChaosOptions(repositoryRoot, dataDir, cases, seed, killEvery, down, rate, rounds, drain, targets, replicas);
    }

    public ChaosOptions withReplicas(int replicas) {
        return new ChaosOptions(repositoryRoot, dataDir, cases, seed, killEvery, down, rate, rounds, drain, targets, replicas);
    }

    /** Parses the command line of {@code ./run-local.sh chaos}; throws IllegalArgumentException on a bad option. */
    public static ChaosOptions parse(String[] args, Path repositoryRoot) {
        Integer cases = null;
        ChaosOptions options = null;
        List<String[]> later = new ArrayList<>();
        Path dataDir = repositoryRoot.resolve(".imr-flow-chaos");
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            String value = args[++i];
            switch (option) {
                case "--cases" -> cases = Integer.parseInt(value);
                case "--data" -> dataDir = Path.of(value).toAbsolutePath();
                case "--seed", "--kill-every", "--down", "--rate", "--rounds", "--drain", "--targets", "--replicas" -> later.add(new String[] {option, value});
                default -> throw new IllegalArgumentException("Unknown option " + option);
            }
        }
        if (cases == null) {
            throw new IllegalArgumentException("--cases N is required");
        }
        options = defaults(repositoryRoot, dataDir, cases);
        for (String[] pair : later) {
            String value = pair[1];
            options = switch (pair[0]) {
                case "--seed" -> options.withSeed(Long.parseLong(value));
                case "--kill-every" -> options.withKillEvery(seconds(value));
                case "--down" -> options.withDown(seconds(value));
                case "--rate" -> options.withRate(Double.parseDouble(value));
                case "--rounds" -> options.withRounds(Integer.parseInt(value));
                case "--drain" -> options.withDrain(seconds(value));
                case "--targets" -> options.withTargets(targets(value));
                case "--replicas" -> options.withReplicas(Integer.parseInt(value));
                default -> throw new IllegalStateException(pair[0]);
            };
        }
        return options;
    }

    private static Duration seconds(String value) {
        return Duration.ofMillis(Math.round(Double.parseDouble(value) * 1000));
    }

    /** {@code all}, {@code none}, or a comma-separated list of postgres, kafka, intake, assignment, review, notification. */
    static List<Component> targets(String value) {
        if (value.equals("all")) {
            return Arrays.asList(Component.values());
        }
        if (value.equals("none")) {
            return List.of();
        }
        List<Component> targets = new ArrayList<>();
        for (String name : value.split(",")) {
            String wanted = name.trim().toLowerCase(java.util.Locale.ROOT);
            targets.add(Arrays.stream(Component.values())
                    .filter(c -> c.label().equals(wanted) || c.label().equals(wanted + "-service"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("Unknown target " + name
                            + " (postgres, kafka, intake, assignment, review, notification)")));
        }
        return targets;
    }
}
