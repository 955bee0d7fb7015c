package org.imrflow.local;

import java.nio.file.Path;

/**
 * How to run the whole system.
 *
 * @param repositoryRoot  where the built services are
 * @param stack           data folder, fresh start, Kafka and PostgreSQL ports
 * @param fixedPorts      services on 8081-8084; otherwise free ports are picked (tests)
 * @param demo            seed the demo reviewer roster
 * @param serviceHeap     -Xmx of each service JVM, e.g. "256m"
 * @param httpHost        the address the services listen on ({@code quarkus.http.host}); Kafka and PostgreSQL
 *                        always listen on loopback only
 * @param otlpEndpoint    where the services export their traces, given to each as {@value #OTLP_ENDPOINT}; null
 *                        leaves them the launcher's own environment, so a {@value #OTLP_ENDPOINT} set there passes
 *                        through, and none means no tracing (docs/tracing.md)
 * @param replicas        instances of each service, sharing its database and consumer groups; more than one puts a
 *                        load balancer on the service's port ({@link ServiceBalancer})
 * @param partitions      partitions of each IMR topic created at the start (topics that exist keep theirs)
 */
public record SystemOptions(Path repositoryRoot, StackOptions stack, boolean fixedPorts, boolean demo, String serviceHeap,
                            String httpHost, String otlpEndpoint, int replicas, int partitions) {
    public static final String LOOPBACK = "127.0.0.1";
    /** Enough for 12 replicas of a service to each own a partition of every topic it reads. */
    public static final int DEFAULT_PARTITIONS = 12;

    public SystemOptions {
        if (replicas < 1) {
            throw new IllegalArgumentException("--replicas must be at least 1, not " + replicas);
        }
        if (partitions < 1) {
            throw new IllegalArgumentException("--partitions must be at least 1, not " + partitions);
        }
    }

    /** One instance of each service, topics of {@value #DEFAULT_PARTITIONS} partitions. */
    public SystemOptions(Path repositoryRoot, StackOptions stack, boolean fixedPorts, boolean demo, String serviceHeap,
                         String httpHost, String otlpEndpoint) {
        this(repositoryRoot, stack, fixedPorts, demo, serviceHeap, httpHost, otlpEndpoint, 1, DEFAULT_PARTITIONS);
    }
    /** The variable every service reads its OTLP collector from (org.imrflow.events.tracing.OtlpEndpointConfigSource). */
    public static final String OTLP_ENDPOINT = "IMRFLOW_OTLP_ENDPOINT";

    /** Tracing as the launcher's environment says. */
    public SystemOptions(Path repositoryRoot, StackOptions stack, boolean fixedPorts, boolean demo, String serviceHeap,
                         String httpHost) {
        this(repositoryRoot, stack, fixedPorts, demo, serviceHeap, httpHost, null);
    }

    /** Services on loopback only. */
    public SystemOptions(Path repositoryRoot, StackOptions stack, boolean fixedPorts, boolean demo, String serviceHeap) {
        this(repositoryRoot, stack, fixedPorts, demo, serviceHeap, LOOPBACK);
    }

    /** The same, with the services exporting their traces to this OTLP endpoint. */
    public SystemOptions withOtlpEndpoint(String endpoint) {
        return new SystemOptions(repositoryRoot, stack, fixedPorts, demo, serviceHeap, httpHost, endpoint, replicas, partitions);
    }

    /** The same, with {@code replicas} instances of each service. */
    public SystemOptions withReplicas(int replicas) {
        return new SystemOptions(repositoryRoot, stack, fixedPorts, demo, serviceHeap, httpHost, otlpEndpoint, replicas, partitions);
    }

    /** The same, creating topics of {@code partitions} partitions. */
    public SystemOptions withPartitions(int partitions) {
        return new SystemOptions(repositoryRoot, stack, fixedPorts, demo, serviceHeap, httpHost, otlpEndpoint, replicas, partitions);
    }
}
