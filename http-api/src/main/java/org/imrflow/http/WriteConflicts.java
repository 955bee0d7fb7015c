package org.imrflow.http;

import io.vertx.sqlclient.DatabaseException;
import jakarta.persistence.OptimisticLockException;
import org.hibernate.JDBCException;
import org.hibernate.StaleStateException;

import java.sql.SQLException;

import java.util.Set;

/**
 * Failures that mean another writer got there first: a version that moved on (optimistic locking), a unique key
 * taken meanwhile, a serialization failure or a deadlock. A consumer retries them; a REST call answers 409.
 */
public final class WriteConflicts {
    /** unique_violation, serialization_failure, deadlock_detected */
    private static final Set<String> CONFLICT_STATES = Set.of("23505", "40001", "40P01");

    private WriteConflicts() {
    }

    public static boolean isConflict(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof StaleStateException || cause instanceof OptimisticLockException
                    || (sqlState(cause) != null && CONFLICT_STATES.contains(sqlState(cause)))) {
                return true;
            }
        }
        return false;
    }

    public static boolean isUniqueViolation(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if ("23505".equals(sqlState(cause))) {
                return true;
            }
        }
        return false;
    }

    /** The SQLSTATE, as the PostgreSQL client or Hibernate reports it; null for anything else. */
    private static String sqlState(Throwable failure) {
        if (failure instanceof DatabaseException database) {
            return database.getSqlState();
        }
        if (failure instanceof JDBCException jdbc) {
            return jdbc.getSQLState();
        }
        if (failure instanceof SQLException sql) {
            return sql.getSQLState();
        }
        return null;
    }
}
