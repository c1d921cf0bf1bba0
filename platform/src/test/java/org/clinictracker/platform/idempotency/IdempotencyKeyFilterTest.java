package org.clinictracker.platform.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.clinictracker.platform.input.RequestBodyProperties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.util.unit.DataSize;

import tools.jackson.databind.json.JsonMapper;

/** What the filter decides before it touches the database: which requests it takes, which keys and bodies it refuses. */
class IdempotencyKeyFilterTest {

    // No database behind these: a test that reached it would fail with a NullPointerException.
    final IdempotencyKeyFilter filter = new IdempotencyKeyFilter(null, null,
            new RequestBodyProperties(DataSize.ofBytes(64)), JsonMapper.builder().build());

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void requests_without_a_key_and_other_methods_pass_through_untouched() throws Exception {
        signIn();
        MockHttpServletRequest withoutKey = new MockHttpServletRequest("POST", "/api/patients");
        MockHttpServletRequest get = new MockHttpServletRequest("GET", "/api/patients");
        get.addHeader(IdempotencyKeyFilter.HEADER, "abc");

        for (MockHttpServletRequest request : List.of(withoutKey, get)) {
            MockFilterChain chain = new MockFilterChain();
            filter.doFilter(request, new MockHttpServletResponse(), chain);
            assertThat(chain.getRequest()).isSameAs(request);
        }
    }

    @Test
    void a_request_nobody_signed_in_for_is_left_to_security() throws Exception {
        MockHttpServletRequest request = keyed("abc", "{}");
        MockFilterChain chain = new MockFilterChain();

        filter.doFilter(request, new MockHttpServletResponse(), chain);

        assertThat(chain.getRequest()).isSameAs(request);
    }

    @Test
    void an_anonymous_caller_of_an_open_call_has_no_keys_of_its_own() throws Exception {
        // every anonymous caller is "anonymousUser": a key kept for one would be answered to another
        SecurityContextHolder.getContext().setAuthentication(new AnonymousAuthenticationToken("key", "anonymousUser",
                AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS")));
        MockHttpServletRequest request = keyed("abc", "{}");
        MockFilterChain chain = new MockFilterChain();

        filter.doFilter(request, new MockHttpServletResponse(), chain);

        assertThat(chain.getRequest()).isSameAs(request);
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "two words", "tab\tkey", "é", "\"\"" })
    void a_key_that_is_not_1_to_255_visible_ascii_characters_is_a_bad_request(String key) throws Exception {
        signIn();
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();

        filter.doFilter(keyed(key, "{}"), response, chain);

        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(response.getContentType()).isEqualTo("application/problem+json");
        assertThat(response.getContentAsString()).contains("\"code\":\"idempotency-key-invalid\"");
        assertThat(chain.getRequest()).as("not handled").isNull();
    }

    @Test
    void a_key_of_256_characters_is_a_bad_request() throws Exception {
        signIn();
        MockHttpServletResponse response = new MockHttpServletResponse();

        filter.doFilter(keyed("k".repeat(256), "{}"), response, new MockFilterChain());

        assertThat(response.getStatus()).isEqualTo(400);
    }

    @Test
    void a_body_larger_than_a_keyed_request_may_be_is_refused_unhandled() throws Exception {
        signIn();
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();

        filter.doFilter(keyed("abc", "x".repeat(65)), response, chain);

        assertThat(response.getStatus()).isEqualTo(413);
        assertThat(response.getContentAsString()).contains("\"code\":\"payload-too-large\"");
        assertThat(chain.getRequest()).isNull();
    }

    private static MockHttpServletRequest keyed(String key, String body) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/patients");
        request.addHeader(IdempotencyKeyFilter.HEADER, key);
        request.setContentType("application/json");
        request.setContent(body.getBytes(StandardCharsets.UTF_8));
        return request;
    }

    private static void signIn() {
        TestingAuthenticationToken user = new TestingAuthenticationToken("frontdesk1", null, "ROLE_front-desk");
        SecurityContextHolder.getContext().setAuthentication(user);
    }
}
