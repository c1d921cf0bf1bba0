package org.clinictracker.deploycheck;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What {@code ./clinic up} runs, read from the script itself (not restated here, so that a change there is
 * a change the deployment descriptions must follow): the services with their ports, the Keycloak issuer,
 * the realm file and the databases.
 */
final class LocalRunner {

    private LocalRunner() {
    }

    /** Service name to port, in the order ./clinic starts them. */
    static Map<String, Integer> servicePorts() {
        String script = Checkout.read("clinic");
        List<String> services = Arrays.asList(single(script, "(?m)^SERVICES=\\(([^)]*)\\)").trim().split("\\s+"));
        Map<String, Integer> ports = new LinkedHashMap<>();
        Matcher port = Pattern.compile("\\[([a-z-]+)]=(\\d+)").matcher(single(script, "(?m)^declare -A PORTS=\\((.*)\\)"));
        Map<String, Integer> declared = new LinkedHashMap<>();
        while (port.find()) {
            declared.put(port.group(1), Integer.valueOf(port.group(2)));
        }
        services.forEach(service -> ports.put(service, declared.get(service)));
        return ports;
    }

    /** The token issuer every service and the gateway are given (where browsers and clients meet Keycloak). */
    static String issuer() {
        String script = Checkout.read("clinic");
        return single(script, "(?m)^ISSUER=\"\\$KEYCLOAK_URL(/[^\"]*)\"").transform(path -> keycloakUrl() + path);
    }

    static String keycloakUrl() {
        return single(Checkout.read("clinic"), "(?m)^KEYCLOAK_URL=(\\S+)");
    }

    /** The realm export scripts/local-keycloak.sh imports, relative to the checkout. */
    static String realmFile() {
        return single(Checkout.read("scripts/local-keycloak.sh"), "(?m)^REALM_JSON=\"\\$ROOT/([^\"]+)\"");
    }

    /** Where scripts/local-kafka.sh's broker listens for clients by default. */
    static String kafkaPort() {
        return single(Checkout.read("scripts/local-kafka.sh"), "PORT=\\$\\{KAFKA_PORT:-(\\d+)}");
    }

    /** The databases scripts/local-postgres.sh creates for the running system (not the tests' own). */
    static List<String> databases() {
        String defaults = single(Checkout.read("scripts/local-postgres.sh"), "(?m)^DATABASES=\\$\\{CLINIC_DATABASES:-\"([^\"]*)\"}");
        return Arrays.stream(defaults.split("\\s+")).filter(name -> !name.endsWith("_test")).toList();
    }

    private static String single(String text, String regex) {
        Matcher matcher = Pattern.compile(regex).matcher(text);
        if (!matcher.find()) {
            throw new IllegalStateException("Pattern " + regex + " not found; did the script change its layout?");
        }
        return matcher.group(1);
    }
}
