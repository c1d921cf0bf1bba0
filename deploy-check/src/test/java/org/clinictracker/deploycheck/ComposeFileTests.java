package org.clinictracker.deploycheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * docker-compose.yml cannot rot silently: no Docker engine runs here, so it is checked against the Compose
 * Specification's schema and against what {@code ./clinic up} runs (same services, ports, realm, databases,
 * and only variables the services read).
 */
class ComposeFileTests {

    private static final JsonNode COMPOSE = YamlFiles.one(Checkout.file("docker-compose.yml"));

    @Test
    void the_file_conforms_to_the_compose_specification() {
        assertThat(SchemaViolations.of("compose/compose-spec.json").of(COMPOSE)).isEmpty();
    }

    @Test
    void the_schema_check_catches_a_misspelt_key() {
        JsonNode broken = COMPOSE.deepCopy();
        ((ObjectNode) broken.get("services").get("gateway")).put("depend_on", "keycloak");
        assertThat(SchemaViolations.of("compose/compose-spec.json").of(broken)).anySatisfy(
                violation -> assertThat(violation).contains("depend_on"));
    }

    @Test
    void every_service_of_the_local_runner_runs_on_its_port() {
        LocalRunner.servicePorts().forEach((service, port) -> {
            JsonNode compose = service(service);
            assertThat(strings(compose.get("ports"))).as(service + " ports").containsExactly(port + ":" + port);
            assertThat(environment(service)).as(service + " listens where it is published")
                    .containsEntry("SERVER_PORT", String.valueOf(port));
            assertThat(new ServiceSettings(service).defaultOf("SERVER_PORT")).isEqualTo(String.valueOf(port));
        });
    }

    @Test
    void kafka_and_postgresql_are_published_where_the_services_look_for_them_by_default() {
        String kafkaPort = LocalRunner.kafkaPort();
        assertThat(strings(service("kafka").get("ports"))).containsExactly(kafkaPort + ":" + kafkaPort);
        assertThat(new ServiceSettings("patient-service").defaultOf("KAFKA_BOOTSTRAP_SERVERS")).endsWith(":" + kafkaPort);
        assertThat(environment("kafka").get("KAFKA_ADVERTISED_LISTENERS")).contains("HOST://localhost:" + kafkaPort);
        assertThat(strings(service("postgres").get("ports"))).containsExactly("5432:5432");
        assertThat(new ServiceSettings("patient-service").defaultOf("DB_URL")).startsWith("jdbc:postgresql://127.0.0.1:5432/");
    }

    @Test
    void every_variable_given_to_a_service_is_one_its_application_yml_reads() {
        LocalRunner.servicePorts().keySet().forEach(service -> {
            ServiceSettings settings = new ServiceSettings(service);
            assertThat(environment(service).keySet()).as("variables given to " + service + " that it never reads")
                    .allSatisfy(variable -> assertThat(settings.reads(variable)).as(variable).isTrue());
        });
    }

    @Test
    void the_services_check_the_issuer_browsers_use_and_fetch_keys_inside_the_network() {
        LocalRunner.servicePorts().keySet().forEach(service -> {
            Map<String, String> environment = environment(service);
            assertThat(environment).as(service).containsEntry("KEYCLOAK_ISSUER", LocalRunner.issuer());
            assertThat(environment.get("KEYCLOAK_JWK_SET_URI")).as(service)
                    .isEqualTo("http://keycloak:8180/realms/clinic/protocol/openid-connect/certs");
        });
        assertThat(environment("gateway")).containsEntry("KEYCLOAK_BACKCHANNEL_URL", "http://keycloak:8180/realms/clinic");
        Map<String, String> keycloak = environment("keycloak");
        assertThat(LocalRunner.issuer()).startsWith(keycloak.get("KC_HOSTNAME") + "/realms/");
        assertThat(keycloak).containsEntry("KC_HOSTNAME_BACKCHANNEL_DYNAMIC", "true");
    }

    @Test
    void keycloak_imports_the_realm_file_of_the_local_runner_on_its_port() {
        JsonNode keycloak = service("keycloak");
        assertThat(strings(keycloak.get("volumes")))
                .contains("./" + LocalRunner.realmFile() + ":/opt/keycloak/data/import/clinic-realm.json:ro");
        assertThat(strings(keycloak.get("command"))).contains("--import-realm", "--http-port=8180");
        assertThat(LocalRunner.keycloakUrl()).endsWith(":8180");
        assertThat(strings(keycloak.get("ports"))).containsExactly("8180:8180");
    }

    @Test
    void each_service_uses_its_own_database_which_the_postgres_container_creates_and_the_data_outlives_the_containers() {
        Set<String> created = new TreeSet<>();
        Matcher database = Pattern.compile("CREATE DATABASE (\\w+) OWNER clinic").matcher(Checkout.read("infra/postgres/init.sql"));
        while (database.find()) {
            created.add(database.group(1));
        }
        assertThat(created).containsExactlyInAnyOrderElementsOf(LocalRunner.databases());
        // the services with a database (not the gateway, not the web app)
        LocalRunner.servicePorts().keySet().stream().filter(service -> new ServiceSettings(service).variables().contains("DB_URL"))
                .forEach(service -> {
            String local = new ServiceSettings(service).defaultOf("DB_URL");
            String name = local.substring(local.lastIndexOf('/') + 1);
            assertThat(environment(service)).as(service)
                    .containsEntry("DB_URL", "jdbc:postgresql://postgres:5432/" + name);
            assertThat(created).contains(name);
        });
        assertThat(strings(service("postgres").get("volumes"))).contains("postgres-data:/var/lib/postgresql/data");
        // events Kafka acknowledged are published as far as the outbox knows: they must outlive the container
        assertThat(strings(service("kafka").get("volumes"))).contains("kafka-data:" + environment("kafka").get("KAFKA_LOG_DIRS"));
        assertThat(COMPOSE.get("volumes").propertyNames()).contains("postgres-data", "kafka-data");
    }

    @Test
    void the_gateway_routes_to_the_services_and_the_web_app_by_their_compose_names() {
        Map<String, String> gateway = environment("gateway");
        Map<String, Integer> ports = LocalRunner.servicePorts();
        for (String service : List.of("patient-service", "procedure-service", "followup-service")) {
            String variable = service.substring(0, service.indexOf('-')).toUpperCase() + "_SERVICE_URL";
            assertThat(gateway).containsEntry(variable, "http://" + service + ":" + ports.get(service));
        }
        assertThat(gateway).containsEntry("WEB_APP_URL", "http://web:" + ports.get("web"));
        assertThat(new ServiceSettings("gateway").variables()).contains("WEB_APP_URL");
    }

    @Test
    void patient_service_fetches_the_fhir_records_other_parts_by_the_services_compose_names() {
        Map<String, String> patients = environment("patient-service");
        Map<String, Integer> ports = LocalRunner.servicePorts();
        for (String service : List.of("procedure-service", "followup-service")) {
            String variable = service.substring(0, service.indexOf('-')).toUpperCase() + "_SERVICE_URL";
            assertThat(patients).containsEntry(variable, "http://" + service + ":" + ports.get(service));
        }
        assertThat(patients).containsEntry("CLINIC_FHIR_BASE_URL", "http://localhost:" + ports.get("gateway") + "/api/fhir");
    }

    @Test
    void the_web_app_calls_the_api_through_the_gateway_by_its_compose_name() {
        assertThat(environment("web")).containsEntry("CLINIC_API_URL", "http://gateway:" + LocalRunner.servicePorts().get("gateway"))
                .doesNotContainKeys("DB_URL", "KAFKA_BOOTSTRAP_SERVERS");
        assertThat(new ServiceSettings("web").variables()).contains("CLINIC_API_URL");
    }

    @Test
    void patient_links_name_the_answer_page_on_the_gateway_and_the_page_reaches_followup_service_by_its_compose_name() {
        Map<String, Integer> ports = LocalRunner.servicePorts();
        assertThat(environment("followup-service"))
                .containsEntry("PATIENT_ANSWER_PAGE_URL", "http://localhost:" + ports.get("gateway") + "/answer");
        assertThat(environment("web"))
                .containsEntry("FOLLOWUP_SERVICE_URL", "http://followup-service:" + ports.get("followup-service"));
        assertThat(new ServiceSettings("followup-service").variables()).contains("PATIENT_ANSWER_PAGE_URL");
        assertThat(new ServiceSettings("web").variables()).contains("FOLLOWUP_SERVICE_URL");
        // the same as ./clinic up gives them
        String script = Checkout.read("clinic");
        assertThat(script).contains("PATIENT_ANSWER_PAGE_URL=\"http://localhost:${PORTS[gateway]}/answer\"")
                .contains("FOLLOWUP_SERVICE_URL=\"http://localhost:${PORTS[followup-service]}\"");
    }

    @Test
    void the_smtp_settings_come_from_the_shell_and_none_is_written_in_the_file() {
        JsonNode followups = service("followup-service").get("environment");
        for (String variable : ServiceSettings.MAIL_SETTINGS) {
            assertThat(followups.has(variable)).as(variable + " passed on to followup-service").isTrue();
            assertThat(followups.get(variable).isNull())
                    .as(variable + " without a value: from the shell when set there, else not set at all").isTrue();
        }
        COMPOSE.get("services").properties().forEach(entry -> {
            if (!entry.getKey().equals("followup-service")) {
                assertThat(environment(entry.getKey()).keySet()).as(entry.getKey())
                        .doesNotContainAnyElementsOf(ServiceSettings.MAIL_SETTINGS);
            }
        });
    }

    @Test
    void everything_waits_for_what_it_needs_to_be_healthy_and_every_part_has_a_health_check() {
        COMPOSE.get("services").properties().forEach(entry -> {
            assertThat(entry.getValue().has("healthcheck")).as(entry.getKey() + " has a health check").isTrue();
            JsonNode dependsOn = entry.getValue().get("depends_on");
            if (dependsOn != null) {
                dependsOn.properties().forEach(dependency -> assertThat(dependency.getValue().get("condition").asString())
                        .as(entry.getKey() + " waits for " + dependency.getKey()).isEqualTo("service_healthy"));
            }
        });
        LocalRunner.servicePorts().keySet().forEach(service -> {
            String probe = String.join(" ", strings(service(service).get("healthcheck").get("test")));
            assertThat(probe).as(service).contains("/actuator/health/readiness");
            assertThat(service(service).at("/deploy/resources/limits/memory").asString()).as(service).isNotEmpty();
            assertThat(environment(service)).as(service).containsKey(ServiceSettings.JVM_OPTIONS);
        });
    }

    @Test
    void every_file_it_builds_from_or_mounts_exists() {
        List<String> missing = new ArrayList<>();
        COMPOSE.get("services").properties().forEach(entry -> {
            JsonNode build = entry.getValue().get("build");
            if (build != null) {
                String dockerfile = build.get("dockerfile").asString();
                if (!Files.isRegularFile(Checkout.file(dockerfile))) {
                    missing.add(dockerfile);
                }
                String module = build.at("/args/MODULE").asString();
                if (!Files.isRegularFile(Checkout.file(module + "/pom.xml"))) {
                    missing.add(module + "/pom.xml");
                }
            }
            strings(entry.getValue().get("volumes")).stream().filter(volume -> volume.startsWith("./"))
                    .map(volume -> volume.substring(2, volume.indexOf(':')))
                    .filter(path -> !Files.exists(Checkout.file(path))).forEach(missing::add);
        });
        assertThat(missing).isEmpty();
    }

    private static JsonNode service(String name) {
        JsonNode service = COMPOSE.get("services").get(name);
        assertThat(service).as("service " + name + " in docker-compose.yml").isNotNull();
        return service;
    }

    private static Map<String, String> environment(String service) {
        Map<String, String> environment = new TreeMap<>();
        service(service).get("environment").properties()
                .forEach(entry -> environment.put(entry.getKey(), entry.getValue().asString()));
        return environment;
    }

    private static List<String> strings(JsonNode array) {
        List<String> strings = new ArrayList<>();
        if (array != null) {
            array.forEach(item -> strings.add(item.asString()));
        }
        return strings;
    }
}
