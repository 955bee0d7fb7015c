package org.imrflow.local.chaos;

import org.imrflow.local.ImrService;
import org.imrflow.local.LocalSystem;
import org.imrflow.local.LocalSystem.Component;
import org.imrflow.local.PartitionOwners;
import org.imrflow.local.ServiceProcess;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

/**
 * Kills the stack's processes with SIGKILL, one at a time, each target once per round in an order the seed shuffles,
 * and restarts each after the configured down time. Only one target is ever down: the next kill waits until the
 * previous target is back (ready), however long its restart takes.
 *
 * <p>With replicas, a service target is one of its replicas (the seed picks which): the others keep serving, and
 * before the restart the killer waits until they hold every partition of the service's consumer groups, and records
 * how long that took (Kafka's session timeout is the bound).
 */
final class Killer implements Runnable {
    /** The longest a takeover is waited for: well past the services' 10 s session timeout. */
    private static final long TAKEOVER_WAIT_MS = 60_000;

    private final LocalSystem system;
    private final ChaosOptions options;
    private final BooleanSupplier allSubmitted;
    private final BooleanSupplier stop;
    private final PrintStream out;
    private final long runStart;
    private final List<Kill> kills = new CopyOnWriteArrayList<>();
    private volatile boolean finished;
    private volatile String down;
    /** With replicas: who holds which partitions, asked after each replica's kill. */
    private PartitionOwners owners;
    /** With replicas: who holds which partitions, asked after each replica's kill. */
    Killer(LocalSystem system, ChaosOptions options, BooleanSupplier allSubmitted, BooleanSupplier stop, PrintStream out,
           long runStart) {
        this.system = system;
        this.options = options;
        this.allSubmitted = allSubmitted;
        this.stop = stop;
        this.out = out;
        this.runStart = runStart;
    }

    List<Kill> kills() {
        return List.copyOf(kills);
    }

    boolean finished() {
        return finished;
    }

    /** What is down right now (a component's label or a replica's name), if anything. */
    String down() {
        return down;
    }

    @Override
    public void run() {
        try {
            if (options.targets().isEmpty()) {
                return;
            }
            Random random = new Random(options.seed());
            owners = system.replicaCount() > 1 ? new PartitionOwners(system.kafkaBootstrapServers()) : null;
            long nextKill = System.currentTimeMillis() + jittered(random);
            int round = 0;
            while (!stop.getAsBoolean() && !enough(round)) {
                List<Component> order = new ArrayList<>(options.targets());
                Collections.shuffle(order, random);
                for (Component target : order) {
                    if (options.rounds() == 0 && round >= 1 && allSubmitted.getAsBoolean()) {
                        return; // past the first round, the kills go on only while cases are still being submitted
                    }
                    if (!waitUntil(nextKill)) {
                        return;
                    }
                    Kill kill = killAndRestart(target, random);
                    kills.add(kill);
                    if (!kill.restarted()) {
                        out.printf("[chaos %5.1f s] %s did not come back: %s; no more kills%n", seconds(System.currentTimeMillis()),
                                kill.instance(), kill.failure());
                        return;
                    }
                    nextKill = Math.max(kill.killedAt() + jittered(random), kill.readyAt() + 1_000);
                }
                round++;
            }
        } finally {
            if (owners != null) {
                owners.close();
            }
            finished = true;
        }
    }

    private boolean enough(int round) {
        return options.rounds() > 0 ? round >= options.rounds() : round >= 1 && allSubmitted.getAsBoolean();
    }

    private Kill killAndRestart(Component target, Random random) {
        boolean oneReplica = target.isService() && system.replicaCount() > 1;
        int index = oneReplica ? random.nextInt(system.replicaCount()) : 0;
        String instance = oneReplica ? system.replicas(target.service()).get(index).instance() : target.label();
        long pid = oneReplica ? system.pid(target.service(), index) : system.pid(target);
        long killedAt = System.currentTimeMillis();
        long takeover = -1;
        down = instance;
        try {
            out.printf("[chaos %5.1f s] kill -9 %s (pid %d)%n", seconds(killedAt), instance, pid);
            if (oneReplica) {
                system.kill(target.service(), index);
                takeover = awaitTakeover(target.service(), instance, killedAt);
            } else {
                system.kill(target);
            }
            RetryingHttp.pause(Math.max(0, killedAt + options.down().toMillis() - System.currentTimeMillis()));
            RuntimeException last = null;
            for (int attempt = 1; attempt <= 3; attempt++) {
                try {
                    if (oneReplica) {
                        system.restart(target.service(), index);
                    } else {
                        system.restart(target);
                    }
                    long readyAt = System.currentTimeMillis();
                    out.printf("[chaos %5.1f s] %s is back (pid %d), %.1f s after the kill%n", seconds(readyAt),
                            instance, oneReplica ? system.pid(target.service(), index) : system.pid(target),
                            (readyAt - killedAt) / 1000.0);
                    return new Kill(target, instance, pid, killedAt, readyAt, null, takeover);
                } catch (RuntimeException e) {
                    last = e;
                    out.printf("[chaos %5.1f s] restart %d of %s failed: %s%n", seconds(System.currentTimeMillis()),
                            attempt, instance, e.getMessage());
                    RetryingHttp.pause(2_000);
                }
            }
            return new Kill(target, instance, pid, killedAt, 0, last.getMessage(), takeover);
        } catch (RuntimeException e) {
            return new Kill(target, instance, pid, killedAt, 0, e.toString(), takeover);
        } finally {
            down = null;
        }
    }

    /**
     * Waits until the service's other replicas hold every partition of its consumer groups; returns the milliseconds
     * from the kill, or -1 if that did not happen within {@value #TAKEOVER_WAIT_MS} ms.
     */
    private long awaitTakeover(ImrService service, String killed, long killedAt) {
        List<String> instances = system.replicas(service).stream().map(ServiceProcess::instance).toList();
        List<String> survivors = instances.stream().filter(name -> !name.equals(killed)).toList();
        String last = "";
        while (System.currentTimeMillis() - killedAt < TAKEOVER_WAIT_MS && !stop.getAsBoolean()) {
            try {
                List<PartitionOwners.Assignment> groups = owners.ofService(service, instances);
                if (!groups.isEmpty() && groups.stream().allMatch(group -> group.settledOn(survivors))) {
                    long took = System.currentTimeMillis() - killedAt;
                    out.printf("[chaos %5.1f s] %s's partitions taken over %.1f s after the kill: %s%n",
                            seconds(System.currentTimeMillis()), killed, took / 1000.0,
                            groups.stream().map(PartitionOwners.Assignment::describe).toList());
                    return took;
                }
                last = groups.stream().map(PartitionOwners.Assignment::describe).toList().toString();
            } catch (RuntimeException e) {
                last = e.getMessage();
            }
            RetryingHttp.pause(250);
        }
        out.printf("[chaos %5.1f s] %s's partitions NOT taken over within %d s: %s%n", seconds(System.currentTimeMillis()),
                killed, TAKEOVER_WAIT_MS / 1000, last);
        return -1;
    }

    private long jittered(Random random) {
        long every = options.killEvery().toMillis();
        return every * 3 / 4 + (long) (random.nextDouble() * every / 2);
    }

    private boolean waitUntil(long when) {
        while (System.currentTimeMillis() < when) {
            if (stop.getAsBoolean() || !RetryingHttp.pause(Math.min(200, when - System.currentTimeMillis()))) {
                return false;
            }
        }
        return !stop.getAsBoolean();
    }

    private double seconds(long epochMillis) {
        return (epochMillis - runStart) / 1000.0;
    }
}
