package fr.prevexp.api.security;

import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A verified login and password is remembered; a wrong password is never let through by the memory. */
class VerifiedCredentialsTest {
    private final AtomicInteger slowChecks = new AtomicInteger();
    private final VerifiedCredentials credentials;

    VerifiedCredentialsTest() {
        PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
        InMemoryUserDetailsManager users = new InMemoryUserDetailsManager(
                User.withUsername("etude-durand").password(encoder.encode("huissier")).roles("COMMISSAIRE").build());
        DaoAuthenticationProvider dao = new DaoAuthenticationProvider(users);
        dao.setPasswordEncoder(encoder);
        credentials = new VerifiedCredentials(new org.springframework.security.authentication.AuthenticationProvider() {
            @Override
            public Authentication authenticate(Authentication authentication) {
                slowChecks.incrementAndGet();
                return dao.authenticate(authentication);
            }

            @Override
            public boolean supports(Class<?> authentication) {
                return dao.supports(authentication);
            }
        });
    }

    private static UsernamePasswordAuthenticationToken basic(String login, String password) {
        return UsernamePasswordAuthenticationToken.unauthenticated(login, password);
    }

    @Test
    void theSlowCheckRunsOncePerVerifiedPassword() {
        Authentication first = credentials.authenticate(basic("etude-durand", "huissier"));
        Authentication second = credentials.authenticate(basic("etude-durand", "huissier"));
        assertThat(slowChecks).hasValue(1);
        assertThat(second.isAuthenticated()).isTrue();
        assertThat(second.getName()).isEqualTo("etude-durand");
        assertThat(second.getAuthorities()).isEqualTo(first.getAuthorities());
        assertThat(second.getCredentials()).isNull();
    }

    @Test
    void aWrongPasswordIsAlwaysCheckedAndRefused() {
        credentials.authenticate(basic("etude-durand", "huissier"));
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> credentials.authenticate(basic("etude-durand", "huissier2"))).isInstanceOf(BadCredentialsException.class);
            assertThatThrownBy(() -> credentials.authenticate(basic("etude-durand\u0000", "huissier"))).isInstanceOf(BadCredentialsException.class);
        }
        assertThat(slowChecks).hasValue(5);
    }
}
