package org.imrflow.local;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The recovery after a crashed launcher: what it recorded is found and stopped; nothing else is ever touched. */
class PidFileTest {
    private static final Duration GRACE = Duration.ofSeconds(5);
    private final List<Process> started = new ArrayList<>();

    @TempDir
    Path dataDir;

    @AfterEach
    void stopLeftovers() {
        started.forEach(Process::destroyForcibly);
    }

    @Test
    void aRecordedChildThatIsStillRunningIsFoundAndStopped() throws Exception {
        Process child = harmless(true);
        PidFile crashedRun = PidFile.in(dataDir);
        crashedRun.record("kafka", child.pid());
        // the launcher "dies" here without stopping anything; a new start reads the same file
        PidFile.Recovery recovery = PidFile.in(dataDir).recover(GRACE);

        assertEquals(List.of("kafka"), recovery.stopped().stream().map(PidFile.Entry::name).toList());
        assertTrue(child.waitFor(10, TimeUnit.SECONDS), "the child was stopped");
        assertFalse(Files.exists(crashedRun.path()), "the stale pid file is gone");
    }

    @Test
    void aChildRecordedTheMomentItStartsIsStillFoundAndStopped() throws Exception {
        // recorded before its exec has happened, a child's command line is this JVM's or the spawn helper's
        PidFile crashedRun = PidFile.in(dataDir);
        List<Process> children = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            Process child = harmless(true);
            children.add(child);
            crashedRun.record("child-" + i, child.pid());
        }
        String recorded = Files.readString(crashedRun.path());
        PidFile.Recovery recovery = PidFile.in(dataDir).recover(GRACE);

        assertEquals(20, recovery.stopped().size(), "every child was recognised: " + recovery + "\n" + recorded);
        for (Process child : children) {
            assertTrue(child.waitFor(10, TimeUnit.SECONDS), "the child was stopped");
        }
    }

    @Test
    void aPidNowHeldByAnotherProcessIsNeverKilled() throws Exception {
        Process child = harmless(false);
        PidFile crashedRun = PidFile.in(dataDir);
        crashedRun.record("intake-service", child.pid());
        // The kernel has since handed the pid to another program: same number, other start time and command line.
        rewrite(crashedRun.path(), line -> {
            String[] fields = line.split("\t", 5);
            fields[2] = Long.toString(Long.parseLong(fields[2]) - 60_000);
            fields[3] = "0".repeat(64);
            return String.join("\t", fields);
        });

        PidFile.Recovery recovery = PidFile.in(dataDir).recover(GRACE);

        assertEquals(List.of("intake-service"), recovery.foreign().stream().map(PidFile.Entry::name).toList());
        assertTrue(recovery.stopped().isEmpty());
        assertTrue(child.isAlive(), "a process that is not the recorded one is left alone");
    }

    @Test
    void aSameStartTimeWithAnotherCommandLineIsNotEnough() throws Exception {
        Process child = harmless(false);
        PidFile crashedRun = PidFile.in(dataDir);
        crashedRun.record("postgres", child.pid());
        rewrite(crashedRun.path(), line -> {
            String[] fields = line.split("\t", 5);
            fields[3] = "f".repeat(64);
            return String.join("\t", fields);
        });

        assertTrue(PidFile.in(dataDir).recover(GRACE).stopped().isEmpty());
        assertTrue(child.isAlive());
    }

    @Test
    void theTestJvmItselfIsNeverStoppedEvenIfRecorded() {
        PidFile crashedRun = PidFile.in(dataDir);
        crashedRun.record("review-service", ProcessHandle.current().pid());

        PidFile.Recovery recovery = PidFile.in(dataDir).recover(GRACE);

        assertTrue(recovery.stopped().isEmpty());
    }

    @Test
    void aProcessThatHasExitedIsReportedGone() throws Exception {
        Process child = harmless(false);
        PidFile crashedRun = PidFile.in(dataDir);
        crashedRun.record("notification-service", child.pid());
        child.destroyForcibly().waitFor(10, TimeUnit.SECONDS);

        PidFile.Recovery recovery = PidFile.in(dataDir).recover(GRACE);

        assertEquals(List.of("notification-service"), recovery.gone().stream().map(PidFile.Entry::name).toList());
    }

    @Test
    void whileThePreviousLauncherStillRunsNothingIsStopped() throws Exception {
        Process otherLauncher = harmless(false);
        Process itsKafka = harmless(true);
        PidFile running = PidFile.in(dataDir);
        running.record(PidFile.LAUNCHER, otherLauncher.pid());
        running.record("kafka", itsKafka.pid());

        PidFile.Recovery recovery = PidFile.in(dataDir).recover(GRACE);

        assertEquals(otherLauncher.pid(), recovery.runningLauncher().orElseThrow().pid());
        assertTrue(recovery.stopped().isEmpty());
        assertTrue(itsKafka.isAlive() && otherLauncher.isAlive(), "another running stack is not ours to stop");
        assertTrue(Files.exists(running.path()), "its pid file stays");
    }

    /** {@code sleep}, started like the stack's children (through setsid where there is one) or directly. */
    private Process harmless(boolean throughSetsid) throws IOException {
        List<String> command = new ArrayList<>();
        if (throughSetsid && Files.isExecutable(Path.of("/usr/bin/setsid"))) {
            command.add("/usr/bin/setsid");
        }
        command.addAll(List.of("sleep", "300"));
        Process process = new ProcessBuilder(command).start();
        started.add(process);
        return process;
    }

    private static void rewrite(Path file, java.util.function.UnaryOperator<String> entry) throws IOException {
        List<String> lines = Files.readAllLines(file).stream()
                .map(line -> line.startsWith("#") ? line : entry.apply(line))
                .toList();
        Files.write(file, lines);
    }
}
