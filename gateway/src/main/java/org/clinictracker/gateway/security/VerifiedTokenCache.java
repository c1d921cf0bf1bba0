package org.clinictracker.gateway.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;

import reactor.core.publisher.Mono;

/**
 * Checks each bearer token once: a token that passed the full check (signature by the realm's keys, issuer,
 * audience, type, time window) is remembered until it expires, so a script or the web app calling many times a
 * minute does not pay a signature check per request (the largest share of the gateway's own CPU in
 * bench/gateway.sh after the network stack). Only accepted tokens are kept, by their exact text: a changed or
 * refused token is checked in full every time. A remembered token is still refused once its {@code exp} (plus
 * the tolerated skew) has passed. The services behind the gateway check every token themselves anyway.
 */
public class VerifiedTokenCache implements ReactiveJwtDecoder {

    private final ReactiveJwtDecoder fullCheck;
    private final Clock clock;
    private final Duration clockSkew;
    private final Cache<String, Jwt> accepted;

    public VerifiedTokenCache(ReactiveJwtDecoder fullCheck, Duration clockSkew, long maximumTokens, Clock clock) {
        this.fullCheck = fullCheck;
        this.clock = clock;
        this.clockSkew = clockSkew;
        this.accepted = Caffeine.newBuilder()
                .maximumSize(maximumTokens)
                .expireAfter(Expiry.<String, Jwt>creating((token, jwt) -> timeLeft(jwt)))
                .ticker(() -> clock.millis() * 1_000_000L)
                .build();
    }

    @Override
    public Mono<Jwt> decode(String token) {
        Jwt known = accepted.getIfPresent(token);
        if (known != null && stillValid(known)) {
            return Mono.just(known);
        }
        return fullCheck.decode(token).doOnNext(jwt -> {
            if (jwt.getExpiresAt() != null) {
                accepted.put(token, jwt);
            }
        });
    }

    private boolean stillValid(Jwt jwt) {
        Instant now = clock.instant();
        return jwt.getExpiresAt() != null && now.isBefore(jwt.getExpiresAt().plus(clockSkew))
                && (jwt.getNotBefore() == null || !now.isBefore(jwt.getNotBefore().minus(clockSkew)));
    }

    private Duration timeLeft(Jwt jwt) {
        Duration left = Duration.between(clock.instant(), jwt.getExpiresAt().plus(clockSkew));
        return left.isNegative() ? Duration.ZERO : left;
    }
}
