package org.imrflow.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** A JVM started by the local stack, with its output in a log file, stopped with the stack. */
public final class ChildProcess implements AutoCloseable {
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
        return startJava(name, jvmAndProgramArgs, Map.of(), List.of(), log);
    }

    /**
     * As {@link #startJava(String, List, Path)}, with {@code environment} added to the launcher's and every inherited
     * variable whose name starts with one of {@code unsetPrefixes} removed.
     */
    static ChildProcess startJava(String name, List<String> jvmAndProgramArgs, Map<String, String> environment,
                                  List<String> unsetPrefixes, Path log) {
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
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().keySet().removeIf(variable -> unsetPrefixes.stream().anyMatch(variable::startsWith));
            builder.environment().putAll(environment);
            Process process = builder.start();
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

    /** The exit code; empty while the process runs. */
    Optional<Integer> exitCode() {
        return process.isAlive() ? Optional.empty() : Optional.of(process.exitValue());
    }

    /** Resident memory of a process from /proc, in MiB; empty where /proc is not there. */
    public static Optional<Long> residentMemoryMiB(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Optional.of(Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024);
                }
            }
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
        return Optional.empty();
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
