package org.imrflow.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A JVM started by the local stack, with its output in a log file, stopped with the stack. */
final class ChildProcess implements AutoCloseable {
    private static final Path SETSID = Path.of("/usr/bin/setsid");
    private final String name;
    private final Process process;
    private final Path log;

    private ChildProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    static ChildProcess startJava(String name, List<String> jvmAndProgramArgs, Path log) {
        List<String> command = new ArrayList<>();
        // A session of its own: Ctrl-C reaches only the launcher, which then stops services before Kafka and
        // PostgreSQL, so consumers leave their groups cleanly and nothing loses its database mid-shutdown.
        if (Files.isExecutable(SETSID)) {
            command.add(SETSID.toString());
        }
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmAndProgramArgs);
        try {
            Files.createDirectories(log.getParent());
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
            return new ChildProcess(name, process, log);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start " + name, e);
        }
    }

    /** Runs a JVM to completion, failing with the tail of its log if it does not exit 0. */
    static void runJava(String name, List<String> args, Path log, long timeoutSeconds) {
        try (ChildProcess child = startJava(name, args, log)) {
            if (!child.process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                throw new IllegalStateException(name + " did not finish within " + timeoutSeconds + " s; see " + log);
            }
            if (child.process.exitValue() != 0) {
                throw new IllegalStateException(name + " exited with " + child.process.exitValue() + "; see " + log
                        + System.lineSeparator() + child.logTail());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while running " + name, e);
        }
    }

    String name() {
        return name;
    }

    Path log() {
        return log;
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** {@code kill -9}: no shutdown hook, no clean close of sockets or files; returns once the process is gone. */
    void kill() {
        process.destroyForcibly();
        if (!waitQuietly(30)) {
            throw new IllegalStateException(name + " (pid " + pid() + ") did not die of SIGKILL within 30 s");
        }
    }

    String logTail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join(System.lineSeparator(), lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** SIGTERM first so Quarkus and Kafka shut down cleanly; SIGKILL if that takes too long. */
    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        if (!waitQuietly(20)) {
            process.destroyForcibly();
            waitQuietly(5);
        }
    }

    private boolean waitQuietly(long seconds) {
        try {
            return process.waitFor(seconds, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
