package org.clinictracker.platform.security;

import java.util.Collection;
import java.util.List;
import java.util.Set;

import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * One line of the clinic's role table: requests with {@code method} (null: any method) to one of
 * {@code paths} (Spring {@link PathPattern}s, the syntax both the servlet and the reactive matchers use)
 * are open to anyone, or allowed to the given realm roles only.
 */
public record AccessRule(HttpMethod method, List<String> paths, boolean open, Set<String> roles) {

    public AccessRule {
        paths = List.copyOf(paths);
        roles = Set.copyOf(roles);
        if (open != roles.isEmpty()) {
            throw new IllegalArgumentException("A rule is either open or names the roles it allows: " + paths);
        }
    }

    /** Starts a rule for these paths with this method. */
    public static Target on(HttpMethod method, String... paths) {
        return new Target(method, List.of(paths));
    }

    /** Starts a rule for these paths whatever the method. */
    public static Target onAnyMethod(String... paths) {
        return new Target(null, List.of(paths));
    }

    public boolean matches(HttpMethod requestMethod, String path) {
        // HEAD is a GET without the body (RFC 9110): whoever may GET a resource may HEAD it
        HttpMethod effective = HttpMethod.HEAD.equals(requestMethod) ? HttpMethod.GET : requestMethod;
        if (method != null && !method.equals(effective)) {
            return false;
        }
        PathContainer requestPath = PathContainer.parsePath(path);
        return paths.stream().map(PathPatternParser.defaultInstance::parse).anyMatch(pattern -> pattern.matches(requestPath));
    }

    /** The request methods the rule decides (none: any method); a GET rule decides HEAD too. */
    public List<HttpMethod> methods() {
        if (method == null) {
            return List.of();
        }
        return HttpMethod.GET.equals(method) ? List.of(HttpMethod.GET, HttpMethod.HEAD) : List.of(method);
    }

    /** Whether a caller with these realm roles (none when not signed in) may go on. */
    public boolean allows(Collection<String> callerRoles) {
        return open || callerRoles.stream().anyMatch(roles::contains);
    }

    public String[] pathArray() {
        return paths.toArray(String[]::new);
    }

    /** The roles in a stable order, as Spring's {@code hasAnyRole} takes them. */
    public String[] roleArray() {
        return roles.stream().sorted().toArray(String[]::new);
    }

    public record Target(HttpMethod method, List<String> paths) {

        public AccessRule allow(String... roles) {
            return new AccessRule(method, paths, false, Set.of(roles));
        }

        public AccessRule open() {
            return new AccessRule(method, paths, true, Set.of());
        }
    }
}
