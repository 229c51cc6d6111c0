package fr.prevexp.processes;

import fr.prevexp.engine.command.RecordAct;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
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
            gateway.sendAndWait(command);
        } catch (CommandExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }
}
