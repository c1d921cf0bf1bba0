package org.clinictracker.testsupport.keycloak;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The clinic's real Keycloak (realm {@code clinic} from {@code keycloak/clinic-realm.json}) for tests.
 * If the realm already answers (a developer's {@code ./clinic up}) it is used as is and left running;
 * otherwise the project's own {@code scripts/local-keycloak.sh} starts it (from the Maven artifact cached in
 * {@code ~/.m2}) and this JVM stops it by its PID when it exits, so a test run leaves nothing behind.
 * Override the address with {@code KEYCLOAK_URL} (default {@code http://localhost:8180}).
 */
public final class LocalKeycloak {

    public static final String REALM = "clinic";

    private static final String BASE_URL = env("KEYCLOAK_URL", "http://localhost:8180");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static boolean ready;

    private LocalKeycloak() {
    }

    /** The realm's issuer, as Keycloak writes it into {@code iss} (its host name is pinned by the script). */
    public static String issuer() {
        return BASE_URL + "/realms/" + REALM;
    }

    public static String baseUrl() {
        return BASE_URL;
    }

    public static String jwkSetUri() {
        return issuer() + "/protocol/openid-connect/certs";
    }

    public static String tokenUri() {
        return issuer() + "/protocol/openid-connect/token";
    }

    /** Starts Keycloak if the realm does not answer yet; returns once it does. */
    public static synchronized void ensureRunning() {
        if (ready) {
            return;
        }
        if (!answers()) {
            Path script = findScript();
            run(script, "start");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> run(script, "stop"), "stop-keycloak"));
            if (!answers()) {
                throw new IllegalStateException("Keycloak realm '" + REALM + "' still does not answer at " + issuer()
                        + " after " + script + " ran");
            }
        }
        ready = true;
    }

    private static boolean answers() {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(issuer() + "/.well-known/openid-configuration"))
                    .timeout(Duration.ofSeconds(3)).build();
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void run(Path script, String command) {
        try {
            Process process = new ProcessBuilder("bash", script.toString(), command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new IllegalStateException(script + " " + command + " failed:\n" + output);
            }
            System.out.println(output);
        } catch (IOException e) {
            throw new IllegalStateException("Could not run " + script, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while running " + script + " " + command, e);
        }
    }

    /** Tests run in a module folder; the script lives in the repository's {@code scripts/}. */
    private static Path findScript() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("scripts/local-keycloak.sh");
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("scripts/local-keycloak.sh not found above " + Path.of("").toAbsolutePath());
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value.replaceAll("/+$", "");
    }
}
