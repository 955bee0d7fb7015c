package org.imrflow.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The processes one local stack started, so that the next start can find them after a crash or a {@code kill -9} of
 * the launcher. Each line names a process by pid, start time and a hash of its command line; a process is only ever
 * stopped when all three still match, so a pid the kernel has since given to something else is never touched.
 *
 * <p>The file is rewritten whole (write to a temporary file, then rename) each time a process is recorded, so a crash
 * leaves either the old or the new list, never half a line.
 */
public final class PidFile {
    /** The name under which the launcher (or the chaos harness) records itself. */
    public static final String LAUNCHER = "launcher";
    private static final String FILE_NAME = "imr-flow.pids";
    private static final String HEADER = "# name\tpid\tstart (epoch ms)\tsha-256 of the command line\tcommand (shortened)";

    /** One recorded process. */
    public record Entry(String name, long pid, long startMillis, String commandHash, String command) {
        String line() {
            return String.join("\t", name, Long.toString(pid), Long.toString(startMillis), commandHash,
                    command.replaceAll("[\\t\\r\\n]", " "));
        }

        static Optional<Entry> parse(String line) {
            String[] fields = line.split("\t", 5);
            if (line.isBlank() || line.startsWith("#") || fields.length < 4) {
                return Optional.empty();
            }
            try {
                return Optional.of(new Entry(fields[0], Long.parseLong(fields[1]), Long.parseLong(fields[2]), fields[3],
                        fields.length > 4 ? fields[4] : ""));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }

        @Override
        public String toString() {
            return name + " (pid " + pid + ")";
        }
    }

    /**
     * What a look at the previous run's pid file found.
     *
     * @param stopped         still running as recorded, and stopped now
     * @param gone            no longer running
     * @param foreign         the pid is alive but is another process now (or cannot be checked): left alone
     * @param runningLauncher the previous launcher is itself still running: nothing was stopped
     */
    public record Recovery(List<Entry> stopped, List<Entry> gone, List<Entry> foreign, Optional<Entry> runningLauncher) {
    }

    private final Path file;
    private final Map<String, Entry> entries = new LinkedHashMap<>();

    private PidFile(Path file) {
        this.file = file;
    }

    /** The pid file of the stack whose data folder is {@code dataDir}. Nothing is read or written yet. */
    public static PidFile in(Path dataDir) {
        return new PidFile(dataDir.resolve(FILE_NAME));
    }

    public Path path() {
        return file;
    }

    /** What the file says now. */
    public List<Entry> read() {
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                    .map(Entry::parse).flatMap(Optional::stream).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + file, e);
        }
    }

    /** Records (or replaces) the process under {@code name}. A process that has already exited is not recorded. */
    public synchronized void record(String name, long pid) {
        describeOnceExecd(name, pid).ifPresentOrElse(entry -> entries.put(name, entry), () -> entries.remove(name));
        write();
    }

    /**
     * A process this JVM has only just started may not have exec'd its program yet: for a moment it cannot be read at
     * all, or its command line is this JVM's, the JDK's spawn helper's, or passing values. Recorded then, a later start
     * would not know it (or take it for another process that reused the pid) and leave it running. Waits, briefly,
     * until the same command line is read twice; a process that has exited is not recorded.
     */
    private static Optional<Entry> describeOnceExecd(String name, long pid) {
        String ownHash = sha256(commandLine(ProcessHandle.current().pid(), ProcessHandle.current().info()).orElse(""));
        long giveUpAt = System.currentTimeMillis() + 2_000;
        Optional<Entry> before = Optional.empty();
        while (true) {
            Optional<Entry> entry = describe(name, pid);
            boolean spawning = entry.map(e -> e.command().contains("jspawnhelper") || e.commandHash().equals(ownHash)).orElse(true);
            // mid-exec the kernel shows passing values (seen: "/"): the same line twice, 5 ms apart, is the program's
            if ((!spawning && entry.equals(before)) || System.currentTimeMillis() > giveUpAt) {
                return entry;
            }
            before = entry;
            try {
                Thread.sleep(5); // another process's exec: nothing to await on
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return entry;
            }
        }
    }

    public synchronized void forget(String name) {
        if (entries.remove(name) != null) {
            write();
        }
    }

    /** After an orderly stop: nothing of ours is left running. */
    public synchronized void delete() {
        entries.clear();
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not delete " + file, e);
        }
    }

    /**
     * Stops what the previous run left running, newest first (services, then Kafka, then PostgreSQL), each with
     * SIGTERM and, after {@code grace}, SIGKILL. Only processes that are still exactly the ones recorded are touched.
     * If the previous launcher itself is still running, nothing is stopped: that stack is in use.
     */
    public Recovery recover(Duration grace) {
        List<Entry> previous = read();
        List<Entry> stopped = new ArrayList<>();
        List<Entry> gone = new ArrayList<>();
        List<Entry> foreign = new ArrayList<>();
        long self = ProcessHandle.current().pid();
        for (Entry entry : previous) {
            if (entry.name().equals(LAUNCHER) && entry.pid() != self && status(entry) == Status.SAME) {
                return new Recovery(List.of(), List.of(), List.of(), Optional.of(entry));
            }
        }
        List<Entry> newestFirst = new ArrayList<>(previous);
        java.util.Collections.reverse(newestFirst);
        for (Entry entry : newestFirst) {
            if (entry.name().equals(LAUNCHER) || entry.pid() == self) {
                continue;
            }
            switch (status(entry)) {
                case SAME -> {
                    stop(entry.pid(), grace);
                    stopped.add(entry);
                }
                case GONE -> gone.add(entry);
                case OTHER -> foreign.add(entry);
            }
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not delete " + file, e);
        }
        return new Recovery(stopped, gone, foreign, Optional.empty());
    }

    enum Status { SAME, GONE, OTHER }

    /** Is the recorded process still running, and still that process (same start time, same command line)? */
    static Status status(Entry entry) {
        Optional<ProcessHandle> handle = ProcessHandle.of(entry.pid());
        if (handle.isEmpty() || !handle.get().isAlive()) {
            return Status.GONE;
        }
        return describe(entry.name(), entry.pid())
                .filter(now -> now.startMillis() == entry.startMillis() && now.commandHash().equals(entry.commandHash()))
                .map(now -> Status.SAME)
                .orElse(Status.OTHER);
    }

    /** A process as the pid file records it; empty if it is gone or its start time or command line cannot be read. */
    static Optional<Entry> describe(String name, long pid) {
        return ProcessHandle.of(pid).flatMap(handle -> {
            ProcessHandle.Info info = handle.info();
            Optional<String> command = commandLine(pid, info);
            if (info.startInstant().isEmpty() || command.isEmpty()) {
                return Optional.empty();
            }
            String shortened = command.get().length() > 160 ? command.get().substring(0, 157) + "..." : command.get();
            return Optional.of(new Entry(name, pid, info.startInstant().get().toEpochMilli(), sha256(command.get()), shortened));
        });
    }

    /**
     * The full command line: /proc where there is one (never truncated), otherwise what the JDK reports. A leading
     * {@code setsid} is dropped: it execs the real program in place (same pid, same start time), and the line must
     * not depend on whether that exec had happened yet when the process was recorded.
     */
    static Optional<String> commandLine(long pid, ProcessHandle.Info info) {
        Path proc = Path.of("/proc", Long.toString(pid), "cmdline");
        Optional<String> line = info.commandLine();
        if (Files.isReadable(proc)) {
            try {
                String joined = new String(Files.readAllBytes(proc), StandardCharsets.UTF_8).replace('\0', ' ').strip();
                line = joined.isEmpty() ? Optional.empty() : Optional.of(joined);
            } catch (IOException e) {
                line = Optional.empty();
            }
        }
        return line.map(PidFile::withoutSetsid);
    }

    private static String withoutSetsid(String commandLine) {
        for (String prefix : List.of("/usr/bin/setsid ", "setsid ")) {
            if (commandLine.startsWith(prefix)) {
                return commandLine.substring(prefix.length()).strip();
            }
        }
        return commandLine;
    }

    static void stop(long pid, Duration grace) {
        ProcessHandle.of(pid).ifPresent(handle -> {
            handle.destroy();
            if (!awaitExit(handle, grace)) {
                handle.destroyForcibly();
                awaitExit(handle, Duration.ofSeconds(10));
            }
        });
    }

    static boolean awaitExit(ProcessHandle handle, Duration timeout) {
        try {
            handle.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (java.util.concurrent.TimeoutException e) {
            return !handle.isAlive();
        } catch (java.util.concurrent.ExecutionException e) {
            return !handle.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !handle.isAlive();
        }
    }

    private void write() {
        List<String> lines = new ArrayList<>();
        lines.add(HEADER);
        entries.values().forEach(entry -> lines.add(entry.line()));
        try {
            Files.createDirectories(file.getParent());
            Path temporary = file.resolveSibling(FILE_NAME + ".tmp");
            Files.write(temporary, lines, StandardCharsets.UTF_8);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + file, e);
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
