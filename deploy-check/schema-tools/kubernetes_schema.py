#!/usr/bin/env python3
"""Builds deploy-check's vendored Kubernetes schema from Kubernetes' own OpenAPI v2 document.

    python3 deploy-check/schema-tools/kubernetes_schema.py swagger.json > \
        deploy-check/src/test/resources/schemas/kubernetes/kubernetes-1.36-strict.json

Keeps only the kinds the manifests under deploy/k8s use and every definition they reference, and makes them
strict the way yannh/kubernetes-json-schema's "-strict" schemas (and kubeconform) are: an object with listed
properties accepts no other property, so a misspelt or misplaced key is an error, not silently dropped by the
cluster. As there: int-or-string and quantities accept both forms; descriptions are dropped to keep it small.
"""
import json
import sys

KINDS = [  # (group, version, kind) as in x-kubernetes-group-version-kind
    ("apps", "v1", "Deployment"),
    ("", "v1", "Service"),
    ("", "v1", "ConfigMap"),
    ("", "v1", "Secret"),
    ("", "v1", "Namespace"),
    ("networking.k8s.io", "v1", "Ingress"),
    ("policy", "v1", "PodDisruptionBudget"),
]
BOTH_FORMS = {
    "io.k8s.apimachinery.pkg.util.intstr.IntOrString": [{"type": "string"}, {"type": "integer"}],
    "io.k8s.apimachinery.pkg.api.resource.Quantity": [{"type": "string"}, {"type": "number"}],
}


def refs(node, found):
    if isinstance(node, dict):
        ref = node.get("$ref")
        if isinstance(ref, str) and ref.startswith("#/definitions/"):
            found.add(ref[len("#/definitions/"):])
        for value in node.values():
            refs(value, found)
    elif isinstance(node, list):
        for value in node:
            refs(value, found)


def strict(node):
    if isinstance(node, dict):
        node = {key: strict(value) for key, value in node.items()
                if not (key == "description" and isinstance(value, str))}
        if "properties" in node and "additionalProperties" not in node:
            node["additionalProperties"] = False
        return node
    if isinstance(node, list):
        return [strict(value) for value in node]
    return node


def main(swagger_file):
    definitions = json.load(open(swagger_file))["definitions"]
    wanted = [name for name, schema in definitions.items()
              if any((gvk.get("group", ""), gvk.get("version"), gvk.get("kind")) in KINDS
                     for gvk in schema.get("x-kubernetes-group-version-kind", []))]
    missing = set(KINDS) - {(g.get("group", ""), g["version"], g["kind"]) for n in wanted
                            for g in definitions[n]["x-kubernetes-group-version-kind"]}
    if missing:
        sys.exit("kinds not in the document: %s" % sorted(missing))
    keep, todo = set(), list(wanted)
    while todo:
        name = todo.pop()
        if name in keep:
            continue
        keep.add(name)
        found = set()
        refs(definitions[name], found)
        todo.extend(found - keep)
    out = {}
    for name in sorted(keep):
        out[name] = {"oneOf": BOTH_FORMS[name]} if name in BOTH_FORMS else strict(definitions[name])
    json.dump({"$schema": "http://json-schema.org/draft-07/schema#", "definitions": out}, sys.stdout,
              indent=1, sort_keys=True)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main(sys.argv[1])
