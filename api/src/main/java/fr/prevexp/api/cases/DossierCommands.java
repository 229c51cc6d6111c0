package fr.prevexp.api.cases;

import fr.prevexp.engine.TransientFailure;
import fr.prevexp.engine.command.Recorded;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.stereotype.Component;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Sends a command to a dossier (<i>envoi d'une commande au dossier</i>) and settles ordinary
 * concurrency: a write that lost a race with another write on the same dossier (a partner, the
 * procedure, another node) is tried again with a growing, jittered pause; nothing of a failed attempt
 * was stored (its transaction rolled back), so trying again is safe. Only when the race cannot be
 * settled in that time does it fail with a {@link ConcurrencyException} (a 409: send the act again).
 * What counts as ordinary concurrency is {@link TransientFailure}'s rule. Every write of the
 * application goes through here: the partner API and the demo data.
 */
@Component
public class DossierCommands {
    static final int ATTEMPTS = 12;
    private static final long FIRST_PAUSE_MS = 10, LONGEST_PAUSE_MS = 800;

    private final CommandGateway commands;

    public DossierCommands(CommandGateway commands) {
        this.commands = commands;
    }

    /** Sends the command; a refusal or an invalid act is thrown as the dossier raised it. */
    public Recorded send(Object command) {
        for (int attempt = 1; ; attempt++) {
            try {
                return commands.sendAndWait(command);
            } catch (RuntimeException e) {
                RuntimeException failure = e instanceof CommandExecutionException && e.getCause() instanceof RuntimeException r ? r : e;
                if (!TransientFailure.isTransient(failure)) throw failure;
                if (attempt >= ATTEMPTS) {
                    throw failure instanceof ConcurrencyException c ? c : new ConcurrencyException("unsettled conflict", failure);
                }
                pause(attempt);
            }
        }
    }

    private static void pause(int attempt) {
        long ceiling = Math.min(LONGEST_PAUSE_MS, FIRST_PAUSE_MS << Math.min(attempt, 10));
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(ceiling / 2, ceiling + 1));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new ConcurrencyException("interrupted while waiting to retry", interrupted);
        }
    }
}
