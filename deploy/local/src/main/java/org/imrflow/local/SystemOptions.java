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
 */
public record SystemOptions(Path repositoryRoot, StackOptions stack, boolean fixedPorts, boolean demo, String serviceHeap,
                            String httpHost, String otlpEndpoint) {
    public static final String LOOPBACK = "127.0.0.1";
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
        return new SystemOptions(repositoryRoot, stack, fixedPorts, demo, serviceHeap, httpHost, endpoint);
    }
}
