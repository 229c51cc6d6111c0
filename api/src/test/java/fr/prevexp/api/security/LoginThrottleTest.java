package fr.prevexp.api.security;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/** The limiter alone, on a clock the test moves: N failures per address and window, other addresses unaffected. */
class LoginThrottleTest {
    /** A clock the test sets. */
    static final class MovableClock extends Clock {
        Instant now = Instant.parse("2026-03-02T09:00:00Z");

        @Override public ZoneId getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(ZoneId zone) { return this; }
        @Override public Instant instant() { return now; }
    }

    @Test
    void anAddressOverItsLimitWaitsForItsWindowAndOthersDoNot() {
        MovableClock clock = new MovableClock();
        LoginThrottle throttle = new LoginThrottle(new LoginThrottle.Settings(3, Duration.ofMinutes(10)), clock);
        for (int i = 0; i < 3; i++) {
            assertThat(throttle.refusedFor("203.0.113.7")).as("before failure " + (i + 1)).isEmpty();
            throttle.failed("203.0.113.7");
        }
        assertThat(throttle.refusedFor("203.0.113.7")).hasValueSatisfying(wait ->
                assertThat(wait).isPositive().isLessThanOrEqualTo(Duration.ofMinutes(10)));
        assertThat(throttle.refusedFor("198.51.100.9")).as("another address").isEmpty();
        throttle.failed("198.51.100.9");
        assertThat(throttle.refusedFor("198.51.100.9")).isEmpty();

        clock.now = clock.now.plus(Duration.ofMinutes(9));
        assertThat(throttle.refusedFor("203.0.113.7")).as("still inside its window").isPresent();
        clock.now = clock.now.plus(Duration.ofMinutes(1).plusSeconds(1));
        assertThat(throttle.refusedFor("203.0.113.7")).as("after its window").isEmpty();
    }
}
