package org.clinictracker.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.web.servlet.MockMvc;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * What every service's OpenAPI document must be: each operation summarised, tagged, secured by the
 * clinic's Keycloak realm (with the sign-in flow the Swagger UI uses) and listing its problem
 * responses; no hard-coded host; no error from the pinned linter. A service proves it with a
 * {@link ClinicServiceTest} class extending this one, adding the refusals its own operations declare.
 */
public abstract class ApiDocumentContract {

    @Autowired
    protected MockMvc mvc;

    @Autowired
    protected JsonMapper json;

    @Value("${clinic.security.issuer}")
    protected String issuer;

    protected ApiDocument document;

    /** The service's name, which names its document file: target/openapi/&lt;service&gt;.json. */
    protected abstract String service();

    @BeforeEach
    void readDocument() throws Exception {
        document = ApiDocument.read(mvc, json, service());
    }

    @Test
    void every_operation_has_a_summary_keycloak_security_and_its_problem_responses() {
        document.assertClinicConventions();
    }

    @Test
    void the_swagger_ui_signs_in_with_the_configured_keycloak_realm() {
        assertThat(document.root().at("/components/securitySchemes/keycloak/flows/authorizationCode/authorizationUrl")
                .asString()).isEqualTo(issuer + "/protocol/openid-connect/auth");
        assertThat(document.root().at("/components/securitySchemes/keycloak/flows/authorizationCode/tokenUrl")
                .asString()).isEqualTo(issuer + "/protocol/openid-connect/token");
    }

    @Test
    void the_document_names_no_host_of_its_own() {
        assertThat(document.root().path("servers").findValuesAsString("url")).containsExactly("/");
    }

    @Test
    void every_post_takes_an_idempotency_key_and_every_body_has_a_size_limit() {
        document.root().path("paths").forEach(path -> path.properties().forEach(entry -> {
            String method = entry.getKey();
            if (!method.equals("post") && !method.equals("put")) {
                return;
            }
            assertThat(entry.getValue().path("responses").has("413")).as(method + " answers 413").isTrue();
            if (method.equals("post")) {
                assertThat(entry.getValue().path("parameters").findValuesAsString("name"))
                        .as("a POST takes an Idempotency-Key").contains("Idempotency-Key");
            }
        }));
    }

    @Test
    void the_document_passes_the_linters_recommended_rules() throws Exception {
        document.assertLintsClean();
    }

    /** The lint gate can fail: the same document without its summaries is refused. */
    @Test
    void the_linter_refuses_an_operation_without_a_summary() throws Exception {
        ObjectNode spoiled = (ObjectNode) document.root().deepCopy();
        spoiled.path("paths").forEach(path -> path.forEach(operation -> {
            if (operation instanceof ObjectNode object) {
                object.remove("summary");
            }
        }));

        ApiDocument.LintResult result = ApiDocument.lint(document.writeCopy(service() + "-without-summaries", spoiled));

        assertThat(result.exitCode()).as(result.report()).isNotZero();
        assertThat(result.report()).contains("operation-summary");
    }

    @Test
    void the_swagger_ui_offers_keycloak_sign_in_with_pkce() throws Exception {
        String initializer = mvc.perform(get("/swagger-ui/swagger-initializer.js")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(initializer).contains("clinic-swagger").contains("usePkceWithAuthorizationCodeGrant");
    }
}
