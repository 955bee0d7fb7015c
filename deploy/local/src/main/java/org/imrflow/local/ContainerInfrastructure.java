package org.imrflow.local;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.PostgreSQLContainer;
import org.testcontainers.kafka.KafkaContainer;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The alternative provider, for machines with a Docker engine: the same Kafka and PostgreSQL, from containers.
 * Chosen by {@code IMRFLOW_INFRA=containers}, or automatically when Docker answers.
 */
final class ContainerInfrastructure implements Infrastructure {
    private final PostgreSQLContainer<?> postgres;
    private final KafkaContainer kafka;
    private final PostgresServer server;

    private ContainerInfrastructure(PostgreSQLContainer<?> postgres, KafkaContainer kafka) {
        this.postgres = postgres;
        this.kafka = kafka;
        this.server = PostgresServer.existing(postgres.getHost(), postgres.getMappedPort(5432),
                postgres.getUsername(), postgres.getPassword());
    }

    /** Cheap check first: no socket and no DOCKER_HOST means no Docker, without asking Testcontainers. */
    static boolean dockerReachable() {
        boolean hint = System.getenv("DOCKER_HOST") != null || Files.exists(Path.of("/var/run/docker.sock"));
        if (!hint) {
            return false;
        }
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException e) {
            return false;
        }
    }

    static ContainerInfrastructure start() {
        PostgreSQLContainer<?> postgres = new PostgreSQLContainer<>("postgres:16-alpine");
        KafkaContainer kafka = new KafkaContainer("apache/kafka:4.0.0");
        postgres.start();
        kafka.start();
        return new ContainerInfrastructure(postgres, kafka);
    }

    @Override
    public String kafkaBootstrapServers() {
        return kafka.getBootstrapServers();
    }

    @Override
    public Database database(String name) {
        return server.database(name);
    }

    @Override
    public String describe() {
        return "Kafka and PostgreSQL in containers";
    }

    @Override
    public void close() {
        kafka.stop();
        postgres.stop();
    }
}
