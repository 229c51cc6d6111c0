package fr.prevexp.processes;

import fr.prevexp.engine.events.CaseEvent;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Follows the event log from its own tracking token (processing group {@value #GROUP}) and hands
 * every act to the {@link ProcedureBridge}, in the same transaction as the token: after a crash
 * the processor resumes from the last event it committed, so no act is left behind. An error is
 * never swallowed: with the dead-letter queue (application.yml, {@code dlq.enabled}) an act the
 * bridge cannot take parks its dossier (that dossier's later acts wait behind it, the others go
 * on) until the secretariat retries it; a passing failure (database, lock, Camunda optimistic
 * locking) is retried by the processor with back-off instead. Not replayed with the read models
 * (the procedure is not a projection).
 */
@Component
@ProcessingGroup(ProcedureEventHandler.GROUP)
@DisallowReplay
public class ProcedureEventHandler {
    public static final String GROUP = "procedure";
    private final ProcedureBridge bridge;

    public ProcedureEventHandler(ProcedureBridge bridge) {
        this.bridge = bridge;
    }

    @EventHandler
    // Its own transaction (Camunda's and the procedure's acts): a failure undoes this act only, and the processor
    // parks the dossier in its transaction (with the token); an act delivered again changes nothing (lastSequence).
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void on(CaseEvent event, @SequenceNumber long sequence) {
        bridge.apply(event, sequence);
    }

    @Configuration
    @EnableConfigurationProperties(DepartementSettings.class)
    public static class Wiring {
        /**
         * Without a dead-letter queue, errors of the bridge propagate: the tracking processor retries the event
         * instead of logging and skipping it (with one, the queue's invoker propagates to the queue).
         */
        @Bean
        public ConfigurerModule procedureErrorsPropagate() {
            return configurer -> configurer.eventProcessing()
                    .registerListenerInvocationErrorHandler(GROUP, c -> PropagatingErrorHandler.instance());
        }
    }
}
