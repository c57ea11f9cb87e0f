package fr.civmil.health.platform.problem;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

/**
 * Tells a database that cannot be reached (restarting, away) from a failure of the work itself: the first is
 * transient and says nothing about the request or the event, so it is answered 503 and an event is read again
 * later, never dead-lettered. Found by the JDBC types in the cause chain, so that this module needs no
 * persistence library.
 */
public final class DatabaseUnreachable {

    private DatabaseUnreachable() {
    }

    /** The connection failure behind an exception (SQLSTATE class 08, or a connection the pool could not give), or null. */
    public static SQLException causeOf(Throwable exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException connection) {
                return connection;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
                return sql;
            }
        }
        return null;
    }
}
