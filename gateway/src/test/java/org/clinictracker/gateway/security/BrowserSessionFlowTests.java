package org.clinictracker.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clinictracker.testsupport.keycloak.KeycloakBrowserLogin.isRedirect;
import static org.clinictracker.testsupport.keycloak.KeycloakBrowserLogin.location;

import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.clinictracker.gateway.StandInService;
import org.clinictracker.testsupport.keycloak.KeycloakAdmin;
import org.clinictracker.testsupport.keycloak.KeycloakBrowserLogin;
import org.clinictracker.testsupport.keycloak.KeycloakTokens;
import org.clinictracker.testsupport.keycloak.LocalKeycloak;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import tools.jackson.databind.JsonNode;

/**
 * The gateway as the web app's backend-for-frontend, driven like a browser (an HTTP client keeping cookies)
 * through Keycloak's real login form: the session cookie is all the browser holds, the user's access token
 * reaches the services and the web app's pages, changes need the CSRF token, the role table applies, and logout
 * (also the web app's htmx sign-out) ends Keycloak's session too.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class BrowserSessionFlowTests {

    private static final GatewayUnderTest GATEWAY = new GatewayUnderTest();
    private static final String FOLLOWUP = "7b0c1f36-0000-4000-8000-000000000031";
    private static final String PATIENT_JSON = "{\"givenName\":\"Ada\",\"familyName\":\"Reyes\"}";

    @DynamicPropertySource
    static void gateway(DynamicPropertyRegistry registry) {
        GATEWAY.register(registry, Map.of());
    }

    @AfterAll
    static void cleanUp() {
        GATEWAY.close();
    }

    @BeforeEach
    void forgetCalls() {
        GATEWAY.services.forget();
    }

    @Test
    void without_a_session_the_api_answers_401_and_a_page_is_sent_to_keycloak_with_pkce() {
        KeycloakBrowserLogin browser = new KeycloakBrowserLogin();

        HttpResponse<String> api = browser.get(GATEWAY.at("/api/patients?q=ada"));
        assertThat(api.statusCode()).isEqualTo(401);
        assertThat(api.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(json(api).get("code").asString()).isEqualTo("unauthenticated");
        assertThat(browser.get(GATEWAY.at("/session")).statusCode()).isEqualTo(401);
        // no session, no token: nothing for CSRF to protect, the same 401 a service gives (not a CSRF refusal)
        HttpResponse<String> write = browser.post(GATEWAY.at("/api/patients"), "{}", "Content-Type", "application/json");
        assertThat(write.statusCode()).isEqualTo(401);
        assertThat(json(write).get("code").asString()).isEqualTo("unauthenticated");

        HttpResponse<String> page = browser.get(GATEWAY.at("/"));
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(location(page).getPath()).isEqualTo("/oauth2/authorization/keycloak");

        HttpResponse<String> toKeycloak = browser.get(location(page));
        assertThat(toKeycloak.statusCode()).isEqualTo(302);
        URI authorize = location(toKeycloak);
        assertThat(authorize.toString()).startsWith(LocalKeycloak.issuer() + "/protocol/openid-connect/auth?");
        Map<String, String> query = query(authorize);
        assertThat(query).containsEntry("client_id", GATEWAY.clientId())
                .containsEntry("response_type", "code")
                .containsEntry("code_challenge_method", "S256")
                .containsEntry("redirect_uri", GATEWAY.baseUrl + "/login/oauth2/code/keycloak")
                .containsKey("code_challenge");
        assertThat(GATEWAY.services.received()).isEmpty();
    }

    @Test
    void a_signed_in_user_reaches_the_services_with_their_access_token_and_without_the_session_cookie() {
        KeycloakBrowserLogin browser = new KeycloakBrowserLogin();

        HttpResponse<String> back = browser.signIn(GATEWAY.at("/"), "frontdesk1", KeycloakTokens.DEV_PASSWORD);
        assertThat(back.statusCode()).isEqualTo(302);
        assertThat(location(back).toString()).isEqualTo(GATEWAY.baseUrl + "/");
        assertThat(back.headers().allValues("Set-Cookie")).filteredOn(cookie -> cookie.startsWith("CLINIC_SESSION="))
                .singleElement().satisfies(cookie -> assertThat(cookie)
                        .containsIgnoringCase("; HttpOnly").containsIgnoringCase("; SameSite=Lax"));

        HttpResponse<String> session = browser.get(GATEWAY.at("/session"));
        assertThat(session.statusCode()).isEqualTo(200);
        assertThat(json(session).get("username").asString()).isEqualTo("frontdesk1");
        assertThat(json(session).get("roles").values()).extracting(JsonNode::asString).containsExactly("front-desk");

        HttpResponse<String> search = browser.get(GATEWAY.at("/api/patients?q=ada"));
        assertThat(search.statusCode()).isEqualTo(200);
        assertThat(GATEWAY.services.received()).singleElement().satisfies(call -> {
            assertThat(call.uri()).isEqualTo("/api/patients?q=ada");
            assertThat(call.cookie()).as("cookies reaching the service").isNull();
            assertThat(call.authorization()).startsWith("Bearer ");
            JsonNode token = GatewayUnderTest.claims(call.authorization().substring("Bearer ".length()));
            assertThat(token.get("iss").asString()).isEqualTo(LocalKeycloak.issuer());
            assertThat(token.get("azp").asString()).isEqualTo(GATEWAY.clientId());
            assertThat(token.get("preferred_username").asString()).isEqualTo("frontdesk1");
            assertThat(token.get("typ").asString()).isEqualTo("Bearer");
        });
    }

    @Test
    void a_change_without_the_csrf_token_is_refused_and_with_it_goes_through() {
        KeycloakBrowserLogin browser = signedIn("frontdesk1");

        HttpResponse<String> unconfirmed = browser.post(GATEWAY.at("/api/patients"), PATIENT_JSON,
                "Content-Type", "application/json");
        assertThat(unconfirmed.statusCode()).isEqualTo(403);
        assertThat(unconfirmed.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(json(unconfirmed).get("code").asString()).isEqualTo("csrf-rejected");
        assertThat(GATEWAY.services.received()).isEmpty();

        HttpResponse<String> confirmed = browser.post(GATEWAY.at("/api/patients"), PATIENT_JSON,
                "Content-Type", "application/json", "X-XSRF-TOKEN", xsrfToken(browser));
        assertThat(confirmed.statusCode()).isEqualTo(200);
        assertThat(GATEWAY.services.received()).singleElement().satisfies(call -> {
            assertThat(call.method()).isEqualTo("POST");
            assertThat(call.authorization()).startsWith("Bearer ");
            assertThat(call.cookie()).isNull();
        });
    }

    @Test
    void a_form_posted_to_the_web_app_reaches_it_whole_and_a_form_field_is_no_csrf_token() {
        KeycloakBrowserLogin browser = signedIn("coordinator1");
        String form = "painScore=3&reliefPercent=60&notes=Walks+to+the+shops+%26+back";

        HttpResponse<String> saved = browser.post(GATEWAY.at("/followups/" + FOLLOWUP + "/outcome"), form,
                "Content-Type", "application/x-www-form-urlencoded", "HX-Request", "true", "X-XSRF-TOKEN", xsrfToken(browser));
        assertThat(saved.statusCode()).isEqualTo(200);
        assertThat(GATEWAY.services.received()).singleElement().satisfies(call -> {
            assertThat(call.uri()).isEqualTo("/followups/" + FOLLOWUP + "/outcome");
            assertThat(call.body()).as("the form as the browser sent it").isEqualTo(form);
        });

        GATEWAY.services.forget();
        HttpResponse<String> tokenInField = browser.post(GATEWAY.at("/followups/" + FOLLOWUP + "/outcome"),
                form + "&_csrf=" + xsrfToken(browser), "Content-Type", "application/x-www-form-urlencoded");
        assertThat(tokenInField.statusCode()).isEqualTo(403);
        assertThat(GATEWAY.services.received()).isEmpty();
    }

    @Test
    void the_role_table_applies_to_browser_sessions_as_to_api_callers() {
        KeycloakBrowserLogin frontDesk = signedIn("frontdesk1");
        HttpResponse<String> outcome = frontDesk.post(GATEWAY.at("/api/followups/" + FOLLOWUP + "/outcome"), "{}",
                "Content-Type", "application/json", "X-XSRF-TOKEN", xsrfToken(frontDesk));
        assertThat(outcome.statusCode()).isEqualTo(403);
        assertThat(json(outcome).get("code").asString()).isEqualTo("forbidden");

        KeycloakBrowserLogin admin = signedIn("admin1");
        HttpResponse<String> registration = admin.post(GATEWAY.at("/api/patients"), PATIENT_JSON,
                "Content-Type", "application/json", "X-XSRF-TOKEN", xsrfToken(admin));
        assertThat(registration.statusCode()).isEqualTo(403);
        assertThat(registration.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(json(registration).get("detail").asString()).isEqualTo("Your role does not allow POST /api/patients.");

        assertThat(GATEWAY.services.received()).isEmpty();
    }

    @Test
    void logout_ends_the_gateway_session_and_the_keycloak_session() throws Exception {
        KeycloakBrowserLogin browser = signedIn("proceduralist1");
        String sessionCookie = browser.cookie(GATEWAY.at("/"), "CLINIC_SESSION").orElseThrow();

        assertThat(browser.post(GATEWAY.at("/logout"), "").statusCode()).as("logout without the CSRF token").isEqualTo(403);

        HttpResponse<String> logout = browser.post(GATEWAY.at("/logout"), "", "X-XSRF-TOKEN", xsrfToken(browser));
        assertThat(logout.statusCode()).isEqualTo(302);
        URI endSession = location(logout);
        assertThat(endSession.toString()).startsWith(LocalKeycloak.issuer() + "/protocol/openid-connect/logout?");
        Map<String, String> query = query(endSession);
        assertThat(query).containsEntry("post_logout_redirect_uri", GATEWAY.baseUrl + "/").containsKey("id_token_hint");
        String keycloakSession = GatewayUnderTest.claims(query.get("id_token_hint")).get("sid").asString();
        assertThat(KeycloakAdmin.sessionIds(KeycloakAdmin.userId("proceduralist1"))).contains(keycloakSession);

        HttpResponse<String> backHome = browser.get(endSession);
        assertThat(backHome.statusCode()).isEqualTo(302);
        assertThat(location(backHome).toString()).isEqualTo(GATEWAY.baseUrl + "/");
        assertThat(KeycloakAdmin.sessionIds(KeycloakAdmin.userId("proceduralist1"))).doesNotContain(keycloakSession);

        // No silent sign-in any more: the gateway's page leads to Keycloak's login form again.
        HttpResponse<String> loginPage = browser.follow(backHome);
        assertThat(KeycloakBrowserLogin.loginFormAction(loginPage)).as("Keycloak's login form").isPresent();

        HttpResponse<String> withOldCookie = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(
                HttpRequest.newBuilder(GATEWAY.at("/api/procedures")).header("Cookie", "CLINIC_SESSION=" + sessionCookie).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(withOldCookie.statusCode()).isEqualTo(401);
        assertThat(GATEWAY.services.received()).isEmpty();
    }

    @Test
    void the_web_apps_pages_and_assets_get_the_users_access_token_and_no_cookie() {
        KeycloakBrowserLogin browser = signedIn("coordinator1");

        for (String path : List.of("/worklist?due=today", "/patients/7b0c1f36-0000-4000-8000-000000000031",
                "/assets/app.css", "/webjars/htmx.org/dist/htmx.min.js")) {
            GATEWAY.services.forget();
            HttpResponse<String> page = browser.get(GATEWAY.at(path));
            assertThat(page.statusCode()).as(path).isEqualTo(200);
            assertThat(GATEWAY.services.received()).as(path).singleElement().satisfies(call -> {
                assertThat(call.uri()).isEqualTo(path);
                assertThat(call.cookie()).as("cookies reaching the web app").isNull();
                assertThat(call.authorization()).startsWith("Bearer ");
                JsonNode token = GatewayUnderTest.claims(call.authorization().substring("Bearer ".length()));
                assertThat(token.get("preferred_username").asString()).isEqualTo("coordinator1");
                assertThat(token.get("azp").asString()).isEqualTo(GATEWAY.clientId());
            });
        }
    }

    @Test
    void without_a_session_scripts_are_refused_and_an_htmx_request_is_told_to_reload_its_page() {
        KeycloakBrowserLogin browser = new KeycloakBrowserLogin();

        HttpResponse<String> script = browser.get(GATEWAY.at("/webjars/htmx.org/dist/htmx.min.js"), "Accept", "*/*");
        assertThat(script.statusCode()).isEqualTo(401);
        assertThat(json(script).get("code").asString()).isEqualTo("unauthenticated");

        // htmx asks with */* and cannot follow a redirect to Keycloak: reloading the page leads to the sign-in
        HttpResponse<String> search = browser.get(GATEWAY.at("/patients/search?q=ada"), "Accept", "*/*",
                "HX-Request", "true");
        assertThat(search.statusCode()).isEqualTo(401);
        assertThat(search.headers().firstValue("HX-Refresh")).hasValue("true");
        assertThat(search.headers().firstValue("Location")).isEmpty();
        // the API's 401 stays as it is, htmx or not
        HttpResponse<String> api = browser.get(GATEWAY.at("/api/patients?q=ada"), "HX-Request", "true");
        assertThat(api.statusCode()).isEqualTo(401);
        assertThat(api.headers().firstValue("HX-Refresh")).isEmpty();

        assertThat(GATEWAY.services.received()).isEmpty();
    }

    /** The stylesheets hold no patient data, and the patient's answer page (no session) uses them. */
    @Test
    void without_a_session_the_stylesheet_is_served_with_no_token() {
        HttpResponse<String> style = new KeycloakBrowserLogin().get(GATEWAY.at("/assets/app.css"), "Accept",
                "text/css,*/*;q=0.1");
        assertThat(style.statusCode()).isEqualTo(200);
        assertThat(GATEWAY.services.received()).singleElement().satisfies(call -> {
            assertThat(call.uri()).isEqualTo("/assets/app.css");
            assertThat(call.authorization()).isNull();
        });
    }

    /**
     * A coordinator signed in on the waiting room's tablet hands it to a patient: the answer page and the public
     * answer API get nothing of the session (no access token, no cookie), a form post needs no CSRF token, and the
     * session is neither touched nor ended.
     */
    @Test
    void a_signed_in_browser_on_the_patients_answer_page_lends_it_nothing() {
        KeycloakBrowserLogin browser = signedIn("coordinator1");
        String form = "token=abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQ&painNow=3";

        HttpResponse<String> page = browser.get(GATEWAY.at("/answer?token=abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQ"),
                "Accept", "text/html");
        HttpResponse<String> answered = browser.post(GATEWAY.at("/answer"), form,
                "Content-Type", "application/x-www-form-urlencoded", "Accept", "text/html");
        HttpResponse<String> api = browser.post(GATEWAY.at("/api/patient-answers/open"),
                "{\"token\":\"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQ\"}", "Content-Type", "application/json");

        assertThat(List.of(page, answered, api)).allSatisfy(response -> {
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().allValues("Set-Cookie")).as("no session or CSRF cookie set").isEmpty();
        });
        assertThat(GATEWAY.services.received()).extracting(StandInService.Received::uri).containsExactly(
                "/answer?token=abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQ", "/answer", "/api/patient-answers/open");
        assertThat(GATEWAY.services.received()).allSatisfy(call -> {
            assertThat(call.authorization()).as("a token reaching " + call.uri()).isNull();
            assertThat(call.cookie()).as("cookies reaching " + call.uri()).isNull();
        });
        assertThat(GATEWAY.services.received().get(1).body()).isEqualTo(form);
        // the coordinator is still signed in
        assertThat(browser.get(GATEWAY.at("/session")).statusCode()).isEqualTo(200);
    }

    @Test
    void a_bearer_caller_is_no_browser_and_gets_no_page() {
        HttpResponse<String> page = new KeycloakBrowserLogin().get(GATEWAY.at("/patients"),
                "Authorization", "Bearer " + KeycloakTokens.accessTokenOfRole("front-desk"));
        assertThat(page.statusCode()).isEqualTo(403);
        assertThat(page.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(json(page).get("code").asString()).isEqualTo("forbidden");
        assertThat(json(page).get("detail").asString()).isEqualTo("GET /patients is a page of the web app, for a "
                + "browser signed in at the gateway, not for a bearer token; with a token, call the API under /api/.");
        // an API path no rule names keeps the role table's wording
        HttpResponse<String> unnamed = new KeycloakBrowserLogin().get(GATEWAY.at("/internal/anything"),
                "Authorization", "Bearer " + KeycloakTokens.accessTokenOfRole("front-desk"));
        assertThat(json(unnamed).get("detail").asString()).isEqualTo("Your role does not allow GET /internal/anything.");
        assertThat(GATEWAY.services.received()).isEmpty();
    }

    @Test
    void the_web_apps_sign_out_with_htmx_gets_keycloaks_end_session_url_to_navigate_to() {
        KeycloakBrowserLogin browser = signedIn("frontdesk1");

        HttpResponse<String> logout = browser.post(GATEWAY.at("/logout"), "", "X-XSRF-TOKEN", xsrfToken(browser),
                "HX-Request", "true", "Accept", "*/*");
        assertThat(logout.statusCode()).isEqualTo(200);
        assertThat(logout.headers().firstValue("Location")).isEmpty();
        URI endSession = URI.create(logout.headers().firstValue("HX-Redirect").orElseThrow());
        assertThat(endSession.toString()).startsWith(LocalKeycloak.issuer() + "/protocol/openid-connect/logout?");
        Map<String, String> query = query(endSession);
        assertThat(query).containsEntry("post_logout_redirect_uri", GATEWAY.baseUrl + "/").containsKey("id_token_hint");
        String keycloakSession = GatewayUnderTest.claims(query.get("id_token_hint")).get("sid").asString();

        // htmx sets window.location to it: Keycloak ends its session and sends the browser back to the start page
        HttpResponse<String> backHome = browser.get(endSession);
        assertThat(location(backHome).toString()).isEqualTo(GATEWAY.baseUrl + "/");
        assertThat(KeycloakAdmin.sessionIds(KeycloakAdmin.userId("frontdesk1"))).doesNotContain(keycloakSession);
        assertThat(browser.get(GATEWAY.at("/session")).statusCode()).isEqualTo(401);

        // without a session left to end, htmx is sent to the start page
        HttpResponse<String> again = browser.post(GATEWAY.at("/logout"), "", "X-XSRF-TOKEN", xsrfToken(browser),
                "HX-Request", "true");
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.headers().firstValue("HX-Redirect")).hasValue("/");
    }

    @Test
    void the_session_endpoint_is_for_browser_sessions_only() {
        HttpResponse<String> bearer = new KeycloakBrowserLogin().get(GATEWAY.at("/session"),
                "Authorization", "Bearer " + KeycloakTokens.accessTokenOfRole("coordinator"));
        assertThat(bearer.statusCode()).isEqualTo(403);
        assertThat(json(bearer).get("code").asString()).isEqualTo("forbidden");
    }

    @Test
    void logging_out_without_a_session_just_returns_to_the_start_page() {
        KeycloakBrowserLogin browser = new KeycloakBrowserLogin();
        browser.get(GATEWAY.at("/"));

        HttpResponse<String> logout = browser.post(GATEWAY.at("/logout"), "", "X-XSRF-TOKEN", xsrfToken(browser));
        assertThat(logout.statusCode()).isEqualTo(302);
        assertThat(location(logout).toString()).isEqualTo(GATEWAY.baseUrl + "/");
    }

    @Test
    void by_default_no_page_of_another_origin_may_call_the_gateway() {
        HttpResponse<String> preflight = new KeycloakBrowserLogin().send("OPTIONS", GATEWAY.at("/api/patients"), null,
                "Origin", "http://localhost:5173", "Access-Control-Request-Method", "POST");
        assertThat(preflight.statusCode()).isEqualTo(403);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    private static KeycloakBrowserLogin signedIn(String user) {
        KeycloakBrowserLogin browser = new KeycloakBrowserLogin();
        HttpResponse<String> back = browser.signIn(GATEWAY.at(BrowserSessionSecurity.SIGN_IN_PATH), user,
                KeycloakTokens.DEV_PASSWORD);
        assertThat(isRedirect(back)).as("the gateway took the code").isTrue();
        assertThat(browser.get(GATEWAY.at("/session")).statusCode()).isEqualTo(200);
        return browser;
    }

    /** The web app reads the XSRF-TOKEN cookie and echoes it in X-XSRF-TOKEN. */
    private static String xsrfToken(KeycloakBrowserLogin browser) {
        return browser.cookie(GATEWAY.at("/"), "XSRF-TOKEN").orElseThrow(() -> new AssertionError("no XSRF-TOKEN cookie"));
    }

    private static JsonNode json(HttpResponse<String> response) {
        return GatewayUnderTest.JSON.readTree(response.body());
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> parameters = new java.util.LinkedHashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            String[] nameValue = pair.split("=", 2);
            parameters.put(URLDecoder.decode(nameValue[0], StandardCharsets.UTF_8),
                    nameValue.length == 2 ? URLDecoder.decode(nameValue[1], StandardCharsets.UTF_8) : "");
        }
        return parameters;
    }
}
