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
 */
public record SystemOptions(Path repositoryRoot, StackOptions stack, boolean fixedPorts, boolean demo, String serviceHeap,
                            String httpHost) {
    public static final String LOOPBACK = "127.0.0.1";

    /** Services on loopback only. */
    public SystemOptions(Path repositoryRoot, StackOptions stack, boolean fixedPorts, boolean demo, String serviceHeap) {
        this(repositoryRoot, stack, fixedPorts, demo, serviceHeap, LOOPBACK);
    }
}
