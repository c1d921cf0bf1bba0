package org.clinictracker.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;

import org.clinictracker.gateway.security.WebAppPages;
import org.clinictracker.platform.security.ClinicAccessRules;
import org.clinictracker.testsupport.keycloak.LocalKeycloak;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.cloud.gateway.route.RouteDefinition;
import org.springframework.cloud.gateway.route.RouteDefinitionLocator;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest
class GatewayApplicationTests {

    /** The browser sign-in reads Keycloak's discovery document at start-up. */
    @DynamicPropertySource
    static void keycloakAnswers(DynamicPropertyRegistry registry) {
        LocalKeycloak.ensureRunning();
    }

    @Autowired
    ApplicationContext context;

    @Autowired
    RouteDefinitionLocator routes;

    @Test
    void the_application_starts() {
        assertThat(context.getBean(GatewayApplication.class)).isNotNull();
    }

    /**
     * Each path the gateway routes to a service is named by the role table (for reading or for writing), so nothing
     * it routes is refused to all; the web app's route names exactly the pages browser sessions may open
     * (WebAppPages), which the API's table does not name, and its public route exactly the patient's answer page.
     */
    @Test
    void every_routed_path_has_rules_in_the_role_table_or_is_a_page_of_the_web_app() {
        List<RouteDefinition> definitions = routes.getRouteDefinitions().collectList().block();
        List<String> servicePaths = definitions.stream().filter(route -> !route.getId().startsWith("web"))
                .flatMap(GatewayApplicationTests::paths).toList();

        assertThat(servicePaths).contains("/api/patients/**", "/api/procedures/**", "/api/followups/**",
                "/api/repeat-treatments/**", "/api/patient-answers", "/api/patient-answers/**");
        assertThat(servicePaths).allSatisfy(path -> assertThat(Stream.of(HttpMethod.GET, HttpMethod.POST)
                .map(method -> ClinicAccessRules.ruleFor(method, path.replace("/**", "/open"))))
                .as(path).anySatisfy(rule -> assertThat(rule).isPresent()));
        assertThat(routePaths(definitions, "web")).containsExactlyInAnyOrderElementsOf(WebAppPages.paths());
        assertThat(routePaths(definitions, "web-public")).containsExactlyInAnyOrderElementsOf(WebAppPages.patientAnswerPage());
    }

    private static List<String> routePaths(List<RouteDefinition> definitions, String id) {
        return definitions.stream().filter(route -> route.getId().equals(id)).flatMap(GatewayApplicationTests::paths).toList();
    }

    private static Stream<String> paths(RouteDefinition route) {
        return route.getPredicates().stream()
                .filter(predicate -> predicate.getName().equals("Path"))
                .flatMap(predicate -> predicate.getArgs().values().stream())
                .flatMap(paths -> Stream.of(paths.split(",")));
    }
}
