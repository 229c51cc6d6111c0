package fr.prevexp.api.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;

/**
 * Partner systems send their login and password with every request (HTTP Basic), and a password is
 * checked with a deliberately slow hash ({@code {bcrypt}}: about 0.1 s of CPU each time, the largest
 * cost of a write before this cache). A login and password that were verified are remembered for
 * {@link #TTL}, as a keyed digest (HMAC-SHA-256 with a random key of this process, never the
 * password itself), so the slow hash runs once per partner and period instead of once per request.
 * Only successes are remembered: a wrong password always goes to the slow check (and to the login
 * throttle). Accounts come from configuration, changed by a restart, which empties this cache.
 */
final class VerifiedCredentials implements AuthenticationProvider {
    static final Duration TTL = Duration.ofMinutes(5);

    private final AuthenticationProvider slow;
    private final Cache<String, Authentication> verified = Caffeine.newBuilder().expireAfterWrite(TTL).maximumSize(10_000).build();
    private final byte[] key = new byte[32];

    VerifiedCredentials(AuthenticationProvider slow) {
        this.slow = slow;
        new SecureRandom().nextBytes(key);
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        if (authentication.getCredentials() == null) return slow.authenticate(authentication);
        String digest = digest(authentication.getName(), authentication.getCredentials().toString());
        Authentication known = verified.getIfPresent(digest);
        if (known != null) return UsernamePasswordAuthenticationToken.authenticated(known.getPrincipal(), null, known.getAuthorities());
        Authentication result = slow.authenticate(authentication);
        if (result != null && result.isAuthenticated()) verified.put(digest, result);
        return result;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    private String digest(String login, String password) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal((login + "\u0000" + password).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
