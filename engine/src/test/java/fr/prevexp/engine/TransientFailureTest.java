package fr.prevexp.engine;

import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLTransactionRollbackException;

import static org.assertj.core.api.Assertions.assertThat;

class TransientFailureTest {
    @Test
    void concurrencyLockTimeoutsAndDeadlocksAreTransientWhereverTheyAreWrapped() {
        assertThat(TransientFailure.isTransient(new ConcurrencyException("sequence taken"))).isTrue();
        // H2's "Timeout trying to lock table", as Axon's event store wraps it.
        assertThat(TransientFailure.isTransient(new EventStoreException("append failed",
                new RuntimeException(new SQLException("Timeout trying to lock table", "HYT00", 50200))))).isTrue();
        assertThat(TransientFailure.isTransient(new SQLException("deadlock detected", "40P01"))).isTrue();
        assertThat(TransientFailure.isTransient(new SQLException("could not serialize access", "40001"))).isTrue();
        assertThat(TransientFailure.isTransient(new SQLException("lock not available", "55P03"))).isTrue();
        assertThat(TransientFailure.isTransient(new SQLTransactionRollbackException("rolled back"))).isTrue();
    }

    @Test
    void realFailuresAreNot() {
        assertThat(TransientFailure.isTransient(new IllegalStateException("bug"))).isFalse();
        assertThat(TransientFailure.isTransient(new EventStoreException("append failed",
                new SQLIntegrityConstraintViolationException("value too long for column", "22001", 22001)))).isFalse();
        assertThat(TransientFailure.isTransient(new SQLException("numeric field overflow", "22003"))).isFalse();
        assertThat(TransientFailure.isTransient(null)).isFalse();
    }
}
