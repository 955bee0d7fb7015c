package org.imrflow.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** The default: a Kafka broker JVM and embedded PostgreSQL, both from Maven artifacts, no Docker. */
final class EmbeddedInfrastructure implements Infrastructure {
    private final PostgresServer postgres;
    private final KafkaBroker kafka;

    private EmbeddedInfrastructure(PostgresServer postgres, KafkaBroker kafka) {
        this.postgres = postgres;
        this.kafka = kafka;
    }

    static EmbeddedInfrastructure start(StackOptions options, ProcessRecorder recorder) {
        if (options.fresh()) {
            wipeKeepingReports(options.dataDir());
        }
        PostgresServer postgres = PostgresServer.start(options.dataDir(), options.postgresPort(), recorder);
        try {
            return new EmbeddedInfrastructure(postgres, KafkaBroker.start(options.dataDir(), options.kafkaPort(), recorder));
        } catch (RuntimeException e) {
            postgres.close();
            throw e;
        }
    }

    @Override
    public String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    @Override
    public Database database(String name) {
        return postgres.database(name);
    }

    @Override
    public String describe() {
        return "Kafka (KRaft) on " + kafka.bootstrapServers() + ", " + postgres.describe();
    }

    KafkaBroker kafka() {
        return kafka;
    }

    PostgresServer postgres() {
        return postgres;
    }

    @Override
    public void close() {
        try {
            kafka.close();
        } finally {
            postgres.close();
        }
    }

    /** Everything in the data folder but its {@value StackOptions#REPORTS}. */
    static void wipeKeepingReports(Path dataDir) {
        if (!Files.isDirectory(dataDir)) {
            return;
        }
        try (Stream<Path> entries = Files.list(dataDir)) {
            entries.filter(entry -> !entry.getFileName().toString().equals(StackOptions.REPORTS)).forEach(EmbeddedInfrastructure::deleteRecursively);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not clear " + dataDir, e);
        }
    }

    static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not clear " + dir, e);
        }
    }
}
