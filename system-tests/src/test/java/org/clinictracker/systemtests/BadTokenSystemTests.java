package org.clinictracker.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.assertj.core.api.SoftAssertions;
import org.clinictracker.testsupport.keycloak.KeycloakAdmin;
import org.clinictracker.testsupport.keycloak.KeycloakAdmin.ClientCopy;
import org.clinictracker.testsupport.keycloak.KeycloakTokens;
import org.clinictracker.testsupport.keycloak.LocalKeycloak;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tokens the clinic must refuse, each a real token from the real Keycloak or one made from it, sent to the
 * gateway and to each service directly on a read the user's role allows: every one is 401 problem+json with
 * {@code WWW-Authenticate: Bearer error="invalid_token"}, while the same user's good token passes everywhere.
 */
class BadTokenSystemTests {

    private static final String USER = "coordinator1";   // reads patients, procedures and follow-ups
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static ClinicSystem clinic;
    private static JsonNode goodGrant;

    @BeforeAll
    static void startTheClinic() {
        clinic = ClinicSystem.start();
        goodGrant = KeycloakTokens.grant(LocalKeycloak.tokenUri(), "clinic-cli", USER, KeycloakTokens.DEV_PASSWORD);
    }

    @Test
    void the_users_own_access_token_passes_everywhere() {
        String token = goodGrant.get("access_token").asString();
        SoftAssertions softly = new SoftAssertions();
        for (Target target : targets()) {
            HttpAnswer answer = target.call(token);
            softly.assertThat(answer.status()).as("%s answered %s", target, answer).isEqualTo(200);
        }
        softly.assertAll();
    }

    @Test
    void an_access_token_with_a_changed_payload_is_refused() {
        String[] parts = goodGrant.get("access_token").asString().split("\\.");
        String payload = decode(parts[1]);
        assertThat(payload).contains("\"coordinator\"");
        String promoted = payload.replace("\"coordinator\"", "\"clinic-admin\"");
        assertEverywhereRefused(parts[0] + "." + encode(promoted) + "." + parts[2]);
    }

    @Test
    void an_access_token_with_a_changed_signature_is_refused() {
        String[] parts = goodGrant.get("access_token").asString().split("\\.");
        // a character in the middle: every bit of it is signature (the last one may carry padding bits)
        char[] signature = parts[2].toCharArray();
        int middle = signature.length / 2;
        signature[middle] = signature[middle] == 'A' ? 'B' : 'A';
        assertEverywhereRefused(parts[0] + "." + parts[1] + "." + new String(signature));
    }

    @Test
    void an_unsigned_token_is_refused() {
        String[] parts = goodGrant.get("access_token").asString().split("\\.");
        String none = encode("{\"alg\":\"none\",\"typ\":\"JWT\"}");
        assertEverywhereRefused(none + "." + parts[1] + ".");
    }

    @Test
    void an_id_token_is_not_an_access_token() {
        assertEverywhereRefused(goodGrant.get("id_token").asString());
    }

    @Test
    void a_token_for_another_audience_is_refused() {
        // the realm's built-in admin-cli client has no clinic-api audience mapper
        String token = KeycloakTokens.grant(LocalKeycloak.tokenUri(), "admin-cli", USER, KeycloakTokens.DEV_PASSWORD)
                .get("access_token").asString();
        assertThat(claims(token).path("aud").toString()).doesNotContain("clinic-api");
        assertEverywhereRefused(token);
    }

    @Test
    void a_token_from_another_realm_is_refused() {
        String token = KeycloakTokens.grant(LocalKeycloak.baseUrl() + "/realms/master/protocol/openid-connect/token",
                "admin-cli", "admin", "admin").get("access_token").asString();
        assertThat(claims(token).get("iss").asString()).endsWith("/realms/master");
        assertEverywhereRefused(token);
    }

    /**
     * A real token that Keycloak made to live a few seconds (a throwaway client of realm clinic with the clinic-api
     * audience): accepted at first, refused once its expiry plus the clinic's 1 s skew has passed.
     */
    @Test
    void an_expired_access_token_is_refused() {
        // a copy of clinic-cli (password grant, clinic-api audience) whose access tokens live 6 s
        try (ClientCopy shortLived = KeycloakAdmin.copyClient("clinic-cli", LocalKeycloak.baseUrl(),
                Map.of("access.token.lifespan", "6"))) {
            String token = KeycloakTokens.grant(LocalKeycloak.tokenUri(), shortLived.clientId(), USER,
                    KeycloakTokens.DEV_PASSWORD).get("access_token").asString();
            Instant expiry = Instant.ofEpochSecond(claims(token).get("exp").asLong());
            Target gateway = targets().get(0);
            assertThat(gateway.call(token).status()).as("the fresh token at %s", gateway).isEqualTo(200);

            await("the gateway refuses the token after it expired at " + expiry)
                    .atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                    .until(() -> gateway.call(token).status() == 401);
            assertThat(Instant.now()).isAfter(expiry);
            assertEverywhereRefused(token);
        }
    }

    private static void assertEverywhereRefused(String token) {
        SoftAssertions softly = new SoftAssertions();
        for (Target target : targets()) {
            HttpAnswer answer = target.call(token);
            softly.assertThat(answer.refusedAsUnauthenticated()).as("%s: expected 401 problem+json, got %s", target, answer)
                    .isTrue();
            softly.assertThat(answer.wwwAuthenticate()).as("%s: WWW-Authenticate", target)
                    .startsWith("Bearer error=\"invalid_token\"");
        }
        softly.assertAll();
    }

    /** Each service's list, directly and through the gateway. */
    private static List<Target> targets() {
        List<Target> targets = new ArrayList<>();
        for (ClinicService service : ClinicService.BEHIND_GATEWAY) {
            targets.add(new Target(ClinicService.GATEWAY, service.apiPrefixes().get(0)));
        }
        for (ClinicService service : ClinicService.BEHIND_GATEWAY) {
            targets.add(new Target(service, service.apiPrefixes().get(0)));
        }
        return targets;
    }

    private record Target(ClinicService at, String path) {

        HttpAnswer call(String token) {
            return HttpAnswer.call("GET", clinic.baseUrl(at) + path, token);
        }

        @Override
        public String toString() {
            return "GET " + path + " at " + at.module();
        }
    }

    private static JsonNode claims(String token) {
        return JSON.readTree(decode(token.split("\\.")[1]));
    }

    private static String decode(String base64url) {
        return new String(Base64.getUrlDecoder().decode(base64url), StandardCharsets.UTF_8);
    }

    private static String encode(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
