package org.imrflow.local;

/**
 * Kafka and PostgreSQL for IMR Flow, wherever they come from: embedded binaries from Maven artifacts
 * (the default, no Docker) or containers where a Docker engine is reachable.
 */
public interface Infrastructure extends AutoCloseable {

    String kafkaBootstrapServers();

    /** Creates the database if it does not exist yet and tells how to reach it. */
    Database database(String name);

    /** A short description for people reading the launcher output. */
    String describe();

    @Override
    void close();

    /** Picks the provider: {@code IMRFLOW_INFRA=embedded|containers}, otherwise containers only when Docker answers. */
    static Infrastructure start(StackOptions options) {
        return start(options, ProcessRecorder.NONE);
    }

    /** As {@link #start(StackOptions)}, telling {@code recorder} of every process it starts. */
    static Infrastructure start(StackOptions options, ProcessRecorder recorder) {
        String chosen = System.getenv().getOrDefault("IMRFLOW_INFRA", "auto");
        boolean containers = switch (chosen) {
            case "containers" -> true;
            case "embedded" -> false;
            case "auto" -> ContainerInfrastructure.dockerReachable();
            default -> throw new IllegalArgumentException("IMRFLOW_INFRA must be embedded, containers or auto, not " + chosen);
        };
        return containers ? ContainerInfrastructure.start() : EmbeddedInfrastructure.start(options, recorder);
    }
}
