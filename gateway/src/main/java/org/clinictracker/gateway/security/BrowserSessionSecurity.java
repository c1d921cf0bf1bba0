package org.clinictracker.gateway.security;

import java.net.URI;
import java.util.Set;

import org.clinictracker.platform.security.ClinicSecurityProperties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.web.server.logout.OidcClientInitiatedServerLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.userinfo.ReactiveOAuth2UserService;
import org.springframework.security.oauth2.client.web.server.DefaultServerOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.server.WebSessionServerOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.DelegatingServerAuthenticationEntryPoint;
import org.springframework.security.web.server.DelegatingServerAuthenticationEntryPoint.DelegateEntry;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.logout.WebSessionServerLogoutHandler;
import org.springframework.security.web.server.csrf.CookieServerCsrfTokenRepository;
import org.springframework.security.web.server.util.matcher.AndServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.MediaTypeServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.NegatedServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;

/**
 * Every caller without a bearer token: the web app's browser users, for whom the gateway is the
 * backend-for-frontend. They sign in with Keycloak (authorization code with PKCE, confidential client
 * {@code clinic-web}); their tokens stay in the gateway's session and TokenRelay sends the access token on to
 * the services. The browser only holds an HttpOnly session cookie and the CSRF cookie. The role table is the
 * same as for API callers. An API call without a session is 401, never a redirect; a page goes to the login.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ ResponseProtections.Headers.class, ResponseProtections.Cors.class })
public class BrowserSessionSecurity {

    static final String SIGN_IN_PATH = "/oauth2/authorization/keycloak";

    @Bean
    ResponseProtections responseProtections(ResponseProtections.Headers headers, ResponseProtections.Cors cors,
            ClinicSecurityProperties security) {
        return new ResponseProtections(headers, cors, security);
    }

    /** Tokens live in the session and die with it (Boot's default keeps them per user, beyond logout). */
    @Bean
    ServerOAuth2AuthorizedClientRepository authorizedClientRepository() {
        return new WebSessionServerOAuth2AuthorizedClientRepository();
    }

    @Bean
    ReactiveOAuth2UserService<OidcUserRequest, OidcUser> browserUsers(ReactiveJwtDecoder accessTokens) {
        return new AccessTokenRoles(accessTokens);
    }

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 2)
    SecurityWebFilterChain browserSessions(ServerHttpSecurity http, ReactiveProblemResponses problems,
            ReactiveClientRegistrationRepository registrations, ResponseProtections protections,
            @Value("${server.reactive.session.cookie.name:SESSION}") String sessionCookie) {
        ServerAuthenticationEntryPoint signIn = signIn(problems);
        protections.applyTo(http);
        return http
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .csrf(csrf -> csrf
                        .requireCsrfProtectionMatcher(changesWithSession(sessionCookie))
                        .csrfTokenRepository(csrfCookie())
                        .csrfTokenRequestHandler(new SpaCsrfTokenRequestHandler())
                        .accessDeniedHandler(problems))
                .oauth2Login(login -> login.authorizationRequestResolver(withPkce(registrations)))
                .logout(logout -> logout
                        .logoutHandler(handlers -> handlers.add(new WebSessionServerLogoutHandler()))
                        .logoutSuccessHandler(HtmxRequests.redirectsFollowedByHtmx(keycloakLogout(registrations))))
                .authorizeExchange(exchanges -> {
                    // the web app's pages (from "/", where a sign-in lands) and the session's own endpoint
                    exchanges.pathMatchers(SessionEndpoint.PATH).authenticated();
                    // static stylesheets, no patient data: the patient's answer page uses them without a session
                    exchanges.pathMatchers(WebAppPages.OPEN_ASSETS).permitAll();
                    exchanges.pathMatchers(WebAppPages.PATHS).authenticated();
                    ReactiveRoleTable.apply(exchanges);
                })
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(signIn).accessDeniedHandler(problems))
                .addFilterAfter(new CsrfCookieSubscriber(), SecurityWebFiltersOrder.CSRF)
                .addFilterAfter(new ExpiredSessionHandling(signIn), SecurityWebFiltersOrder.EXCEPTION_TRANSLATION)
                .build();
    }

    /**
     * CSRF guards the authority a browser's session cookie carries, so it applies to state-changing calls that bring
     * one. A call with neither session nor token has no authority to abuse: it goes on to the role table and gets
     * the same 401 as at the services, not a CSRF refusal.
     */
    static ServerWebExchangeMatcher changesWithSession(String sessionCookie) {
        return exchange -> {
            HttpMethod method = exchange.getRequest().getMethod();
            boolean changes = !(HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method)
                    || HttpMethod.OPTIONS.equals(method) || HttpMethod.TRACE.equals(method));
            return changes && exchange.getRequest().getCookies().containsKey(sessionCookie)
                    ? ServerWebExchangeMatcher.MatchResult.match()
                    : ServerWebExchangeMatcher.MatchResult.notMatch();
        };
    }

    /**
     * A browser opening a page (it asks for HTML) is sent to Keycloak's sign-in; everything else, the API and
     * {@code /session} above all, but also a monitoring tool on {@code /actuator/info}, gets 401 problem+json.
     * A page's htmx request whose session has ended gets that 401 with {@code HX-Refresh: true}: htmx loads the
     * page again, which leads to the sign-in and back (the XHR itself could not follow the redirect to Keycloak).
     */
    private static ServerAuthenticationEntryPoint signIn(ReactiveProblemResponses problems) {
        MediaTypeServerWebExchangeMatcher asksForHtml = new MediaTypeServerWebExchangeMatcher(MediaType.TEXT_HTML);
        asksForHtml.setIgnoredMediaTypes(Set.of(MediaType.ALL));
        ServerWebExchangeMatcher notApi = new NegatedServerWebExchangeMatcher(
                ServerWebExchangeMatchers.pathMatchers("/api/**", SessionEndpoint.PATH));
        ServerWebExchangeMatcher pageInBrowser = new AndServerWebExchangeMatcher(notApi, asksForHtml);
        ServerWebExchangeMatcher htmxOfPage = new AndServerWebExchangeMatcher(notApi, HtmxRequests.FROM_HTMX);
        ServerAuthenticationEntryPoint reloadPage = (exchange, ex) -> {
            exchange.getResponse().getHeaders().set(HtmxRequests.REFRESH, "true");
            return problems.signInAgain(exchange);
        };
        DelegatingServerAuthenticationEntryPoint entryPoint = new DelegatingServerAuthenticationEntryPoint(
                new DelegateEntry(htmxOfPage, reloadPage),
                new DelegateEntry(pageInBrowser, new RedirectServerAuthenticationEntryPoint(SIGN_IN_PATH)));
        entryPoint.setDefaultEntryPoint((exchange, ex) -> problems.signInAgain(exchange));
        return entryPoint;
    }

    /** The XSRF-TOKEN cookie the web app echoes in X-XSRF-TOKEN: readable by its script, same-site like the session. */
    private static CookieServerCsrfTokenRepository csrfCookie() {
        CookieServerCsrfTokenRepository repository = CookieServerCsrfTokenRepository.withHttpOnlyFalse();
        repository.setCookieCustomizer(cookie -> cookie.sameSite("Lax"));
        return repository;
    }

    /** PKCE (S256) although the client is confidential: Spring adds it by itself for public clients only. */
    private static DefaultServerOAuth2AuthorizationRequestResolver withPkce(ReactiveClientRegistrationRepository registrations) {
        DefaultServerOAuth2AuthorizationRequestResolver resolver = new DefaultServerOAuth2AuthorizationRequestResolver(registrations);
        resolver.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
        return resolver;
    }

    /**
     * Ends Keycloak's SSO session too (RP-initiated logout with id_token_hint), then back to the gateway's root. The
     * web app's sign-out button posts with htmx: it gets the same URL in {@code HX-Redirect} ({@link HtmxRequests}).
     */
    private static OidcClientInitiatedServerLogoutSuccessHandler keycloakLogout(ReactiveClientRegistrationRepository registrations) {
        OidcClientInitiatedServerLogoutSuccessHandler handler = new OidcClientInitiatedServerLogoutSuccessHandler(registrations);
        handler.setPostLogoutRedirectUri("{baseUrl}/");
        // without a signed-in user there is no Keycloak session to end: just go to the start page
        handler.setLogoutSuccessUrl(URI.create("/"));
        return handler;
    }
}
