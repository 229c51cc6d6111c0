package fr.prevexp.projections;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** The one clock of the projection tests: today is 23 November 2026. */
@TestConfiguration
public class FixedToday {
    @Bean
    public Clock clock() {
        return Clock.fixed(Instant.parse("2026-11-23T09:00:00Z"), ZoneOffset.UTC);
    }
}
