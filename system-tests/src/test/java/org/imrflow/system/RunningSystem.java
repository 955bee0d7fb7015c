package org.imrflow.system;

import org.imrflow.local.LocalSystem;
import org.imrflow.local.StackOptions;
import org.imrflow.local.SystemOptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One local system (Kafka, PostgreSQL, Keycloak and the four services as their own processes) shared by the system
 * tests that kill nothing: started by the first that needs it, stopped when the test JVM ends. The chaos test starts
 * its own, because it kills processes. The services export their traces to {@link #traces}.
 */
final class RunningSystem {
    private static RunningSystem shared;

    final LocalSystem system;
    final Path dataDir;
    final OtlpReceiver traces;

    private RunningSystem(LocalSystem system, Path dataDir, OtlpReceiver traces) {
        this.system = system;
        this.dataDir = dataDir;
        this.traces = traces;
    }

    /** The shared system, started on first use. */
    static synchronized RunningSystem get() {
        if (shared == null) {
            try {
                Path root = Path.of(System.getProperty("imrflow.repository-root", "..")).toAbsolutePath().normalize();
                Path dataDir = Files.createTempDirectory(root.resolve("system-tests/target"), "system-");
                OtlpReceiver traces = OtlpReceiver.start();
                shared = new RunningSystem(LocalSystem.start(new SystemOptions(root, StackOptions.ephemeral(dataDir),
                        false, true, "256m").withOtlpEndpoint(traces.endpoint())), dataDir, traces);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            RunningSystem started = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                started.system.close();
                started.traces.close();
            }, "imrflow-system-test-stop"));
        }
        return shared;
    }
}
