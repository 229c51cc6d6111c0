package fr.prevexp.api.deadletters;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.deadletter.EnqueueDecision;
import org.axonframework.messaging.deadletter.GenericDeadLetter;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.CannotCreateTransactionException;

import java.sql.SQLException;
import java.sql.SQLTimeoutException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Which failures park a dossier and which are retried by the processor. */
class DeadLetterPolicyTest {
    final DeadLetterPolicy policy = new DeadLetterPolicy();
    final GenericDeadLetter<EventMessage<?>> letter = new GenericDeadLetter<>("case-1", GenericEventMessage.asEventMessage("act"));

    @Test
    void passingFailuresAreThrownBackToTheProcessorNotParked() {
        for (Throwable passing : new Throwable[]{
                new OptimisticLockingException("ACT_RU_EXECUTION was updated by another transaction concurrently"),
                new ProcessEngineException("wrapped", new OptimisticLockingException("concurrent job")),
                new CannotAcquireLockException("Timeout trying to lock table", new SQLTimeoutException("Timeout trying to lock table", "HYT00")),
                new CannotCreateTransactionException("database down"),
                new RuntimeException(new SQLException("could not serialize access", "40001")),
                new RuntimeException(new SQLException("connection refused", "08001")),
                new RuntimeException(new SQLException("lock not available", "55P03")),
                new org.axonframework.modelling.command.ConcurrencyException("another act was appended first"),
                new RuntimeException(new java.sql.SQLNonTransientConnectionException("Database is already closed", "08003"))}) {
            assertThat(TransientFailures.isTransient(passing)).as(passing.toString()).isTrue();
            assertThatThrownBy(() -> policy.decide(letter, passing)).isInstanceOf(DeadLetterPolicy.PassingFailure.class).hasCause(passing);
        }
    }

    @Test
    void anythingElseParksTheDossierWithItsCause() {
        for (Throwable lasting : new Throwable[]{
                new DataIntegrityViolationException("value too long", new SQLException("Value too long for column", "22001")),
                new NullPointerException("landlord"),
                new IllegalStateException("no procedure instance"),
                new RuntimeException(new SQLException("numeric value out of range", "22003"))}) {
            assertThat(TransientFailures.isTransient(lasting)).as(lasting.toString()).isFalse();
            EnqueueDecision<EventMessage<?>> decision = policy.decide(letter, lasting);
            assertThat(decision.shouldEnqueue()).isTrue();
            assertThat(decision.enqueueCause()).hasValueSatisfying(c -> assertThat(c.getMessage()).isEqualTo(lasting.getMessage()));
        }
    }
}
