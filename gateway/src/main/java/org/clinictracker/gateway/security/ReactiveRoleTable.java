package org.clinictracker.gateway.security;

import org.clinictracker.platform.security.AccessRule;
import org.clinictracker.platform.security.ClinicAccessRules;
import org.springframework.security.config.web.server.ServerHttpSecurity.AuthorizeExchangeSpec;

/**
 * The clinic's one role table ({@link ClinicAccessRules}) as WebFlux authorization rules: the same
 * rules, in the same order, as each service applies behind the gateway; anything the table does not
 * name is refused. Use it as {@code http.authorizeExchange(ReactiveRoleTable::apply)}.
 */
public final class ReactiveRoleTable {

    private ReactiveRoleTable() {
    }

    public static void apply(AuthorizeExchangeSpec exchanges) {
        for (AccessRule rule : ClinicAccessRules.RULES) {
            var matched = rule.method() == null
                    ? exchanges.pathMatchers(rule.pathArray())
                    : exchanges.pathMatchers(rule.method(), rule.pathArray());
            if (rule.open()) {
                matched.permitAll();
            } else {
                matched.hasAnyRole(rule.roleArray());
            }
        }
        exchanges.anyExchange().denyAll();
    }
}
