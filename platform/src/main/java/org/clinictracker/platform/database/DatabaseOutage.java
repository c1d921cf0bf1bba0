package org.clinictracker.platform.database;

import java.sql.SQLException;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Tells a failure of the database itself (down, restarting, connections dropped, no connection to be had in time)
 * from a failure of the request: the first passes once the database is back, so a consumer waits for it and a
 * caller is told to try again (503) rather than that something broke (500).
 */
public final class DatabaseOutage {

    private DatabaseOutage() {
    }

    /** True if the database could not be reached or could not finish the work for a passing reason. */
    public static boolean causedBy(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            // CannotGetJdbcConnectionException is a DataAccessResourceFailureException; a transaction that could
            // not begin for want of a connection is a CannotCreateTransactionException
            if (cause instanceof CannotCreateTransactionException || cause instanceof DataAccessResourceFailureException
                    || cause instanceof TransientDataAccessException) {
                return true;
            }
            // The transaction manager could not commit or roll back on the connection (the pool's "Connection is
            // closed", no SQL state): JdbcTransactionManager turns every SQL failure it can name, a constraint or a
            // serialisation failure among them, into a DataAccessException, so one left as SQLException is the
            // connection's. The work's own failure, if any, rides along as the application exception.
            if (cause instanceof TransactionSystemException failedEnd
                    && (failedEnd.getCause() instanceof SQLException
                            || (failedEnd.getApplicationException() != null && causedBy(failedEnd.getApplicationException())))) {
                return true;
            }
            // 08: connection exception; 57P: server shut down or restarting (also seen when a commit fails)
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
        }
        return false;
    }
}
