package org.clinictracker.platform.security;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.servlet.Filter;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.mock.web.MockServletContext;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.support.AnnotationConfigWebApplicationContext;
import org.springframework.web.servlet.config.annotation.EnableWebMvc;

import tools.jackson.databind.json.JsonMapper;

/**
 * The servlet adapter applies the role table exactly: behind a chain built by
 * {@link ClinicResourceServer#applyWithRoleTable} for every API prefix, a path made from every pattern of
 * every rule lets each role in, or refuses it, as {@link ClinicAccessRules} decides (followup-service's
 * rows included, before that service exists). Tokens are decoded by a stub that reads the role from the
 * token text; the real decoder is the services' {@code BearerTokenContract}'s business.
 */
class ServletRoleTableTest {

    private AnnotationConfigWebApplicationContext context;
    private MockMvc mvc;

    @BeforeEach
    void start() {
        context = new AnnotationConfigWebApplicationContext();
        context.setServletContext(new MockServletContext());
        context.register(AllServicesBehindTheTable.class);
        context.refresh();
        mvc = MockMvcBuilders.webAppContextSetup(context)
                .addFilters(context.getBean("springSecurityFilterChain", Filter.class))
                .build();
    }

    @AfterEach
    void stop() {
        context.close();
    }

    @Test
    void every_rule_answers_as_the_table_says() throws Exception {
        SoftAssertions softly = new SoftAssertions();
        List<String> callers = new ArrayList<>(ClinicRoles.ALL);
        callers.add("offline_access");
        for (AccessRule rule : ClinicAccessRules.RULES) {
            HttpMethod method = rule.method() == null ? HttpMethod.GET : rule.method();
            for (String pattern : rule.paths()) {
                String path = pattern.replace("/**", "/a/b").replace("*", "7b0c1f36-0000-4000-8000-00000000000c");
                for (String caller : callers) {
                    boolean permitted = ClinicAccessRules.permits(method, path, List.of(caller));
                    int status = mvc.perform(request(method, path).header("Authorization", "Bearer " + caller))
                            .andReturn().getResponse().getStatus();
                    softly.assertThat(status).as("%s %s %s", caller, method, path).isEqualTo(permitted ? 200 : 403);
                }
                int anonymous = mvc.perform(request(method, path)).andReturn().getResponse().getStatus();
                softly.assertThat(anonymous).as("no token: %s %s", method, path).isEqualTo(rule.open() ? 200 : 401);
            }
        }
        softly.assertThat(mvc.perform(request(HttpMethod.DELETE, "/api/patients/x")
                .header("Authorization", "Bearer front-desk")).andReturn().getResponse().getStatus())
                .as("a call the table does not name").isEqualTo(403);
        softly.assertAll();
    }

    @Configuration
    @EnableWebMvc
    @EnableWebSecurity
    static class AllServicesBehindTheTable {

        @Bean
        ClinicResourceServer resourceServer() {
            return new ClinicResourceServer(new RealmRoleConverter(), new ProblemSecurityResponses(JsonMapper.builder().build()));
        }

        @Bean
        SecurityFilterChain chain(HttpSecurity http, ClinicResourceServer resourceServer) throws Exception {
            return resourceServer.applyWithRoleTable(http,
                    "/api/patients", "/api/procedures", "/api/followups", "/api/repeat-treatments", "/api/reports",
                    "/api/fhir", "/api/patient-answers").build();
        }

        @Bean
        JwtDecoder roleInTheTokenText() {
            return token -> Jwt.withTokenValue(token).header("alg", "RS256").subject(token)
                    .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(60))
                    .claim("realm_access", Map.of("roles", List.of(token))).build();
        }

        @Bean
        AnyPath anyPath() {
            return new AnyPath();
        }
    }

    @RestController
    static class AnyPath {

        @RequestMapping("/**")
        String ok() {
            return "ok";
        }
    }
}
