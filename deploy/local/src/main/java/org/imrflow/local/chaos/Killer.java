package org.imrflow.local.chaos;

import org.imrflow.local.LocalSystem;
import org.imrflow.local.LocalSystem.Component;

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
 */
final class Killer implements Runnable {
    private final LocalSystem system;
    private final ChaosOptions options;
    private final BooleanSupplier allSubmitted;
    private final BooleanSupplier stop;
    private final PrintStream out;
    private final long runStart;
    private final List<Kill> kills = new CopyOnWriteArrayList<>();
    private volatile boolean finished;
    private volatile Component down;

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

    /** What is down right now, if anything. */
    Component down() {
        return down;
    }

    @Override
    public void run() {
        try {
            if (options.targets().isEmpty()) {
                return;
            }
            Random random = new Random(options.seed());
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
                    Kill kill = killAndRestart(target);
                    kills.add(kill);
                    if (!kill.restarted()) {
                        out.printf("[chaos %5.1f s] %s did not come back: %s; no more kills%n", seconds(System.currentTimeMillis()),
                                target.label(), kill.failure());
                        return;
                    }
                    nextKill = Math.max(kill.killedAt() + jittered(random), kill.readyAt() + 1_000);
                }
                round++;
            }
        } finally {
            finished = true;
        }
    }

    private boolean enough(int round) {
        return options.rounds() > 0 ? round >= options.rounds() : round >= 1 && allSubmitted.getAsBoolean();
    }

    private Kill killAndRestart(Component target) {
        long pid = system.pid(target);
        long killedAt = System.currentTimeMillis();
        down = target;
        try {
            out.printf("[chaos %5.1f s] kill -9 %s (pid %d)%n", seconds(killedAt), target.label(), pid);
            system.kill(target);
            RetryingHttp.pause(options.down().toMillis());
            RuntimeException last = null;
            for (int attempt = 1; attempt <= 3; attempt++) {
                try {
                    system.restart(target);
                    long readyAt = System.currentTimeMillis();
                    out.printf("[chaos %5.1f s] %s is back (pid %d), %.1f s after the kill%n", seconds(readyAt),
                            target.label(), system.pid(target), (readyAt - killedAt) / 1000.0);
                    return new Kill(target, pid, killedAt, readyAt, null);
                } catch (RuntimeException e) {
                    last = e;
                    out.printf("[chaos %5.1f s] restart %d of %s failed: %s%n", seconds(System.currentTimeMillis()),
                            attempt, target.label(), e.getMessage());
                    RetryingHttp.pause(2_000);
                }
            }
            return new Kill(target, pid, killedAt, 0, last.getMessage());
        } catch (RuntimeException e) {
            return new Kill(target, pid, killedAt, 0, e.toString());
        } finally {
            down = null;
        }
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
