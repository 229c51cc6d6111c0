package fr.prevexp.api.config;

import fr.prevexp.engine.aggregate.EvictionCase;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.GenericEventMessage;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

/** Wires the domain into Axon: the dossier aggregate, and the one clock everything reads. */
@Configuration
public class AxonConfig {

    /** The eviction case file, event-sourced from the JPA event store. */
    @Bean
    public ConfigurerModule evictionCaseAggregate() {
        return configurer -> configurer.configureAggregate(EvictionCase.class);
    }

    /** The one clock of the application; tests replace it to travel through months of procedure. */
    @Bean
    @ConditionalOnMissingBean
    public Clock clock() {
        return Clock.systemUTC();
    }

    /** Axon stamps events and the aggregate reads "today" from {@link GenericEventMessage#clock}: the same clock. */
    @Bean
    public InitializingBean axonClock(Clock clock) {
        return () -> GenericEventMessage.clock = clock;
    }
}
