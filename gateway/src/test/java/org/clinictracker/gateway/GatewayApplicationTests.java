package org.clinictracker.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

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

    /** Each path the gateway routes is named by the role table, so nothing it routes is refused to all. */
    @Test
    void every_routed_path_has_rules_in_the_role_table() {
        List<String> routedPaths = routes.getRouteDefinitions().collectList().block().stream()
                .map(RouteDefinition::getPredicates).flatMap(List::stream)
                .filter(predicate -> predicate.getName().equals("Path"))
                .flatMap(predicate -> predicate.getArgs().values().stream())
                .flatMap(paths -> List.of(paths.split(",")).stream())
                .toList();

        assertThat(routedPaths).contains("/api/patients/**", "/api/procedures/**", "/api/followups/**",
                "/api/repeat-treatments/**");
        assertThat(routedPaths).allSatisfy(path -> assertThat(
                ClinicAccessRules.ruleFor(HttpMethod.GET, path.replace("/**", "/a"))).as(path).isPresent());
    }
}
