package fr.prevexp.api;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.domain.EntityScan;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;

/**
 * The runnable application: REST API for partner systems, Camunda (Cockpit, engine REST), read
 * models and dashboard, on the embedded H2 database by default.
 */
@SpringBootApplication(scanBasePackages = "fr.prevexp")
@EntityScan(basePackages = {"fr.prevexp", "org.axonframework.eventsourcing.eventstore.jpa",
        "org.axonframework.eventhandling.tokenstore.jpa", "org.axonframework.modelling.saga.repository.jpa",
        "org.axonframework.eventhandling.deadletter.jpa"})
@EnableJpaRepositories(basePackages = "fr.prevexp")
public class PrevexpApplication {

    public static void main(String[] args) {
        // The product makes no outbound call: Axon's update checker stays off even without our configuration.
        System.setProperty("axoniq.update-checker.disabled", "true");
        System.setProperty("disable-axoniq-console-message", "true");
        SpringApplication.run(PrevexpApplication.class, args);
    }
}
