package fr.prevexp.api.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.EstimationProbe;
import io.github.bucket4j.TimeMeter;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Failed logins counted per source address (<i>limitation des échecs de connexion par adresse</i>):
 * after {@code maxFailures} failures from one address within {@code window}, that address is
 * refused until its window has passed; other addresses are unaffected. This replaces Camunda's own
 * lock-out per user, which let anyone keep the administrator out with a few wrong passwords.
 * One token bucket (Bucket4j) per address, refilled entirely every {@code window}; the buckets are
 * kept in memory (per node) and forgotten after a quiet window.
 */
public class LoginThrottle {
    /** {@code prevexp.security.login-throttle.*}. */
    @ConfigurationProperties(prefix = "prevexp.security.login-throttle")
    public record Settings(@DefaultValue("10") int maxFailures, @DefaultValue("10m") Duration window) {
        public Settings {
            if (maxFailures < 1) throw new IllegalArgumentException("prevexp.security.login-throttle.max-failures must be at least 1");
            if (window == null || window.isNegative() || window.isZero()) {
                throw new IllegalArgumentException("prevexp.security.login-throttle.window must be a positive duration");
            }
        }
    }

    /** Addresses remembered at most (an attacker rotating addresses cannot make the table grow without bound). */
    private static final int MAX_ADDRESSES = 100_000;

    private final Settings settings;
    private final TimeMeter time;
    private final Cache<String, Bucket> failures;

    public LoginThrottle(Settings settings, Clock clock) {
        this.settings = settings;
        this.time = new TimeMeter() {
            @Override
            public long currentTimeNanos() {
                Duration sinceEpoch = Duration.ofMillis(clock.millis());
                return sinceEpoch.toNanos();
            }

            @Override
            public boolean isWallClockBased() {
                return true;
            }
        };
        this.failures = Caffeine.newBuilder()
                .ticker(time::currentTimeNanos)
                .expireAfterAccess(settings.window())
                .maximumSize(MAX_ADDRESSES)
                .build();
    }

    public Settings settings() {
        return settings;
    }

    /** How long this address must wait before its next login attempt; empty when it may try now. */
    public Optional<Duration> refusedFor(String address) {
        Bucket bucket = failures.getIfPresent(address);
        if (bucket == null) return Optional.empty();
        EstimationProbe probe = bucket.estimateAbilityToConsume(1);
        return probe.canBeConsumed() ? Optional.empty() : Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }

    /** Counts one failed login from this address. */
    public void failed(String address) {
        failures.get(address, a -> Bucket.builder()
                .addLimit(limit -> limit.capacity(settings.maxFailures()).refillIntervally(settings.maxFailures(), settings.window()))
                .withCustomTimePrecision(time)
                .build()).tryConsume(1);
    }
}
