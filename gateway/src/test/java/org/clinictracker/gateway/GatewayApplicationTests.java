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
     * Each path the gateway routes to a service is named by the role table, so nothing it routes is refused to all;
     * the web app's route names exactly the pages browser sessions may open (WebAppPages), which the API's table
     * does not name.
     */
    @Test
    void every_routed_path_has_rules_in_the_role_table_or_is_a_page_of_the_web_app() {
        List<RouteDefinition> definitions = routes.getRouteDefinitions().collectList().block();
        List<String> servicePaths = definitions.stream().filter(route -> !route.getId().equals("web"))
                .flatMap(GatewayApplicationTests::paths).toList();
        List<String> webPaths = definitions.stream().filter(route -> route.getId().equals("web"))
                .flatMap(GatewayApplicationTests::paths).toList();

        assertThat(servicePaths).contains("/api/patients/**", "/api/procedures/**", "/api/followups/**",
                "/api/repeat-treatments/**");
        assertThat(servicePaths).allSatisfy(path -> assertThat(
                ClinicAccessRules.ruleFor(HttpMethod.GET, path.replace("/**", "/a"))).as(path).isPresent());
        assertThat(webPaths).containsExactlyInAnyOrderElementsOf(WebAppPages.paths());
    }

    private static Stream<String> paths(RouteDefinition route) {
        return route.getPredicates().stream()
                .filter(predicate -> predicate.getName().equals("Path"))
                .flatMap(predicate -> predicate.getArgs().values().stream())
                .flatMap(paths -> Stream.of(paths.split(",")));
    }
}
