package org.clinictracker.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

import reactor.core.publisher.Mono;

class VerifiedTokenCacheTest {

    private static final Duration SKEW = Duration.ofSeconds(30);
    private static final Instant T0 = Instant.parse("2026-11-25T09:00:00Z");

    private final MovableClock clock = new MovableClock(T0);
    private final FullCheck fullCheck = new FullCheck();
    private final VerifiedTokenCache cache = new VerifiedTokenCache(fullCheck, SKEW, 100, clock);

    @Test
    void an_accepted_token_is_checked_in_full_once() {
        fullCheck.accept("token-a", T0.plusSeconds(300));

        Jwt first = cache.decode("token-a").block();
        Jwt again = cache.decode("token-a").block();

        assertThat(again).isSameAs(first);
        assertThat(fullCheck.calls).containsExactly("token-a");
    }

    @Test
    void a_refused_token_is_checked_in_full_every_time() {
        assertThatThrownBy(() -> cache.decode("forged").block()).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> cache.decode("forged").block()).isInstanceOf(BadJwtException.class);

        assertThat(fullCheck.calls).containsExactly("forged", "forged");
    }

    @Test
    void a_remembered_token_counts_until_its_expiry_plus_the_skew_and_is_checked_again_after() {
        fullCheck.accept("token-a", T0.plusSeconds(300));
        cache.decode("token-a").block();

        clock.now = T0.plusSeconds(300).plus(SKEW).minusMillis(1);
        cache.decode("token-a").block();
        assertThat(fullCheck.calls).hasSize(1);

        clock.now = T0.plusSeconds(300).plus(SKEW);
        fullCheck.refuse("token-a");
        assertThatThrownBy(() -> cache.decode("token-a").block()).isInstanceOf(BadJwtException.class);
        assertThat(fullCheck.calls).hasSize(2);
    }

    @Test
    void another_text_is_another_token() {
        fullCheck.accept("token-a", T0.plusSeconds(300));
        cache.decode("token-a").block();

        assertThatThrownBy(() -> cache.decode("token-a ").block()).isInstanceOf(BadJwtException.class);
        assertThat(fullCheck.calls).containsExactly("token-a", "token-a ");
    }

    /** The real decoder's stand-in: accepts the tokens it is told to, as of their expiry, and counts its calls. */
    private final class FullCheck implements ReactiveJwtDecoder {

        final List<String> calls = new ArrayList<>();
        private final java.util.Map<String, Instant> valid = new java.util.HashMap<>();

        void accept(String token, Instant expiresAt) {
            valid.put(token, expiresAt);
        }

        void refuse(String token) {
            valid.remove(token);
        }

        @Override
        public Mono<Jwt> decode(String token) {
            calls.add(token);
            Instant expiresAt = valid.get(token);
            if (expiresAt == null) {
                return Mono.error(new BadJwtException("refused"));
            }
            return Mono.just(Jwt.withTokenValue(token).header("alg", "RS256").subject("frontdesk1")
                    .issuedAt(expiresAt.minusSeconds(300)).expiresAt(expiresAt).build());
        }
    }

    private static final class MovableClock extends Clock {

        Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
