package org.clinictracker.testsupport.keycloak;

import java.io.IOException;
import java.net.CookieHandler;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser without a browser: an HTTP client that keeps cookies (the app's session cookie and Keycloak's
 * own) and follows redirects only when asked, so a test can look at each step. {@link #signIn} goes through
 * Keycloak's real login form, as a person would: from the app's sign-in URL to Keycloak's page, posts the
 * user name and password to the form's action, and hands the code back to the app's redirect URI.
 * Free of Spring types, so the gateway's tests and the system tests both use it.
 */
public final class KeycloakBrowserLogin {

    private static final Pattern LOGIN_FORM_ACTION = Pattern.compile(
            "<form[^>]*\\bid=\"kc-form-login\"[^>]*\\baction=\"([^\"]+)\"|<form[^>]*\\baction=\"([^\"]+)\"[^>]*\\bid=\"kc-form-login\"");
    private static final int MAX_REDIRECTS = 10;

    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final CookieHandler cookieHandler = new LoopbackIsSecure(cookies);
    private final HttpClient http = newClient();

    /** GET with optional header name/value pairs. */
    public HttpResponse<String> get(URI uri, String... headers) {
        return send(request(uri, headers).GET());
    }

    /** POST of a raw body with optional header name/value pairs (e.g. Content-Type, X-XSRF-TOKEN). */
    public HttpResponse<String> post(URI uri, String body, String... headers) {
        return send(request(uri, headers).POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Any method, for PUT/DELETE through the app. */
    public HttpResponse<String> send(String method, URI uri, String body, String... headers) {
        return send(request(uri, headers).method(method, body == null
                ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body)));
    }

    /** An HTML form POST, as a browser sends it. */
    public HttpResponse<String> postForm(URI uri, Map<String, String> fields, String... headers) {
        String body = fields.entrySet().stream()
                .map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
                .collect(Collectors.joining("&"));
        String[] withType = new String[headers.length + 2];
        withType[0] = "Content-Type";
        withType[1] = "application/x-www-form-urlencoded";
        System.arraycopy(headers, 0, withType, 2, headers.length);
        return post(uri, body, withType);
    }

    /** Follows redirects (with GET, as browsers do after a 302/303) until an answer that is not one. */
    public HttpResponse<String> follow(HttpResponse<String> response) {
        HttpResponse<String> current = response;
        for (int hop = 0; isRedirect(current); hop++) {
            if (hop == MAX_REDIRECTS) {
                throw new IllegalStateException("More than " + MAX_REDIRECTS + " redirects from " + response.uri());
            }
            current = get(location(current));
        }
        return current;
    }

    /**
     * Signs in through Keycloak's login form. {@code start} is a URL of the app that sends an unknown user to
     * Keycloak (its sign-in URL or any page). Returns the app's answer to Keycloak's redirect back (the code
     * exchange), not followed further: usually a redirect to the page first asked for.
     *
     * @throws IllegalStateException if Keycloak shows no login form (e.g. already signed in) or refuses the user
     */
    public HttpResponse<String> signIn(URI start, String username, String password) {
        HttpResponse<String> loginPage = follow(get(start));
        URI action = loginFormAction(loginPage).orElseThrow(() -> new IllegalStateException(
                "No Keycloak login form at " + loginPage.uri() + " (" + loginPage.statusCode() + ")"));
        Map<String, String> form = new LinkedHashMap<>();
        form.put("username", username);
        form.put("password", password);
        form.put("credentialId", "");
        HttpResponse<String> backToApp = postForm(action, form);
        if (!isRedirect(backToApp)) {
            throw new IllegalStateException("Keycloak did not sign " + username + " in: " + backToApp.statusCode()
                    + " at " + backToApp.uri());
        }
        return get(location(backToApp));
    }

    /** The action URL of Keycloak's login form on this page, if the page is one. */
    public static Optional<URI> loginFormAction(HttpResponse<String> page) {
        Matcher form = LOGIN_FORM_ACTION.matcher(page.body());
        if (page.statusCode() != 200 || !form.find()) {
            return Optional.empty();
        }
        String action = form.group(1) != null ? form.group(1) : form.group(2);
        return Optional.of(page.uri().resolve(unescapeHtml(action)));
    }

    /** The value of a cookie this client holds for {@code uri}, if any. */
    public Optional<String> cookie(URI uri, String name) {
        return cookies.getCookieStore().get(uri).stream()
                .filter(cookie -> cookie.getName().equals(name))
                .map(HttpCookie::getValue)
                .findFirst();
    }

    public static boolean isRedirect(HttpResponse<?> response) {
        int status = response.statusCode();
        return status >= 300 && status < 400 && response.headers().firstValue("Location").isPresent();
    }

    /** The redirect's target, resolved against the URL that answered it. */
    public static URI location(HttpResponse<?> response) {
        return response.uri().resolve(response.headers().firstValue("Location")
                .orElseThrow(() -> new IllegalStateException("No Location in the " + response.statusCode()
                        + " from " + response.uri())));
    }

    private static HttpRequest.Builder request(URI uri, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(15));
        if (headers.length % 2 != 0) {
            throw new IllegalArgumentException("headers are name/value pairs");
        }
        boolean accept = false;
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
            accept |= headers[i].equalsIgnoreCase("Accept");
        }
        if (!accept) {
            // what a browser sends when it follows a link or a redirect
            request.header("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
        }
        return request;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        HttpRequest built = request.build();
        try {
            return http.send(built, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(built.method() + " " + built.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted during " + built.method() + " " + built.uri(), e);
        }
    }

    /** Like a browser: HTTP/1.1 with kept-alive connections, cookies kept, redirects followed by the caller. */
    private HttpClient newClient() {
        return HttpClient.newBuilder()
                .cookieHandler(cookieHandler)
                .version(HttpClient.Version.HTTP_1_1) // as browsers on http: no h2c upgrade
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    /**
     * Keycloak marks its cookies Secure even on http://localhost, which browsers accept (localhost counts as a
     * secure context) but Java's CookieManager would never send back over http. Do as browsers do.
     */
    private static final class LoopbackIsSecure extends CookieHandler {

        private final CookieHandler cookies;

        LoopbackIsSecure(CookieHandler cookies) {
            this.cookies = cookies;
        }

        @Override
        public Map<String, List<String>> get(URI uri, Map<String, List<String>> requestHeaders) throws IOException {
            boolean loopback = "http".equals(uri.getScheme())
                    && ("localhost".equals(uri.getHost()) || "127.0.0.1".equals(uri.getHost()));
            return cookies.get(loopback ? URI.create("https" + uri.toString().substring(4)) : uri, requestHeaders);
        }

        @Override
        public void put(URI uri, Map<String, List<String>> responseHeaders) throws IOException {
            cookies.put(uri, responseHeaders);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String unescapeHtml(String text) {
        return text.replace("&amp;", "&").replace("&#61;", "=").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&lt;", "<").replace("&gt;", ">");
    }
}
