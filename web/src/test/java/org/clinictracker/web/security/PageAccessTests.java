package org.clinictracker.web.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clinictracker.web.security.ClinicRole.CLINIC_ADMIN;
import static org.clinictracker.web.security.ClinicRole.COORDINATOR;
import static org.clinictracker.web.security.ClinicRole.FRONT_DESK;
import static org.clinictracker.web.security.ClinicRole.PROCEDURALIST;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.clinictracker.testsupport.ClinicJwt;
import org.clinictracker.testsupport.TestTokenIssuerInitializer;
import org.clinictracker.web.api.ApiProblem;
import org.clinictracker.web.api.ClinicApi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpMethod;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The web app's role table ({@link PageAccess}) as the clinic expects it: every screen, for each of the four
 * roles, either opens or answers 403 with the "not for your role" page in the layout. Real signed tokens go
 * through the production decoder. The refusal is rendered by a forward to /error, which MockMvc does not
 * perform, so the table is asked over real HTTP.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ContextConfiguration(initializers = TestTokenIssuerInitializer.class)
class PageAccessTests {

    private static final String ID = "6eedd70b-e31b-4650-9f6f-43139f2a95e1";
    private static final ClinicRole[] EVERYONE = ClinicRole.values();

    /** The role table, written from the clinic's point of view (architecture.md), not copied from PageAccess. */
    static final List<Screen> SCREENS = List.of(
            Screen.get("/patients", EVERYONE),
            Screen.get("/patients/search", EVERYONE),
            Screen.get("/patients/" + ID, EVERYONE),
            Screen.get("/patients/new", FRONT_DESK),
            Screen.post("/patients/new", FRONT_DESK),
            Screen.get("/patients/" + ID + "/edit", FRONT_DESK),
            Screen.get("/patients/" + ID + "/screening", FRONT_DESK),
            Screen.get("/patients/" + ID + "/consent", FRONT_DESK),
            Screen.get("/patients/" + ID + "/timeline", PROCEDURALIST, COORDINATOR, CLINIC_ADMIN),
            Screen.get("/patients/" + ID + "/audit", CLINIC_ADMIN),
            Screen.get("/patients/" + ID + "/record.fhir.json", PROCEDURALIST, COORDINATOR, CLINIC_ADMIN),
            Screen.get("/procedures/new", PROCEDURALIST),
            Screen.post("/procedures/new", PROCEDURALIST),
            Screen.get("/procedures/" + ID, PROCEDURALIST, COORDINATOR, CLINIC_ADMIN),
            Screen.post("/procedures/" + ID),
            Screen.get("/procedures/" + ID + "/amend", PROCEDURALIST),
            Screen.get("/procedures/" + ID + "/adverse-events/new", PROCEDURALIST),
            Screen.post("/procedures/warnings", PROCEDURALIST),
            Screen.get("/worklist", COORDINATOR),
            Screen.get("/worklist/overdue", COORDINATOR),
            Screen.post("/followups/" + ID + "/outcome", COORDINATOR),
            // the patients' own answers (issue 12): send the questions, review and correct the answers
            Screen.get("/worklist?tab=answered", COORDINATOR),
            Screen.post("/followups/" + ID + "/patient-link/email", COORDINATOR),
            Screen.post("/followups/" + ID + "/patient-link/tablet", COORDINATOR),
            Screen.post("/followups/" + ID + "/outcome/review", COORDINATOR),
            Screen.get("/followups/" + ID + "/outcome/amend", COORDINATOR),
            Screen.post("/followups/" + ID + "/outcome/amend", COORDINATOR),
            Screen.get("/repeat-treatments", PROCEDURALIST, COORDINATOR),
            Screen.post("/repeat-treatments/" + ID + "/decision", COORDINATOR),
            Screen.get("/reports", PROCEDURALIST, COORDINATOR, CLINIC_ADMIN),
            Screen.get("/reports/outcomes.csv", PROCEDURALIST, COORDINATOR, CLINIC_ADMIN),
            Screen.get("/admin/protocols", CLINIC_ADMIN),
            Screen.get("/admin/protocols/CRYONEUROLYSIS", CLINIC_ADMIN),
            Screen.post("/admin/protocols/CRYONEUROLYSIS", CLINIC_ADMIN),
            // a path the table does not name is nobody's
            Screen.get("/internal/anything"),
            Screen.get("/actuator/env"));

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    @LocalServerPort
    int port;

    @Autowired
    MockMvc mvc;

    @MockitoBean
    ClinicApi api;

    /**
     * Every call to the API answers "not found": a page that reads something shows the problem page, one that
     * does not renders as it is, and none depends on another page's data to show that the door opened.
     */
    @BeforeEach
    void theApiKnowsNothing() {
        ApiProblem nothing = new ApiProblem(404, Map.of("code", "not-found", "title", "Nothing here"));
        when(api.get(anyString(), any(Object[].class))).thenThrow(nothing);
        when(api.get(anyString(), anyMap())).thenThrow(nothing);
        when(api.getArray(anyString(), any(Object[].class))).thenThrow(nothing);
        when(api.getForUpdate(anyString(), any(Object[].class))).thenThrow(nothing);
        when(api.post(anyString(), any(), any(), any(Object[].class))).thenThrow(nothing);
        when(api.put(anyString(), any(), any(), any(Object[].class))).thenThrow(nothing);
        when(api.download(anyString(), anyMap(), any())).thenThrow(nothing);
    }

    static Stream<Arguments> everyScreenForEveryRole() {
        return SCREENS.stream().flatMap(screen -> Arrays.stream(ClinicRole.values())
                .map(role -> Arguments.of(screen, role)));
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("everyScreenForEveryRole")
    void a_screen_opens_for_its_roles_and_is_refused_politely_to_the_others(Screen screen, ClinicRole role)
            throws Exception {
        HttpResponse<String> page = open(screen, "Bearer " + role.token().signed());

        if (screen.allowed().contains(role)) {
            assertThat(page.statusCode()).as("%s may open %s", role, screen)
                    .isNotIn(401, 403).isLessThan(500);
            assertThat(page.body()).doesNotContain("not for your role");
        } else {
            assertThat(page.statusCode()).as("%s may not open %s", role, screen).isEqualTo(403);
            assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("text/html"));
            assertThat(page.body())
                    .contains("<title>Not for your role · Clinic tracker</title>")
                    .contains("<h1>This screen is not for your role</h1>")
                    .contains("class=\"app-header\"") // in the layout: the user keeps their navigation
                    .contains(role.username)
                    .doesNotContain("Exception").doesNotContain("Whitelabel");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("screens")
    void no_token_is_no_page(Screen screen) throws Exception {
        assertThat(open(screen, null).statusCode()).isEqualTo(401);
    }

    static Stream<Screen> screens() {
        return SCREENS.stream();
    }

    @Test
    void a_token_the_clinic_did_not_issue_for_its_api_is_refused() throws Exception {
        Screen patients = Screen.get("/patients");
        assertThat(open(patients, "Bearer " + ClinicJwt.frontDesk().issuedBy("http://localhost:8180/realms/master").signed())
                .statusCode()).as("another realm").isEqualTo(401);
        assertThat(open(patients, "Bearer " + ClinicJwt.frontDesk().forAudience("account").signed())
                .statusCode()).as("another audience").isEqualTo(401);
        assertThat(open(patients, "Bearer " + ClinicJwt.frontDesk().signedByAnotherKey().signed())
                .statusCode()).as("another key").isEqualTo(401);
        assertThat(open(patients, "Bearer " + ClinicJwt.frontDesk().expiringIn(Duration.ofMinutes(-5)).signed())
                .statusCode()).as("expired").isEqualTo(401);
        assertThat(open(patients, "Bearer " + ClinicJwt.frontDesk().unsigned())
                .statusCode()).as("unsigned").isEqualTo(401);
    }

    @Test
    void the_style_sheet_and_scripts_need_no_sign_in() throws Exception {
        for (String asset : List.of("/assets/app.css", "/assets/app.js", "/webjars/htmx.org/dist/htmx.min.js",
                "/webjars/chart.js/dist/chart.umd.min.js")) {
            assertThat(open(Screen.get(asset), null).statusCode()).as(asset).isEqualTo(200);
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(ClinicRole.class)
    void the_start_page_is_the_screen_of_each_roles_main_job(ClinicRole role) throws Exception {
        String start = role == COORDINATOR ? "/worklist" : "/patients";
        mvc.perform(get("/").with(role.token())).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl(start));
    }

    @Test
    void the_navigation_offers_only_the_roles_screens() throws Exception {
        String frontDesk = open(Screen.get("/admin/protocols"), "Bearer " + FRONT_DESK.token().signed()).body();
        assertThat(frontDesk).contains("href=\"/patients/new\"").doesNotContain("href=\"/worklist\"")
                .doesNotContain("href=\"/admin/protocols\"").doesNotContain("href=\"/reports\"");
        String coordinator = open(Screen.get("/admin/protocols"), "Bearer " + COORDINATOR.token().signed()).body();
        assertThat(coordinator).contains("href=\"/worklist\"").contains("href=\"/repeat-treatments\"")
                .doesNotContain("href=\"/patients/new\"").doesNotContain("href=\"/admin/protocols\"")
                .contains("href=\"/reports\"");
        String admin = open(Screen.get("/worklist"), "Bearer " + CLINIC_ADMIN.token().signed()).body();
        assertThat(admin).contains("href=\"/admin/protocols\"").contains("href=\"/reports\"")
                .doesNotContain("href=\"/patients/new\"")
                .doesNotContain("href=\"/worklist\"");
    }

    private HttpResponse<String> open(Screen screen, String authorization) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + screen.path()))
                .timeout(Duration.ofSeconds(20))
                .header("Accept", "text/html");
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (screen.method() == HttpMethod.POST) {
            request.header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(""));
        } else {
            request.GET();
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
