package org.clinictracker.gateway.security;

import java.util.List;
import java.util.stream.Stream;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.PathContainer;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

import reactor.core.publisher.Mono;

/**
 * The patient's answer page ({@code /answer?token=…}, served by the web app) and the public answer API
 * ({@code /api/patient-answers/**}, followup-service): a patient has no account, the single-use token of the link
 * sent to them is the only credential, and followup-service checks it. So these requests are nobody's: no session is
 * read or started (a coordinator's browser signed in on the same tablet lends them nothing, and TokenRelay finds no
 * user whose token it could send), no CSRF check (no session credential to abuse; the token in the form is the
 * credential), and the page is open while the API keeps the role table's rules (its two POSTs are open, anything
 * else is refused). The headers keep the token, which is in the page's URL and form, out of caches, referrers and
 * search engines. {@link PublicRequestsCarryNoCredentials} strips what a client sends anyway; the gateway limits these
 * paths per client address ({@code ratelimit/PublicRateLimitFilter}).
 */
@Configuration(proxyBeanMethods = false)
public class PublicAnswerSecurity {

    /** The public answer API (followup-service). */
    static final String[] PATIENT_ANSWER_API = { "/api/patient-answers", "/api/patient-answers/**" };

    private static final List<PathPattern> PAGE = patterns(WebAppPages.PATIENT_ANSWER_PAGE);
    private static final List<PathPattern> PUBLIC = Stream.concat(PAGE.stream(), patterns(PATIENT_ANSWER_API).stream())
            .toList();

    static final ServerWebExchangeMatcher PUBLIC_REQUESTS = exchange -> isPublic(exchange)
            ? ServerWebExchangeMatcher.MatchResult.match()
            : ServerWebExchangeMatcher.MatchResult.notMatch();

    /** First of the chains: whatever a request on these paths carries, it is handled here. */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SecurityWebFilterChain patientAnswers(ServerHttpSecurity http, ReactiveProblemResponses problems,
            ResponseProtections protections) {
        protections.applyTo(http);
        return http
                .securityMatcher(PUBLIC_REQUESTS)
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                // No CORS check either: it guards ambient credentials, and these requests carry none (the token in
                // the body is the credential). It would refuse the page's own form: under Referrer-Policy
                // no-referrer a browser posts a form with "Origin: null", a foreign origin to the CORS check.
                .cors(ServerHttpSecurity.CorsSpec::disable)
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .requestCache(ServerHttpSecurity.RequestCacheSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .headers(headers -> headers
                        .cache(ServerHttpSecurity.HeaderSpec.CacheSpec::disable)
                        .writer(PublicAnswerSecurity::keepTheTokenPrivate))
                .authorizeExchange(exchanges -> {
                    exchanges.pathMatchers(WebAppPages.PATIENT_ANSWER_PAGE).permitAll();
                    ReactiveRoleTable.apply(exchanges);
                })
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .build();
    }

    /**
     * Set, not added: they replace whatever the web app or the service sent (written as the answer is committed).
     * Referrer-Policy: no-referrer comes with {@link ResponseProtections}, as on every answer.
     */
    private static Mono<Void> keepTheTokenPrivate(ServerWebExchange exchange) {
        HttpHeaders headers = exchange.getResponse().getHeaders();
        headers.set(HttpHeaders.CACHE_CONTROL, "no-store");
        headers.remove(HttpHeaders.PRAGMA);
        headers.remove(HttpHeaders.EXPIRES);
        headers.set("X-Robots-Tag", "noindex");
        return Mono.empty();
    }

    /** A request for the patient's answer page or the public answer API. */
    public static boolean isPublic(ServerWebExchange exchange) {
        return matches(PUBLIC, exchange);
    }

    /** A request for the patient's answer page (a browser's, answered in HTML). */
    public static boolean isAnswerPage(ServerWebExchange exchange) {
        return matches(PAGE, exchange);
    }

    private static boolean matches(List<PathPattern> patterns, ServerWebExchange exchange) {
        PathContainer path = exchange.getRequest().getPath().pathWithinApplication();
        for (PathPattern pattern : patterns) {
            if (pattern.matches(path)) {
                return true;
            }
        }
        return false;
    }

    private static List<PathPattern> patterns(String... paths) {
        return Stream.of(paths).map(PathPatternParser.defaultInstance::parse).toList();
    }
}
