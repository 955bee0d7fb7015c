package org.imrflow.local;

import java.util.Map;

/** How a service reaches its own PostgreSQL database, in the shapes Quarkus wants. */
public record Database(String host, int port, String name, String username, String password) {

    public String reactiveUrl() {
        return "postgresql://" + host + ":" + port + "/" + name;
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://" + host + ":" + port + "/" + name;
    }

    /** The Quarkus configuration that points a service at this database. */
    public Map<String, String> quarkusConfig() {
        return Map.of(
                "quarkus.datasource.reactive.url", reactiveUrl(),
                "quarkus.datasource.jdbc.url", jdbcUrl(),
                "quarkus.datasource.username", username,
                "quarkus.datasource.password", password);
    }
}
