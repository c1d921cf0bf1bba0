package org.clinictracker.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.clinictracker.platform.security.AccessRule;
import org.clinictracker.platform.security.ClinicAccessRules;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;

/** The gateway's compiled role table finds the same deciding rule as the shared table, for every rule's paths. */
class ReactiveRoleTableTest {

    private final ReactiveRoleTable table = ReactiveRoleTable.INSTANCE;

    @Test
    void every_method_and_path_of_the_table_is_decided_by_the_same_rule_as_in_the_shared_table() {
        List<HttpMethod> methods = List.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.POST, HttpMethod.PUT,
                HttpMethod.PATCH, HttpMethod.DELETE, HttpMethod.OPTIONS);
        int checked = 0;
        for (AccessRule rule : ClinicAccessRules.RULES) {
            for (String pattern : rule.paths()) {
                String path = pattern.replace("/**", "/a/b").replace("*", "7b0c1f36-0000-4000-8000-00000000000c");
                for (HttpMethod method : methods) {
                    assertThat(decidingRule(method, path)).as("%s %s", method, path)
                            .isEqualTo(ClinicAccessRules.ruleFor(method, path).orElse(null));
                    checked++;
                }
            }
        }
        assertThat(checked).isGreaterThan(200);
    }

    @Test
    void a_get_rule_decides_head_and_what_no_rule_names_has_no_rule() {
        assertThat(decidingRule(HttpMethod.HEAD, "/api/patients")).isNotNull()
                .isSameAs(decidingRule(HttpMethod.GET, "/api/patients"));
        assertThat(decidingRule(HttpMethod.DELETE, "/api/patients/7b0c1f36-0000-4000-8000-00000000000c")).isNull();
        assertThat(decidingRule(HttpMethod.GET, "/internal/anything")).isNull();
    }

    @Test
    void the_web_apps_pages_are_no_part_of_the_api_table_so_a_bearer_caller_gets_none_of_them() {
        for (String pattern : WebAppPages.PATHS) {
            String path = pattern.replace("/**", "/a/b");
            for (HttpMethod method : List.of(HttpMethod.GET, HttpMethod.POST)) {
                assertThat(decidingRule(method, path)).as("%s %s", method, path).isNull();
                assertThat(ClinicAccessRules.ruleFor(method, path)).as("%s %s", method, path).isEmpty();
            }
        }
    }

    private AccessRule decidingRule(HttpMethod method, String path) {
        ReactiveRoleTable.CompiledRule rule = table.ruleFor(method, PathContainer.parsePath(path));
        return rule == null ? null : rule.rule();
    }
}
