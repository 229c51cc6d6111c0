package fr.prevexp.api.deadletters;

import fr.prevexp.engine.TransientFailure;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Which failures of an event handler pass by themselves (<i>défaillances passagères</i>): ordinary
 * concurrency on a dossier ({@link TransientFailure}, the rule of the API and the procedure), Camunda's
 * optimistic locking against the job executor, and the database unreachable, out of connections or
 * cancelling a statement. The event is then retried by its processor; anything else (a value a
 * column cannot hold, a bug) parks the dossier.
 */
public final class TransientFailures {
    /** SQLSTATE classes of an unreachable or overloaded database: connection (08), resources (53), operator intervention (57). */
    private static final Set<String> STATE_CLASSES = Set.of("08", "53", "57");

    private TransientFailures() {
    }

    public static boolean isTransient(Throwable failure) {
        if (TransientFailure.isTransient(failure)) return true;
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (Throwable t = failure; t != null && seen.put(t, true) == null; t = t.getCause()) {
            if (t instanceof org.camunda.bpm.engine.OptimisticLockingException
                    || t instanceof org.springframework.dao.TransientDataAccessException
                    || t instanceof org.springframework.dao.RecoverableDataAccessException
                    || t instanceof org.springframework.jdbc.CannotGetJdbcConnectionException
                    || t instanceof org.springframework.transaction.CannotCreateTransactionException
                    || t instanceof jakarta.persistence.LockTimeoutException
                    || t instanceof jakarta.persistence.PessimisticLockException
                    || t instanceof jakarta.persistence.QueryTimeoutException
                    || t instanceof org.hibernate.exception.JDBCConnectionException
                    || t instanceof org.hibernate.exception.LockAcquisitionException
                    || t instanceof SQLRecoverableException
                    || t instanceof SQLNonTransientConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().length() >= 2
                    && STATE_CLASSES.contains(sql.getSQLState().substring(0, 2))) {
                return true;
            }
        }
        return false;
    }
}
