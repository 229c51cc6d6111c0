package fr.prevexp.api.config;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.spring.ProcessEngineFactoryBean;
import org.springframework.boot.autoconfigure.AbstractDependsOnBeanFactoryPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;

/**
 * The schema of the event store, the token store, the dead letters and the read models is versioned
 * by Flyway ({@code api/src/main/resources/db/migration/{vendor}}: {@code h2}, {@code postgresql}),
 * and Hibernate only validates it ({@code ddl-auto: validate}). Camunda keeps managing its own tables
 * ({@code camunda.bpm.database.schema-update}), but only after Flyway: Flyway refuses to migrate a
 * non-empty schema that has no history, and a database of a release before Flyway (our tables made
 * by {@code ddl-auto: update}) is recognised by {@code baseline-on-migrate}: it is taken as version 1
 * (the schema those releases made) and brought forward by the later versions.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "spring.flyway.enabled", matchIfMissing = true)
public class SchemaMigrations extends AbstractDependsOnBeanFactoryPostProcessor {
    public SchemaMigrations() {
        super(ProcessEngine.class, ProcessEngineFactoryBean.class, "flywayInitializer");
    }
}
