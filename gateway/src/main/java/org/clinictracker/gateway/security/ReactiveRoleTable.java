package org.clinictracker.gateway.security;

import org.clinictracker.platform.security.AccessRule;
import org.clinictracker.platform.security.ClinicAccessRules;
import org.springframework.http.HttpMethod;
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
            if (rule.method() == null) {
                decide(exchanges.pathMatchers(rule.pathArray()), rule);
            }
            for (HttpMethod method : rule.methods()) {
                decide(exchanges.pathMatchers(method, rule.pathArray()), rule);
            }
        }
        exchanges.anyExchange().denyAll();
    }

    private static void decide(AuthorizeExchangeSpec.Access matched, AccessRule rule) {
        if (rule.open()) {
            matched.permitAll();
        } else {
            matched.hasAnyRole(rule.roleArray());
        }
    }
}
