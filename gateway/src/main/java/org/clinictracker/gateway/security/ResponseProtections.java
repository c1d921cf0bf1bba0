package org.clinictracker.gateway.security;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.clinictracker.platform.security.ClinicSecurityProperties;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.header.ContentSecurityPolicyServerHttpHeadersWriter;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy;
import org.springframework.security.web.server.header.XFrameOptionsServerHttpHeadersWriter.Mode;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

import reactor.core.publisher.Mono;

/**
 * What every gateway answer carries whichever security chain handled it: the security headers (CSP for the
 * same-origin web app, nosniff, frame denial, no referrer; HSTS, which Spring writes on https answers only)
 * and CORS for the configured origins alone (none by default: no page of another origin may call the
 * gateway from a browser).
 */
public class ResponseProtections {

    /** Swagger UI's pages: its sign-in callback (oauth2-redirect.html) is an inline script. */
    private static final PathPattern SWAGGER_UI = PathPatternParser.defaultInstance.parse("/swagger-ui/**");

    private final String contentSecurityPolicy;
    private final String swaggerUiContentSecurityPolicy;
    private final CorsConfigurationSource cors;

    public ResponseProtections(Headers headers, Cors cors, ClinicSecurityProperties security) {
        String keycloak = origin(security.issuer());
        this.contentSecurityPolicy = headers.contentSecurityPolicy().replace("{keycloak}", keycloak);
        this.swaggerUiContentSecurityPolicy = headers.swaggerUiContentSecurityPolicy().replace("{keycloak}", keycloak);
        this.cors = corsSource(cors.allowedOrigins());
    }

    public void applyTo(ServerHttpSecurity http) {
        http.headers(headers -> headers
                        .writer(this::writeContentSecurityPolicy)
                        .frameOptions(frames -> frames.mode(Mode.DENY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER)))
                .cors(corsSpec -> corsSpec.configurationSource(cors));
    }

    public String contentSecurityPolicy() {
        return contentSecurityPolicy;
    }

    /** The web app's policy everywhere, Swagger UI's (inline script and styles allowed) on its own pages only. */
    private Mono<Void> writeContentSecurityPolicy(ServerWebExchange exchange) {
        boolean swaggerUi = SWAGGER_UI.matches(exchange.getRequest().getPath().pathWithinApplication());
        exchange.getResponse().getHeaders().set(ContentSecurityPolicyServerHttpHeadersWriter.CONTENT_SECURITY_POLICY,
                swaggerUi ? swaggerUiContentSecurityPolicy : contentSecurityPolicy);
        return Mono.empty();
    }

    private static CorsConfigurationSource corsSource(List<String> allowedOrigins) {
        CorsConfiguration config = new CorsConfiguration();
        // An empty list refuses every cross-origin request (and preflight) rather than ignoring CORS.
        config.setAllowedOrigins(allowedOrigins);
        config.setAllowedMethods(List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"));
        config.setAllowedHeaders(List.of("Authorization", "Content-Type", "Accept", "If-Match", "If-None-Match",
                "Idempotency-Key", "X-Request-Id", "X-XSRF-TOKEN"));
        config.setExposedHeaders(List.of("Location", "ETag", "X-Request-Id", "Retry-After", "Idempotent-Replayed"));
        // A listed origin is trusted like the gateway's own pages: it may use the session cookie.
        config.setAllowCredentials(true);
        config.setMaxAge(Duration.ofHours(1));
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/**", config);
        return source;
    }

    /** scheme://host[:port] of the realm's issuer, where browsers meet Keycloak. */
    static String origin(String url) {
        URI uri = URI.create(url);
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
    }

    /** {@code clinic.gateway.headers}: {@code {keycloak}} in the policy stands for Keycloak's origin. */
    @ConfigurationProperties("clinic.gateway.headers")
    public record Headers(String contentSecurityPolicy, String swaggerUiContentSecurityPolicy) {
    }

    /** {@code clinic.gateway.cors}: exact origins, e.g. {@code https://clinic.example.org}. */
    @ConfigurationProperties("clinic.gateway.cors")
    public record Cors(@DefaultValue List<String> allowedOrigins) {
    }
}
