package org.clinictracker.deploycheck;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads YAML as Docker Compose and kubectl do (YAML 1.1: anchors, aliases and {@code <<} merge keys resolved)
 * into the JSON trees the schema validator checks.
 */
final class YamlFiles {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private YamlFiles() {
    }

    static JsonNode one(Path file) {
        return JSON.valueToTree(yaml().load(Checkout.read(file)));
    }

    /** Every non-empty document of a file that holds several ({@code ---}-separated). */
    static List<JsonNode> all(Path file) {
        List<JsonNode> documents = new ArrayList<>();
        for (Object document : yaml().loadAll(Checkout.read(file))) {
            if (Objects.nonNull(document)) {
                documents.add(JSON.valueToTree(document));
            }
        }
        return documents;
    }

    private static Yaml yaml() {
        return new Yaml(new SafeConstructor(new LoaderOptions()));
    }
}
