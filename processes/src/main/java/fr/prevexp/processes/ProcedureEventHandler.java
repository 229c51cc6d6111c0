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

/**
 * Follows the event log from its own tracking token (processing group {@value #GROUP}) and hands
 * every act to the {@link ProcedureBridge}, in the same transaction as the token: after a crash
 * the processor resumes from the last event it committed, so no act is left behind. An error is
 * never swallowed: the processor stops on it and retries with back-off. Not replayed with the
 * read models (the procedure is not a projection).
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
    public void on(CaseEvent event, @SequenceNumber long sequence) {
        bridge.apply(event, sequence);
    }

    @Configuration
    @EnableConfigurationProperties(DepartementSettings.class)
    public static class Wiring {
        /** Errors of the bridge propagate: the tracking processor retries the event instead of logging and skipping it. */
        @Bean
        public ConfigurerModule procedureErrorsPropagate() {
            return configurer -> configurer.eventProcessing()
                    .registerListenerInvocationErrorHandler(GROUP, c -> PropagatingErrorHandler.instance());
        }
    }
}
