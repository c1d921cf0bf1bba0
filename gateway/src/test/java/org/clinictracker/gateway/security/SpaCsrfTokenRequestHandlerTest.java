package org.clinictracker.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.web.server.csrf.DefaultCsrfToken;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebExchangeDecorator;

import reactor.core.publisher.Mono;
import org.springframework.util.MultiValueMap;

/**
 * An htmx form post carries the token in X-XSRF-TOKEN and its fields as a form body, which the route must pass on
 * to the web app: the token is taken from the header only, and the body is never read for it.
 */
class SpaCsrfTokenRequestHandlerTest {

    private final DefaultCsrfToken token = new DefaultCsrfToken("X-XSRF-TOKEN", "_csrf", "raw-token");

    @Test
    void a_form_post_with_the_header_keeps_its_body_for_the_route() {
        AtomicBoolean bodyRead = new AtomicBoolean();
        ServerWebExchange htmxPost = watchingForm(MockServerWebExchange.from(MockServerHttpRequest
                .post("/admin/protocols/NERVE_BLOCK")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .header("X-XSRF-TOKEN", "raw-token")
                .body("version=1&visits%5B0%5D.label=DAY_1&_csrf=other")), bodyRead);

        String resolved = new SpaCsrfTokenRequestHandler().resolveCsrfTokenValue(htmxPost, token).block();

        assertThat(resolved).isEqualTo("raw-token");
        assertThat(bodyRead).as("the form body was read for the token").isFalse();
    }

    @Test
    void without_the_header_there_is_no_token_and_the_body_stays_unread() {
        AtomicBoolean bodyRead = new AtomicBoolean();
        ServerWebExchange plainPost = watchingForm(MockServerWebExchange.from(MockServerHttpRequest.post("/logout")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).body("_csrf=raw-token")), bodyRead);

        String resolved = new SpaCsrfTokenRequestHandler().resolveCsrfTokenValue(plainPost, token).block();

        assertThat(resolved).as("a form field is no token: the check then refuses the post").isNull();
        assertThat(bodyRead).isFalse();
    }

    private static ServerWebExchange watchingForm(ServerWebExchange exchange, AtomicBoolean read) {
        return new ServerWebExchangeDecorator(exchange) {
            @Override
            public Mono<MultiValueMap<String, String>> getFormData() {
                read.set(true);
                return super.getFormData();
            }
        };
    }
}
