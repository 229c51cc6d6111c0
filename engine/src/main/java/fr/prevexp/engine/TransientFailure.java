package fr.prevexp.engine;

import org.axonframework.modelling.command.ConcurrencyException;

import java.sql.SQLException;
import java.sql.SQLTransientException;
import java.util.Set;

/**
 * Which failures are ordinary concurrency (<i>conflit d'écriture passager</i>) and settle by trying
 * again: another write appended to the same dossier first (Axon's optimistic concurrency), or the
 * database made a transaction wait for a lock too long, or chose it as a deadlock victim. Anything
 * else is a real failure and is never retried blindly. The one place this is decided, for the
 * partner API and for the procedure alike.
 */
public final class TransientFailure {
    /** SQL states of transient conflicts: serialization failure, deadlock, lock not available, H2's lock timeout. */
    private static final Set<String> SQL_STATES = Set.of("40001", "40P01", "55P03", "HYT00");
    /** H2's own error codes: lock timeout, deadlock, concurrent update in another transaction. */
    private static final Set<Integer> H2_CODES = Set.of(50200, 40001, 90131);

    private TransientFailure() {
    }

    /** Whether this failure, or any of its causes, is a transient conflict that a new attempt may settle. */
    public static boolean isTransient(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConcurrencyException || t instanceof SQLTransientException) return true;
            if (t instanceof SQLException sql && ((sql.getSQLState() != null && SQL_STATES.contains(sql.getSQLState()))
                    || H2_CODES.contains(sql.getErrorCode()))) {
                return true;
            }
        }
        return false;
    }
}
