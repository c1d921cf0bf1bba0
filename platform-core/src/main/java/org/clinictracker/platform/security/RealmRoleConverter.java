package org.clinictracker.platform.security;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Keycloak puts realm roles in {@code realm_access.roles}; Spring Security's default looks at
 * {@code scope}. This maps each clinic role to {@code ROLE_<role>} and names the principal by
 * {@code preferred_username}, which is what the audit trail records. A token without a usable role
 * claim is authenticated with no roles, so every role-guarded call answers 403.
 */
public class RealmRoleConverter implements Converter<Jwt, AbstractAuthenticationToken> {

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        String username = jwt.hasClaim("preferred_username") ? jwt.getClaimAsString("preferred_username") : jwt.getSubject();
        return new JwtAuthenticationToken(jwt, authorities(jwt), username);
    }

    public static Collection<GrantedAuthority> authorities(Jwt jwt) {
        // Read raw: a malformed claim (roles not a list, realm_access not an object) means no roles, not a 500.
        if (!(jwt.getClaims().get("realm_access") instanceof Map<?, ?> realmAccess)
                || !(realmAccess.get("roles") instanceof Collection<?> roles)) {
            return List.of();
        }
        return roles.stream()
                .map(String::valueOf)
                .filter(ClinicRoles.ALL::contains)
                .<GrantedAuthority>map(role -> new SimpleGrantedAuthority("ROLE_" + role))
                .toList();
    }
}
