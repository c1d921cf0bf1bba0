package org.clinictracker.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import org.clinictracker.platform.security.AccessRule;
import org.clinictracker.platform.security.ClinicAccessRules;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.servlet.MockMvc;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A service's OpenAPI document as clients get it from {@code /v3/api-docs}: written to
 * {@code target/openapi/<service>.json}, checked for what the clinic promises of every document
 * (summaries, Keycloak security, problem responses, no hard-coded host) and linted with the build's
 * pinned Redocly CLI ({@code tools/openapi-lint}, installed by {@code npm ci} before the tests).
 */
public final class ApiDocument {

    private static final Set<String> HTTP_METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options", "trace");
    private static final long LINT_TIMEOUT_SECONDS = 180;

    private final String service;
    private final String text;
    private final JsonNode root;
    private final Path file;

    private ApiDocument(String service, String text, JsonNode root, Path file) {
        this.service = service;
        this.text = text;
        this.root = root;
        this.file = file;
    }

    /** Reads the document anonymously, as the Swagger UI does, and writes it under target/openapi. */
    public static ApiDocument read(MockMvc mvc, JsonMapper json, String service) throws Exception {
        String text = mvc.perform(get("/v3/api-docs")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        Path file = Path.of("target", "openapi", service + ".json").toAbsolutePath();
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return new ApiDocument(service, text, json.readTree(text), file);
    }

    public JsonNode root() {
        return root;
    }

    public Path file() {
        return file;
    }

    /** One operation, e.g. {@code operation("put", "/api/patients/{id}")}; fails when the document lacks it. */
    public JsonNode operation(String method, String path) {
        JsonNode operation = root.path("paths").path(path).path(method);
        assertThat(operation.isObject()).as("%s %s in the %s document", method.toUpperCase(), path, service).isTrue();
        return operation;
    }

    /** Every operation of the document, keyed "METHOD path". */
    public Map<String, JsonNode> operations() {
        Map<String, JsonNode> operations = new TreeMap<>();
        for (Map.Entry<String, JsonNode> path : root.path("paths").properties()) {
            for (Map.Entry<String, JsonNode> entry : path.getValue().properties()) {
                if (HTTP_METHODS.contains(entry.getKey())) {
                    operations.put(entry.getKey().toUpperCase() + " " + path.getKey(), entry.getValue());
                }
            }
        }
        return operations;
    }

    /** The statuses an operation documents as {@code application/problem+json} responses. */
    public List<String> problemStatuses(JsonNode operation) {
        List<String> statuses = new ArrayList<>();
        for (Map.Entry<String, JsonNode> response : operation.path("responses").properties()) {
            JsonNode resolved = resolve(response.getValue());
            if (resolved.path("content").path("application/problem+json").path("schema").path("$ref").asString("")
                    .equals("#/components/schemas/Problem")) {
                statuses.add(response.getKey());
            }
        }
        return statuses;
    }

    private JsonNode resolve(JsonNode node) {
        String ref = node.path("$ref").asString("");
        if (!ref.startsWith("#/")) {
            return node;
        }
        return root.at(ref.substring(1));
    }

    /**
     * What every clinic document promises: each operation has a summary, an operationId and a tag;
     * protected ones need a Keycloak token and say so (401, 403); all document their problem
     * responses; the document names no host of its own.
     */
    public void assertClinicConventions() {
        assertThat(operations()).as("operations of the %s document", service).isNotEmpty();
        JsonNode schemes = root.path("components").path("securitySchemes");
        assertThat(schemes.path("bearer-jwt").path("scheme").asString("")).isEqualTo("bearer");
        JsonNode flow = schemes.path("keycloak").path("flows").path("authorizationCode");
        assertThat(flow.path("authorizationUrl").asString("")).endsWith("/protocol/openid-connect/auth");
        assertThat(flow.path("tokenUrl").asString("")).endsWith("/protocol/openid-connect/token");
        assertThat(root.path("components").path("schemas").path("Problem").path("properties").propertyNames())
                .contains("type", "title", "status", "detail", "code", "errors");
        operations().forEach((name, operation) -> {
            assertThat(operation.path("summary").asString("")).as("summary of %s", name).isNotBlank();
            assertThat(operation.path("operationId").asString("")).as("operationId of %s", name).isNotBlank();
            assertThat(operation.path("tags").isEmpty()).as("%s has a tag", name).isFalse();
            if (openInRoleTable(name)) {
                // a call the role table leaves open (a patient's link): documented as needing no token
                assertThat(operation.path("security").toString()).as("security of %s", name).isEqualTo("[{}]");
                assertThat(problemStatuses(operation)).as("problem responses of %s", name)
                        .contains("400", "500").doesNotContain("401", "403");
                return;
            }
            assertThat(operation.path("security").toString()).as("security of %s", name)
                    .contains("bearer-jwt").contains("keycloak");
            assertThat(problemStatuses(operation)).as("problem responses of %s", name)
                    .contains("400", "401", "403", "500");
        });
        root.path("servers").forEach(server -> assertThat(server.path("url").asString(""))
                .as("server of the %s document", service).doesNotContain("localhost").doesNotContain("127.0.0.1"));
        assertThat(text).as("the %s document names no local host as a server", service)
                .doesNotContain("\"url\":\"http://localhost:");
    }

    /** Whether the role table lets anyone make this call ({@code "POST /api/patient-answers/open"}). */
    private static boolean openInRoleTable(String operationName) {
        String[] methodAndPath = operationName.split(" ", 2);
        return ClinicAccessRules.ruleFor(HttpMethod.valueOf(methodAndPath[0]), methodAndPath[1])
                .map(AccessRule::open).orElse(false);
    }

    /** Runs the build's Redocly CLI on the written document; any error fails with the linter's report. */
    public void assertLintsClean() throws IOException, InterruptedException {
        LintResult result = lint(file);
        assertThat(result.exitCode()).as("redocly lint of %s:%n%s", file, result.report()).isZero();
    }

    /** The linter's verdict on a document: its exit code (0: no error) and its report. */
    public record LintResult(int exitCode, String report) {
    }

    /**
     * Runs the build's pinned Redocly CLI, with its recommended rules, on a document file; its report
     * is also left beside the document as {@code <name>-lint.txt}.
     */
    public static LintResult lint(Path document) throws IOException, InterruptedException {
        Path tools = lintTools();
        Path cli = tools.resolve("node_modules/@redocly/cli/bin/cli.js");
        assertThat(cli).as("Redocly CLI installed by the build's `npm ci` in %s", tools).exists();
        Path report = document.resolveSibling(document.getFileName().toString().replaceFirst("\\.json$", "") + "-lint.txt");
        ProcessBuilder builder = new ProcessBuilder("node", cli.toString(), "lint",
                "--config", tools.resolve("redocly.yaml").toString(), "--format", "stylish", document.toString())
                .directory(tools.toFile())
                .redirectErrorStream(true)
                .redirectOutput(report.toFile());
        builder.environment().put("REDOCLY_TELEMETRY", "off");
        builder.environment().put("REDOCLY_SUPPRESS_UPDATE_NOTICE", "true");
        builder.environment().put("REDOCLY_SUPPRESS_NOTIFICATIONS", "true");
        Process process = builder.start();
        boolean finished = process.waitFor(LINT_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        if (!finished) {
            process.destroyForcibly();
        }
        assertThat(finished).as("redocly lint finished within %ss", LINT_TIMEOUT_SECONDS).isTrue();
        return new LintResult(process.exitValue(), Files.readString(report));
    }

    /** Writes a copy of the document to {@code target/openapi/<name>.json}, e.g. to spoil it on purpose. */
    public Path writeCopy(String name, JsonNode copy) throws IOException {
        Path copyFile = file.resolveSibling(name + ".json");
        Files.writeString(copyFile, copy.toString());
        return copyFile;
    }

    /** The pinned linter's folder: tools/openapi-lint at the root of the checkout. */
    private static Path lintTools() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("tools/openapi-lint");
            if (Files.isRegularFile(candidate.resolve("package.json"))) {
                return candidate;
            }
        }
        throw new AssertionError("No tools/openapi-lint above " + Path.of("").toAbsolutePath());
    }
}
