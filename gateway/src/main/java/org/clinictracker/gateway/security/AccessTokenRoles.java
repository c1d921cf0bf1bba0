package org.clinictracker.gateway.security;

import org.clinictracker.platform.security.RealmRoleConverter;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcReactiveOAuth2UserService;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.userinfo.ReactiveOAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

import reactor.core.publisher.Mono;

/**
 * A browser user's roles: Keycloak writes realm roles into the access token only, so they are read from
 * there (not the ID token), after the access token passed the same checks as an API caller's bearer token
 * (signature, issuer, clinic-api audience, expiry). The user is named by {@code preferred_username}, as the
 * services and their audit trails name them.
 */
final class AccessTokenRoles implements ReactiveOAuth2UserService<OidcUserRequest, OidcUser> {

    private final OidcReactiveOAuth2UserService oidcUsers = new OidcReactiveOAuth2UserService();
    private final ReactiveJwtDecoder accessTokens;

    AccessTokenRoles(ReactiveJwtDecoder accessTokens) {
        this.accessTokens = accessTokens;
    }

    @Override
    public Mono<OidcUser> loadUser(OidcUserRequest request) {
        String nameAttribute = request.getClientRegistration().getProviderDetails().getUserInfoEndpoint()
                .getUserNameAttributeName();
        return oidcUsers.loadUser(request)
                .zipWith(accessTokens.decode(request.getAccessToken().getTokenValue())
                        .onErrorMap(JwtException.class, refused -> new OAuth2AuthenticationException(
                                new OAuth2Error("invalid_token", "Keycloak's access token was refused", null), refused)))
                .map(userAndToken -> new DefaultOidcUser(RealmRoleConverter.authorities(userAndToken.getT2()),
                        userAndToken.getT1().getIdToken(), userAndToken.getT1().getUserInfo(), nameAttribute));
    }
}
