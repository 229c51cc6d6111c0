package fr.prevexp.processes;

import fr.prevexp.engine.ActRefusedException;
import fr.prevexp.engine.Stage;
import fr.prevexp.engine.TransientFailure;
import fr.prevexp.engine.command.RecordAct;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.springframework.stereotype.Component;

/** Sends the procedure's commands through Axon, in the transaction of the Camunda job or correlation. */
@Component
public class AxonProcedureCommands implements ProcedureCommands {
    private final CommandGateway gateway;

    public AxonProcedureCommands(CommandGateway gateway) {
        this.gateway = gateway;
    }

    @Override
    public void record(RecordAct command) {
        try {
            try {
                gateway.sendAndWait(command);
            } catch (RuntimeException e) {
                RuntimeException failure = e instanceof CommandExecutionException && e.getCause() instanceof RuntimeException r ? r : e;
                // A partner (or another node) wrote to the dossier at the same moment: ordinary concurrency. As Camunda's own
                // optimistic-locking failure, the job is tried again without spending its retries (never an incident for that).
                if (TransientFailure.isTransient(failure)) {
                    throw new OptimisticLockingException("concurrent write on dossier " + command.caseId() + "; the step is tried again", failure);
                }
                throw failure;
            }
        } catch (ActRefusedException refused) {
            // A dossier closed while the procedure was catching up: nothing is left for the procedure to record.
            // Any other refusal is a real problem and fails the step (an incident in Cockpit).
            if (refused.stage() != Stage.CLOSED) throw refused;
            LOG.info("Dossier {} is closed: the procedure records nothing more ({})", command.caseId(), refused.getMessage());
        }
    }

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(AxonProcedureCommands.class);
}
