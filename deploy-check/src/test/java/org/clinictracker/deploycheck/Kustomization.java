package org.clinictracker.deploycheck;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Expands a kustomization as {@code kubectl kustomize} does, for the few features deploy/k8s uses:
 * {@code resources} (files and other kustomizations), {@code namespace}, {@code images} and {@code patches}
 * (strategic-merge patches found by kind and name). Any other field makes it fail rather than be ignored, so
 * what is checked is what a cluster would get. Strategic merge as Kubernetes does it for these manifests:
 * maps merge key by key; lists whose items are named (containers, env, ports, volumes) merge by name; other
 * lists are replaced.
 */
final class Kustomization {

    private static final Set<String> SUPPORTED = Set.of("apiVersion", "kind", "resources", "namespace", "images", "patches");

    private Kustomization() {
    }

    /** The resources the kustomization in {@code directory} (relative to the checkout) produces. */
    static List<ObjectNode> build(String directory) {
        return build(Checkout.file(directory));
    }

    static List<ObjectNode> build(Path directory) {
        JsonNode kustomization = YamlFiles.one(directory.resolve("kustomization.yaml"));
        kustomization.propertyNames().forEach(field -> {
            if (!SUPPORTED.contains(field)) {
                throw new IllegalStateException(directory + ": kustomization field '" + field
                        + "' is not supported by this check; extend Kustomization or keep the manifests simpler");
            }
        });
        List<ObjectNode> resources = new ArrayList<>();
        for (JsonNode entry : kustomization.path("resources")) {
            Path resource = directory.resolve(entry.asString()).normalize();
            if (Files.isDirectory(resource)) {
                resources.addAll(build(resource));
            } else {
                YamlFiles.all(resource).forEach(document -> resources.add((ObjectNode) document));
            }
        }
        for (JsonNode patch : kustomization.path("patches")) {
            if (patch.size() != 1 || !patch.has("path")) {
                throw new IllegalStateException(directory + ": only patches given by 'path' are supported: " + patch);
            }
            YamlFiles.all(directory.resolve(patch.get("path").asString()))
                    .forEach(document -> merge(target(resources, document, directory), document));
        }
        kustomization.path("images").forEach(image -> resources.forEach(resource -> setImage(resource, image)));
        if (kustomization.has("namespace")) {
            resources.forEach(resource -> ((ObjectNode) resource.get("metadata"))
                    .put("namespace", kustomization.get("namespace").asString()));
        }
        requireUnique(resources, directory);
        return resources;
    }

    static String kindAndName(JsonNode resource) {
        return resource.path("kind").asString() + "/" + resource.path("metadata").path("name").asString();
    }

    private static ObjectNode target(List<ObjectNode> resources, JsonNode patch, Path directory) {
        return resources.stream().filter(resource -> kindAndName(resource).equals(kindAndName(patch))).findFirst()
                .orElseThrow(() -> new IllegalStateException(directory + ": the patch for " + kindAndName(patch)
                        + " matches no resource"));
    }

    /** Strategic merge of {@code patch} into {@code target}, in place. */
    static void merge(ObjectNode target, JsonNode patch) {
        patch.properties().forEach(field -> {
            JsonNode current = target.get(field.getKey());
            JsonNode change = field.getValue();
            if (current instanceof ObjectNode object && change.isObject()) {
                merge(object, change);
            } else if (current instanceof ArrayNode list && change.isArray() && named(list) && named(change)) {
                mergeByName(list, change);
            } else {
                target.set(field.getKey(), change.deepCopy());
            }
        });
    }

    private static void mergeByName(ArrayNode list, JsonNode changes) {
        for (JsonNode change : changes) {
            ObjectNode same = null;
            for (JsonNode item : list) {
                if (item.get("name").equals(change.get("name"))) {
                    same = (ObjectNode) item;
                }
            }
            if (same != null) {
                merge(same, change);
            } else {
                list.add(change.deepCopy());
            }
        }
    }

    private static boolean named(JsonNode list) {
        if (list.isEmpty()) {
            return false;
        }
        for (JsonNode item : list) {
            if (!item.isObject() || !item.has("name")) {
                return false;
            }
        }
        return true;
    }

    /** {@code images: [{name, newName, newTag}]}: every container whose image is {@code name}[:tag]. */
    private static void setImage(ObjectNode resource, JsonNode image) {
        for (String containers : List.of("containers", "initContainers")) {
            for (JsonNode container : resource.path("spec").path("template").path("spec").path(containers)) {
                String current = container.get("image").asString();
                int tagAt = current.lastIndexOf(':') > current.lastIndexOf('/') ? current.lastIndexOf(':') : -1;
                String name = tagAt < 0 ? current : current.substring(0, tagAt);
                String tag = tagAt < 0 ? null : current.substring(tagAt + 1);
                if (name.equals(image.get("name").asString())) {
                    String newName = image.path("newName").asString(name);
                    String newTag = image.has("newTag") ? image.get("newTag").asString() : tag;
                    ((ObjectNode) container).put("image", newTag == null ? newName : newName + ":" + newTag);
                }
            }
        }
    }

    private static void requireUnique(List<ObjectNode> resources, Path directory) {
        Set<String> seen = new HashSet<>();
        for (ObjectNode resource : resources) {
            if (!seen.add(kindAndName(resource))) {
                throw new IllegalStateException(directory + ": " + kindAndName(resource) + " is defined twice");
            }
        }
    }
}
