package org.clinictracker.gateway.security;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.clinictracker.platform.security.AccessRule;
import org.clinictracker.platform.security.ClinicAccessRules;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.ReactiveAuthorizationManager;
import org.springframework.security.config.web.server.ServerHttpSecurity.AuthorizeExchangeSpec;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.web.server.authorization.AuthorizationContext;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

import reactor.core.publisher.Mono;

/**
 * The clinic's one role table ({@link ClinicAccessRules}) as one WebFlux authorization decision: the same
 * rules, in the same order, as each service applies behind the gateway; the first rule that matches decides,
 * anything the table does not name is refused. The paths are parsed once and the rule is found with plain
 * loops, not with one reactive matcher per rule and method, as {@code pathMatchers(...)} would (that cost a
 * measurable share of the gateway's CPU per request). Use it as {@code http.authorizeExchange(ReactiveRoleTable::apply)}.
 */
public final class ReactiveRoleTable implements ReactiveAuthorizationManager<AuthorizationContext> {

    static final ReactiveRoleTable INSTANCE = new ReactiveRoleTable(ClinicAccessRules.RULES);

    private static final Mono<AuthorizationResult> GRANTED = Mono.just(new AuthorizationDecision(true));
    private static final Mono<AuthorizationResult> DENIED = Mono.just(new AuthorizationDecision(false));

    private final List<CompiledRule> rules;

    ReactiveRoleTable(List<AccessRule> rules) {
        this.rules = rules.stream().map(CompiledRule::new).toList();
    }

    public static void apply(AuthorizeExchangeSpec exchanges) {
        exchanges.anyExchange().access(INSTANCE);
    }

    @Override
    public Mono<AuthorizationResult> authorize(Mono<Authentication> authentication, AuthorizationContext context) {
        HttpMethod method = context.getExchange().getRequest().getMethod();
        PathContainer path = context.getExchange().getRequest().getPath().pathWithinApplication();
        CompiledRule rule = ruleFor(method, path);
        if (rule == null) {
            return DENIED;
        }
        if (rule.open) {
            return GRANTED;
        }
        return authentication.filter(Authentication::isAuthenticated)
                .<AuthorizationResult>map(caller -> new AuthorizationDecision(rule.allows(caller)))
                .switchIfEmpty(DENIED);
    }

    /** The first rule that decides this request, or null (refused to everyone). */
    CompiledRule ruleFor(HttpMethod method, PathContainer path) {
        for (CompiledRule rule : rules) {
            if (rule.matches(method, path)) {
                return rule;
            }
        }
        return null;
    }

    /** An {@link AccessRule} with its paths parsed and its roles as the authorities Spring Security grants. */
    static final class CompiledRule {

        private final AccessRule rule;
        /** The rule's own methods (a GET rule decides HEAD too); empty: any method. */
        private final List<HttpMethod> methods;
        private final PathPattern[] paths;
        private final boolean open;
        private final Set<String> authorities;

        CompiledRule(AccessRule rule) {
            this.rule = rule;
            this.methods = rule.methods();
            this.paths = rule.paths().stream().map(PathPatternParser.defaultInstance::parse).toArray(PathPattern[]::new);
            this.open = rule.open();
            this.authorities = rule.roles().stream().map(role -> "ROLE_" + role).collect(Collectors.toUnmodifiableSet());
        }

        boolean matches(HttpMethod method, PathContainer path) {
            if (!methods.isEmpty() && !methods.contains(method)) {
                return false;
            }
            for (PathPattern pattern : paths) {
                if (pattern.matches(path)) {
                    return true;
                }
            }
            return false;
        }

        boolean allows(Authentication caller) {
            for (GrantedAuthority authority : caller.getAuthorities()) {
                if (authorities.contains(authority.getAuthority())) {
                    return true;
                }
            }
            return false;
        }

        AccessRule rule() {
            return rule;
        }
    }
}
