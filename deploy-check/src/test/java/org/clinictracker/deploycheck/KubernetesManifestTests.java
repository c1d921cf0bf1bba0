package org.clinictracker.deploycheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Kubernetes manifests (deploy/k8s) checked offline: each overlay expanded as kustomize would, every
 * resource against the Kubernetes 1.36 API schema (strict), and against what the services need and what
 * several replicas of them need.
 */
class KubernetesManifestTests {

    private static final String BASE = "deploy/k8s/base";
    private static final String CLINIC = "deploy/k8s/overlays/clinic";
    private static final String DEV = "deploy/k8s/overlays/dev";

    @ParameterizedTest
    @ValueSource(strings = { BASE, CLINIC, DEV })
    void every_resource_conforms_to_the_kubernetes_api(String kustomization) {
        Map<String, List<String>> violations = new TreeMap<>();
        Kustomization.build(kustomization).forEach(resource -> {
            List<String> found = KubernetesSchema.violations(resource);
            if (!found.isEmpty()) {
                violations.put(Kustomization.kindAndName(resource), found);
            }
        });
        assertThat(violations).isEmpty();
    }

    @Test
    void the_schema_check_catches_a_misspelt_probe_and_a_wrong_type() {
        ObjectNode deployment = deployment(Kustomization.build(BASE), "patient-service").deepCopy();
        ObjectNode container = (ObjectNode) deployment.at("/spec/template/spec/containers/0");
        container.set("readinesProbe", container.get("readinessProbe"));
        ((ObjectNode) deployment.get("spec")).put("replicas", "two");
        assertThat(KubernetesSchema.violations(deployment))
                .anySatisfy(violation -> assertThat(violation).contains("readinesProbe"))
                .anySatisfy(violation -> assertThat(violation).contains("replicas"));
    }

    @Test
    void the_expansion_refuses_what_it_does_not_understand_rather_than_ignore_it() {
        assertThatThrownBy(() -> Kustomization.build("deploy-check/src/test/resources/kustomize/unsupported-field"))
                .hasMessageContaining("configMapGenerator");
    }

    @Test
    void the_clinic_overlay_sets_its_images_namespace_and_addresses_over_the_base() {
        List<ObjectNode> clinic = Kustomization.build(CLINIC);
        assertThat(clinic).allSatisfy(resource -> assertThat(resource.at("/metadata/namespace").asString())
                .isEqualTo("clinic-tracker"));
        assertThat(container(deployment(clinic, "gateway")).get("image").asString())
                .isEqualTo("registry.clinic.example/clinic-tracker/gateway:0.1.0");
        JsonNode keycloak = named(clinic, "ConfigMap", "clinic-keycloak").get("data");
        assertThat(keycloak.get("KEYCLOAK_ISSUER").asString()).isEqualTo("https://login.northside-pain.example/realms/clinic");
        // a patch changes what it names and leaves the rest of the base alone
        assertThat(named(clinic, "ConfigMap", "gateway").get("data").get("CLINIC_WRITE_BURST").asString()).isEqualTo("15");
        assertThat(deployment(clinic, "gateway").at("/spec/replicas").asInt()).isEqualTo(2);
    }

    @ParameterizedTest
    @ValueSource(strings = { BASE, CLINIC, DEV })
    void each_service_runs_several_replicas_on_its_port_with_probes_limits_a_service_and_a_disruption_budget(
            String kustomization) {
        List<ObjectNode> resources = Kustomization.build(kustomization);
        LocalRunner.servicePorts().forEach((service, port) -> {
            JsonNode deployment = deployment(resources, service);
            int replicas = deployment.at("/spec/replicas").asInt();
            assertThat(replicas).as(service + " replicas").isBetween(2, 5);
            JsonNode podLabels = deployment.at("/spec/template/metadata/labels");
            assertThat(selects(deployment.at("/spec/selector/matchLabels"), podLabels)).as(service).isTrue();

            JsonNode container = container(deployment);
            assertThat(container.at("/ports/0/containerPort").asInt()).as(service).isEqualTo(port);
            assertThat(env(container)).as(service).containsEntry("SERVER_PORT", String.valueOf(port));
            assertThat(container.at("/readinessProbe/httpGet/path").asString()).isEqualTo("/actuator/health/readiness");
            assertThat(container.at("/livenessProbe/httpGet/path").asString()).isEqualTo("/actuator/health/liveness");
            assertThat(container.at("/startupProbe/httpGet/path").asString()).isEqualTo("/actuator/health/liveness");
            for (String probe : List.of("readinessProbe", "livenessProbe", "startupProbe")) {
                assertThat(container.at("/" + probe + "/httpGet/port").asString()).as(service + " " + probe)
                        .isEqualTo(container.at("/ports/0/name").asString());
            }
            for (String resource : List.of("/resources/requests/cpu", "/resources/requests/memory",
                    "/resources/limits/cpu", "/resources/limits/memory")) {
                assertThat(container.at(resource).isMissingNode()).as(service + resource).isFalse();
            }

            JsonNode serviceResource = named(resources, "Service", service);
            assertThat(selects(serviceResource.at("/spec/selector"), podLabels)).as(service + " Service").isTrue();
            assertThat(serviceResource.at("/spec/ports/0/port").asInt()).isEqualTo(port);
            assertThat(serviceResource.at("/spec/ports/0/targetPort").asString()).isEqualTo("http");

            JsonNode budget = named(resources, "PodDisruptionBudget", service);
            assertThat(selects(budget.at("/spec/selector/matchLabels"), podLabels)).as(service + " budget").isTrue();
            assertThat(budget.at("/spec/maxUnavailable").asInt()).as(service).isBetween(1, replicas - 1);
        });
    }

    @ParameterizedTest
    @ValueSource(strings = { BASE, CLINIC, DEV })
    void every_variable_a_pod_gets_is_one_its_service_reads_and_every_reference_resolves(String kustomization) {
        List<ObjectNode> resources = Kustomization.build(kustomization);
        LocalRunner.servicePorts().keySet().forEach(service -> {
            ServiceSettings settings = new ServiceSettings(service);
            JsonNode container = container(deployment(resources, service));
            Set<String> variables = new HashSet<>(env(container).keySet());
            container.path("envFrom").forEach(source -> {
                String configMap = source.at("/configMapRef/name").asString();
                assertThat(configMap).as(service + " envFrom is a ConfigMap").isNotEmpty();
                variables.addAll(named(resources, "ConfigMap", configMap).get("data").propertyNames());
            });
            assertThat(variables).as("variables given to " + service + " that it never reads")
                    .allSatisfy(variable -> assertThat(settings.reads(variable)).as(variable).isTrue());
            assertThat(variables).as(service).contains("KEYCLOAK_ISSUER", "KEYCLOAK_JWK_SET_URI");
            if (settings.variables().contains("DB_URL")) {
                assertThat(variables).as(service).contains("DB_URL", "DB_USER", "DB_PASSWORD", "KAFKA_BOOTSTRAP_SERVERS");
            }
        });
    }

    @ParameterizedTest
    @ValueSource(strings = { BASE, CLINIC, DEV })
    void the_gateway_routes_pages_to_the_web_app_which_calls_the_api_through_the_gateway(String kustomization) {
        List<ObjectNode> resources = Kustomization.build(kustomization);
        JsonNode webService = named(resources, "Service", "web");
        JsonNode gatewayService = named(resources, "Service", "gateway");
        assertThat(named(resources, "ConfigMap", "gateway").at("/data/WEB_APP_URL").asString())
                .isEqualTo("http://web:" + webService.at("/spec/ports/0/port").asInt());
        assertThat(named(resources, "ConfigMap", "web").at("/data/CLINIC_API_URL").asString())
                .isEqualTo("http://gateway:" + gatewayService.at("/spec/ports/0/port").asInt());
        // no database, no broker: the web app reads and writes through the API only
        assertThat(env(container(deployment(resources, "web")))).doesNotContainKeys("DB_URL", "DB_PASSWORD");
    }

    @ParameterizedTest
    @ValueSource(strings = { BASE, CLINIC, DEV })
    void patient_service_assembles_the_fhir_record_from_the_services_and_names_it_under_the_clinics_host(String kustomization) {
        List<ObjectNode> resources = Kustomization.build(kustomization);
        Map<String, String> env = env(container(deployment(resources, "patient-service")));
        for (String service : List.of("procedure-service", "followup-service")) {
            String variable = service.substring(0, service.indexOf('-')).toUpperCase() + "_SERVICE_URL";
            assertThat(env).containsEntry(variable,
                    "http://" + service + ":" + named(resources, "Service", service).at("/spec/ports/0/port").asInt());
        }
        String host = named(resources, "Ingress", "clinic-tracker").at("/spec/rules/0/host").asString();
        assertThat(named(resources, "ConfigMap", "clinic-fhir").at("/data/CLINIC_FHIR_BASE_URL").asString())
                .matches("https?://" + java.util.regex.Pattern.quote(host) + "/api/fhir");
    }

    @Test
    void the_pods_run_as_a_user_kubernetes_can_verify_is_not_root() {
        String user = Checkout.read("infra/Dockerfile.service").lines().filter(line -> line.startsWith("USER "))
                .reduce((first, last) -> last).orElseThrow().substring("USER ".length()).strip();
        assertThat(user).as("the image's USER (runAsNonRoot refuses to start a named user)").matches("[1-9][0-9]*");
        Kustomization.build(BASE).stream().filter(resource -> resource.get("kind").asString().equals("Deployment"))
                .forEach(deployment -> {
                    assertThat(deployment.at("/spec/template/spec/securityContext/runAsNonRoot").asBoolean()).isTrue();
                    assertThat(container(deployment).at("/securityContext/readOnlyRootFilesystem").asBoolean()).isTrue();
                    assertThat(container(deployment).at("/volumeMounts/0/mountPath").asString()).isEqualTo("/tmp");
                });
    }

    @ParameterizedTest
    @ValueSource(strings = { BASE, CLINIC })
    void secrets_come_from_the_cluster_and_are_never_written_in_the_manifests(String kustomization) {
        List<ObjectNode> resources = Kustomization.build(kustomization);
        assertThat(resources).noneMatch(resource -> resource.get("kind").asString().equals("Secret"));
        Set<String> referenced = secretsReferenced(resources);
        assertThat(referenced).containsExactlyInAnyOrder("clinic-db-app", "clinic-web-client", "clinic-tls", "clinic-smtp");
        assertThat(optionalSecretsReferenced(resources)).as("secrets a pod starts without").containsExactly("clinic-smtp");
        String docs = Checkout.read("docs/deploy.md");
        assertThat(referenced).as("every Secret the cluster must hold is named in docs/deploy.md")
                .allSatisfy(secret -> assertThat(docs).contains("`" + secret + "`"));
        resources.stream().filter(resource -> resource.get("kind").asString().equals("Deployment")).forEach(deployment -> {
            container(deployment).path("env").forEach(variable -> {
                String name = variable.get("name").asString();
                if (name.contains("PASSWORD") || name.contains("SECRET")) {
                    assertThat(variable.has("value")).as(name + " of " + Kustomization.kindAndName(deployment)
                            + " is written in the manifest").isFalse();
                }
            });
        });
        resources.stream().filter(resource -> resource.get("kind").asString().equals("ConfigMap"))
                .forEach(configMap -> assertThat(configMap.get("data").propertyNames())
                        .noneMatch(key -> key.contains("PASSWORD") || key.contains("SECRET")));
    }

    @Test
    void the_dev_overlay_brings_every_secret_it_needs_and_marks_them_dev_only() {
        List<ObjectNode> dev = Kustomization.build(DEV);
        Set<String> secrets = new HashSet<>();
        dev.stream().filter(resource -> resource.get("kind").asString().equals("Secret")).forEach(secret -> {
            assertThat(secret.at("/metadata/labels/clinic-tracker~1dev-only").asString()).isEqualTo("true");
            secrets.add(secret.at("/metadata/name").asString());
        });
        Set<String> needed = secretsReferenced(dev);
        needed.remove("clinic-tls"); // the dev overlay serves plain http
        needed.removeAll(optionalSecretsReferenced(dev)); // no SMTP server in a dev cluster
        assertThat(secrets).containsExactlyInAnyOrderElementsOf(needed);
        assertThat(Checkout.read(DEV + "/kustomization.yaml")).startsWith("# DEV ONLY");
        assertThat(dev).allSatisfy(resource -> assertThat(resource.at("/metadata/namespace").asString()).isEqualTo("clinic-dev"));
    }

    @ParameterizedTest
    @ValueSource(strings = { BASE, CLINIC, DEV })
    void the_ingress_leads_to_the_gateway_and_keeps_each_browser_on_the_replica_holding_its_session(String kustomization) {
        List<ObjectNode> resources = Kustomization.build(kustomization);
        JsonNode ingress = named(resources, "Ingress", "clinic-tracker");
        ingress.at("/spec/rules").forEach(rule -> rule.at("/http/paths").forEach(path -> {
            assertThat(path.at("/backend/service/name").asString()).isEqualTo("gateway");
            assertThat(path.at("/backend/service/port/name").asString())
                    .isEqualTo(named(resources, "Service", "gateway").at("/spec/ports/0/name").asString());
        }));
        assertThat(ingress.at("/spec/rules")).isNotEmpty();
        assertThat(ingress.at("/metadata/annotations/nginx.ingress.kubernetes.io~1affinity").asString()).isEqualTo("cookie");
        // its log would hold query strings: searched names, and the tokens of patients' answer links
        assertThat(ingress.at("/metadata/annotations/nginx.ingress.kubernetes.io~1enable-access-log").asString())
                .isEqualTo("false");
        assertThat(resources).filteredOn(resource -> resource.get("kind").asString().equals("Ingress")).hasSize(1);
        // the gateway builds its sign-in redirect from the Ingress's X-Forwarded-* headers
        assertThat(named(resources, "ConfigMap", "gateway").at("/data/CLINIC_FORWARD_HEADERS").asString()).isEqualTo("native");
    }

    @ParameterizedTest
    @ValueSource(strings = { BASE, CLINIC, DEV })
    void the_gateway_replicas_together_allow_the_clinics_write_and_public_limits_not_a_multiple_of_them(String kustomization) {
        List<ObjectNode> resources = Kustomization.build(kustomization);
        int replicas = deployment(resources, "gateway").at("/spec/replicas").asInt();
        JsonNode config = named(resources, "ConfigMap", "gateway").get("data");
        ServiceSettings gateway = new ServiceSettings("gateway");
        int clinicBurst = Integer.parseInt(gateway.defaultOf("CLINIC_WRITE_BURST"));
        int clinicRate = Integer.parseInt(gateway.defaultOf("CLINIC_WRITE_RATE"));
        assertThat(Integer.parseInt(config.get("CLINIC_WRITE_BURST").asString()) * replicas).isEqualTo(clinicBurst);
        assertThat(Integer.parseInt(config.get("CLINIC_WRITE_RATE").asString()) * replicas).isEqualTo(clinicRate);
        // the per-address limit of the patients' public answer page and API, likewise
        int publicBurst = Integer.parseInt(gateway.defaultOf("CLINIC_PUBLIC_BURST"));
        int publicRate = Integer.parseInt(gateway.defaultOf("CLINIC_PUBLIC_RATE_PER_MINUTE"));
        assertThat(Integer.parseInt(config.get("CLINIC_PUBLIC_BURST").asString()) * replicas).isEqualTo(publicBurst);
        assertThat(Integer.parseInt(config.get("CLINIC_PUBLIC_RATE_PER_MINUTE").asString()) * replicas).isEqualTo(publicRate);
    }

    @ParameterizedTest
    @ValueSource(strings = { BASE, CLINIC, DEV })
    void patient_links_name_the_answer_page_under_the_clinics_host_and_the_page_reaches_followup_service(String kustomization) {
        List<ObjectNode> resources = Kustomization.build(kustomization);
        String host = named(resources, "Ingress", "clinic-tracker").at("/spec/rules/0/host").asString();
        JsonNode links = named(resources, "ConfigMap", "clinic-patient-links").get("data");
        assertThat(links.get("PATIENT_ANSWER_PAGE_URL").asString())
                .matches("https?://" + java.util.regex.Pattern.quote(host) + "/answer");
        List<String> configMaps = new ArrayList<>();
        container(deployment(resources, "followup-service")).path("envFrom")
                .forEach(source -> configMaps.add(source.at("/configMapRef/name").asString()));
        assertThat(configMaps).contains("clinic-patient-links");
        assertThat(named(resources, "ConfigMap", "web").at("/data/FOLLOWUP_SERVICE_URL").asString()).isEqualTo(
                "http://followup-service:" + named(resources, "Service", "followup-service").at("/spec/ports/0/port").asInt());
        if (links.has("SPRING_MAIL_HOST")) {
            assertThat(links.get("SPRING_MAIL_HOST").asString()).isNotBlank();
            assertThat(links.get("SPRING_MAIL_PORT").asString()).matches("[1-9][0-9]*");
        }
    }

    @Test
    void the_clinic_overlay_e_mails_the_links_through_its_smtp_server_and_the_dev_cluster_does_not() {
        assertThat(named(Kustomization.build(CLINIC), "ConfigMap", "clinic-patient-links").get("data").has("SPRING_MAIL_HOST"))
                .isTrue();
        assertThat(named(Kustomization.build(DEV), "ConfigMap", "clinic-patient-links").get("data").has("SPRING_MAIL_HOST"))
                .isFalse();
    }

    private static Set<String> optionalSecretsReferenced(List<ObjectNode> resources) {
        Set<String> names = new HashSet<>();
        resources.forEach(resource -> container(resource).path("env").forEach(variable -> {
            if (variable.at("/valueFrom/secretKeyRef/optional").asBoolean(false)) {
                names.add(variable.at("/valueFrom/secretKeyRef/name").asString());
            }
        }));
        return names;
    }

    private static Set<String> secretsReferenced(List<ObjectNode> resources) {
        Set<String> names = new HashSet<>();
        resources.forEach(resource -> {
            container(resource).path("env").forEach(variable -> {
                String secret = variable.at("/valueFrom/secretKeyRef/name").asString("");
                if (!secret.isEmpty()) {
                    names.add(secret);
                }
            });
            resource.at("/spec/tls").forEach(tls -> names.add(tls.get("secretName").asString()));
        });
        return names;
    }

    private static boolean selects(JsonNode selector, JsonNode labels) {
        if (selector.isMissingNode() || selector.isEmpty()) {
            return false;
        }
        List<Boolean> matches = new ArrayList<>();
        selector.properties().forEach(label -> matches.add(label.getValue().equals(labels.get(label.getKey()))));
        return !matches.contains(false);
    }

    private static ObjectNode deployment(List<ObjectNode> resources, String name) {
        return named(resources, "Deployment", name);
    }

    private static ObjectNode named(List<ObjectNode> resources, String kind, String name) {
        return resources.stream().filter(resource -> Kustomization.kindAndName(resource).equals(kind + "/" + name))
                .findFirst().orElseThrow(() -> new AssertionError("no " + kind + " " + name));
    }

    /** The one container of a Deployment (a missing node for other kinds). */
    private static JsonNode container(JsonNode resource) {
        return resource.at("/spec/template/spec/containers/0");
    }

    private static Map<String, String> env(JsonNode container) {
        Map<String, String> env = new TreeMap<>();
        container.path("env").forEach(variable -> env.put(variable.get("name").asString(),
                variable.has("value") ? variable.get("value").asString() : "(from " + variable.get("valueFrom") + ")"));
        return env;
    }
}
