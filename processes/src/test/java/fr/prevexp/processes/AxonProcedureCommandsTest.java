package fr.prevexp.processes;

import fr.prevexp.engine.ActRefusedException;
import fr.prevexp.engine.DeadlineKind;
import fr.prevexp.engine.RecordedBy;
import fr.prevexp.engine.Stage;
import fr.prevexp.engine.command.RecordAct;
import fr.prevexp.engine.events.DeadlineScheduled;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * A dossier closed before the procedure caught up with it must not stop the procedure (its tracking
 * processor would retry forever for every dossier); any other refusal still fails the step.
 */
class AxonProcedureCommandsTest {
    private final RecordAct scheduled = new RecordAct(new DeadlineScheduled("c", LocalDate.of(2024, 2, 1), RecordedBy.procedure(),
            DeadlineKind.PAYMENT_ORDER_DELAY, LocalDate.of(2024, 2, 1), LocalDate.of(2024, 4, 1)), "k");

    @Test
    void aClosedDossierLeavesNothingToRecord() {
        CommandGateway gateway = mock(CommandGateway.class);
        when(gateway.sendAndWait(any())).thenThrow(new ActRefusedException(Stage.CLOSED, "DeadlineScheduled", "the dossier is closed"));
        assertThatCode(() -> new AxonProcedureCommands(gateway).record(scheduled)).doesNotThrowAnyException();
    }

    @Test
    void anyOtherRefusalFailsTheStep() {
        CommandGateway gateway = mock(CommandGateway.class);
        when(gateway.sendAndWait(any())).thenThrow(new ActRefusedException(Stage.JUDGMENT, "PoliceAssistanceImplicitlyRefused", "no request"));
        assertThatThrownBy(() -> new AxonProcedureCommands(gateway).record(scheduled)).isInstanceOf(ActRefusedException.class);
    }

    @Test
    void aConcurrentWriteOnTheDossierIsRetriedByTheJobExecutorWithoutSpendingRetries() {
        CommandGateway gateway = mock(CommandGateway.class);
        when(gateway.sendAndWait(any())).thenThrow(new org.axonframework.commandhandling.CommandExecutionException("conflict",
                new org.axonframework.modelling.command.ConcurrencyException("sequence 12 already taken")));
        // Camunda does not decrement a job's retries for its own OptimisticLockingException: no incident for ordinary concurrency.
        assertThatThrownBy(() -> new AxonProcedureCommands(gateway).record(scheduled))
                .isInstanceOf(org.camunda.bpm.engine.OptimisticLockingException.class);
    }
}
