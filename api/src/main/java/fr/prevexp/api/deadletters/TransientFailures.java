package fr.prevexp.api.deadletters;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Which failures of an event handler pass by themselves (<i>défaillances passagères</i>): the
 * database down or out of connections, a lock or statement timeout, a deadlock or serialization
 * failure, Camunda's optimistic locking against the job executor. The event is then retried by its
 * processor; anything else (a value a column cannot hold, a bug) parks the dossier.
 */
public final class TransientFailures {
    /** SQLSTATE classes and codes that pass: connection (08), rollback (40), resources (53), operator (57), lock not available. */
    private static final Set<String> STATE_CLASSES = Set.of("08", "40", "53", "57");
    private static final Set<String> STATES = Set.of("55P03", "HYT00", "HYT01");

    private TransientFailures() {
    }

    public static boolean isTransient(Throwable failure) {
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
                    || t instanceof org.hibernate.PessimisticLockException
                    || t instanceof SQLTransientException
                    || t instanceof SQLRecoverableException
                    || t instanceof SQLNonTransientConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (STATES.contains(sql.getSQLState()) || sql.getSQLState().length() >= 2
                    && STATE_CLASSES.contains(sql.getSQLState().substring(0, 2)))) {
                return true;
            }
        }
        return false;
    }
}
