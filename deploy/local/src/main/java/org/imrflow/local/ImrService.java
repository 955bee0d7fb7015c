package org.imrflow.local;

import java.nio.file.Path;

/** The four IMR Flow services, each with its default port and its own database. */
public enum ImrService {
    INTAKE("intake-service", 8081, "intake", "claims administrators submit disputes"),
    ASSIGNMENT("assignment-service", 8082, "assignment", "reviewer roster and assignments"),
    REVIEW("review-service", 8083, "review", "reviewers record determinations"),
    NOTIFICATION("notification-service", 8084, "notification", "documents, their delivery, the public archive, operations");

    private final String serviceName;
    private final int defaultPort;
    private final String database;
    private final String purpose;

    ImrService(String serviceName, int defaultPort, String database, String purpose) {
        this.serviceName = serviceName;
        this.defaultPort = defaultPort;
        this.database = database;
        this.purpose = purpose;
    }

    public String serviceName() {
        return serviceName;
    }

    public int defaultPort() {
        return defaultPort;
    }

    /** Health, metrics and OpenAPI: the management interface, 1000 above the API's port (9081 for 8081). */
    public int defaultManagementPort() {
        return defaultPort + 1000;
    }

    public String database() {
        return database;
    }

    public String purpose() {
        return purpose;
    }

    /** The runnable Quarkus application the Maven build leaves in the module. */
    public Path runnableJar(Path repositoryRoot) {
        return repositoryRoot.resolve(serviceName).resolve("target/quarkus-app/quarkus-run.jar");
    }
}
