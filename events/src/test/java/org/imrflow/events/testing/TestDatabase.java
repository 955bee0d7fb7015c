package org.imrflow.events.testing;

import org.eclipse.microprofile.config.ConfigProvider;
import org.imrflow.events.EventType;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The running {@code @QuarkusTest}'s own database over plain JDBC, for what a test must see for itself: how many
 * outbox rows a case has, whether the inbox took an event, rows written behind the service's back.
 */
public final class TestDatabase {
    private TestDatabase() {
    }

    public static Connection connect() throws SQLException {
        var config = ConfigProvider.getConfig();
        return DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getOptionalValue("quarkus.datasource.username", String.class).orElse("postgres"),
                config.getOptionalValue("quarkus.datasource.password", String.class).orElse(""));
    }

    /** The single number a query such as {@code select count(*) ... where x = ?} answers. */
    public static long number(String query, Object... parameters) throws SQLException {
        try (Connection db = connect(); PreparedStatement statement = db.prepareStatement(query)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    public static void execute(String statement) throws SQLException {
        try (Connection db = connect(); var sql = db.createStatement()) {
            sql.execute(statement);
        }
    }

    /** Events of the type the service has written for the case: committed ones only, sent or not. */
    public static long outboxRows(String caseNumber, EventType type) throws SQLException {
        return number("select count(*) from event_outbox where case_number = ? and event_type = ?",
                caseNumber, type.cloudEventType());
    }
}
