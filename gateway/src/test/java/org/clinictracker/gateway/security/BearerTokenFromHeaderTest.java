package org.clinictracker.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The bearer token is read as RFC 6750 and Spring's own converter read it: a b64token after "Bearer ". */
class BearerTokenFromHeaderTest {

    @Test
    void a_well_formed_token_is_taken_whatever_the_case_of_the_scheme() {
        assertThat(BearerTokenFromHeader.tokenOf("Bearer eyJhbGciOi.eyJzdWIiOi-_x~+/.c2ln==")).isEqualTo("eyJhbGciOi.eyJzdWIiOi-_x~+/.c2ln==");
        assertThat(BearerTokenFromHeader.tokenOf("bearer abc")).isEqualTo("abc");
        assertThat(BearerTokenFromHeader.tokenOf("BEARER a=")).isEqualTo("a=");
    }

    @Test
    void anything_else_is_malformed() {
        assertThat(BearerTokenFromHeader.tokenOf("Bearer ")).isNull();
        assertThat(BearerTokenFromHeader.tokenOf("Bearer ==")).isNull();
        assertThat(BearerTokenFromHeader.tokenOf("Bearer a b")).isNull();
        assertThat(BearerTokenFromHeader.tokenOf("Bearer  abc")).isNull();
        assertThat(BearerTokenFromHeader.tokenOf("Bearer abc=d")).isNull();
        assertThat(BearerTokenFromHeader.tokenOf("Bearer abc\n")).isNull();
        assertThat(BearerTokenFromHeader.tokenOf("Bearer a\"b")).isNull();
        assertThat(BearerTokenFromHeader.tokenOf("Bearerabc")).isNull();
    }
}
