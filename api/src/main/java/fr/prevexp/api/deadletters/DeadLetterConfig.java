package fr.prevexp.api.deadletters;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.springboot.EventProcessorProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The dead-letter queues of the processors (<i>files des lettres mortes</i>). Axon's Spring Boot
 * support gives each processing group with {@code axon.eventhandling.processors.<group>.dlq.enabled}
 * a {@code JpaSequencedDeadLetterQueue} sequenced like the processor (per aggregate: per dossier);
 * here every queue gets the {@link DeadLetterPolicy} (passing failures retried, not parked) and is
 * emptied when its read model is reset for a replay, which takes every event again: what still
 * fails is parked again, what a fix made acceptable is handled, and nothing stale stays listed.
 * The procedure's queue is never emptied that way: the procedure is never replayed.
 */
@Configuration
public class DeadLetterConfig {

    @Bean
    public ConfigurerModule deadLetterPolicy(EventProcessorProperties processors) {
        return configurer -> {
            EventProcessingConfigurer processing = configurer.eventProcessing();
            processing.registerDefaultDeadLetterPolicy(c -> new DeadLetterPolicy());
            processors.getProcessors().forEach((group, settings) -> {
                if (settings.getDlq().isEnabled()) {
                    processing.registerDeadLetteringEventHandlerInvokerConfiguration(group, (c, invoker) -> invoker.allowReset(true));
                }
            });
        };
    }
}
