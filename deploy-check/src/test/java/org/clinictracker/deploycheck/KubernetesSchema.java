package org.clinictracker.deploycheck;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import tools.jackson.databind.JsonNode;

/**
 * The vendored Kubernetes 1.36 API schema (strict: unknown fields are errors), one definition per kind, found
 * by the {@code x-kubernetes-group-version-kind} each carries.
 */
final class KubernetesSchema {

    static final String FILE = "kubernetes/kubernetes-1.36-strict.json";

    private static final Map<String, String> DEFINITIONS = definitionsByApiVersionAndKind();
    private static final Map<String, SchemaViolations> SCHEMAS = new ConcurrentHashMap<>();

    private KubernetesSchema() {
    }

    /** What the resource breaks of its kind's schema; a kind the vendored schema lacks is a violation too. */
    static List<String> violations(JsonNode resource) {
        String key = resource.path("apiVersion").asString() + " " + resource.path("kind").asString();
        String definition = DEFINITIONS.get(key);
        if (definition == null) {
            return List.of("no schema for " + key + " (schemas/kubernetes/SOURCE.md says how to add a kind)");
        }
        return SCHEMAS.computeIfAbsent(definition, name -> SchemaViolations.of(FILE, name)).of(resource);
    }

    private static Map<String, String> definitionsByApiVersionAndKind() {
        JsonNode definitions = YamlFiles.JSON.readTree(KubernetesSchema.class.getResourceAsStream("/schemas/" + FILE))
                .get("definitions");
        Map<String, String> byKind = new HashMap<>();
        definitions.properties().forEach(definition -> definition.getValue().path("x-kubernetes-group-version-kind")
                .forEach(gvk -> {
                    String group = gvk.path("group").asString("");
                    String apiVersion = group.isEmpty() ? gvk.get("version").asString() : group + "/" + gvk.get("version").asString();
                    byKind.put(apiVersion + " " + gvk.get("kind").asString(), definition.getKey());
                }));
        return byKind;
    }
}
