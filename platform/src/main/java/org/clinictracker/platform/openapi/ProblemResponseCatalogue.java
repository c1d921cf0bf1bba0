package org.clinictracker.platform.openapi;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.clinictracker.platform.problem.ProblemException;
import org.springframework.http.HttpStatus;

import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;

/**
 * The problem responses the clinic's services answer, as the API document names them: one
 * {@code Problem} schema (what {@code ProblemHandler} and {@code ProblemSecurityResponses} write)
 * and one reusable response per status.
 */
final class ProblemResponseCatalogue {

    static final String PROBLEM_JSON = org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE;
    static final String PROBLEM_SCHEMA = "Problem";
    static final String FIELD_ERROR_SCHEMA = "FieldError";

    /** What every operation behind the resource server can answer. */
    static final List<HttpStatus> ANY_OPERATION = List.of(HttpStatus.BAD_REQUEST, HttpStatus.UNAUTHORIZED,
            HttpStatus.FORBIDDEN, HttpStatus.INTERNAL_SERVER_ERROR);

    /** What a public operation (no token) can answer. */
    static final List<HttpStatus> PUBLIC_OPERATION = List.of(HttpStatus.BAD_REQUEST, HttpStatus.INTERNAL_SERVER_ERROR);

    private static final Map<HttpStatus, String> DESCRIPTIONS = descriptions();

    private ProblemResponseCatalogue() {
    }

    private static Map<HttpStatus, String> descriptions() {
        Map<HttpStatus, String> descriptions = new LinkedHashMap<>();
        descriptions.put(HttpStatus.BAD_REQUEST,
                "Missing, malformed or invalid input (`code` validation or malformed-request); `errors` names each field.");
        descriptions.put(HttpStatus.UNAUTHORIZED, "No valid bearer token from the clinic's Keycloak realm (`code` unauthenticated).");
        descriptions.put(HttpStatus.FORBIDDEN, "The signed-in user's role does not allow this (`code` forbidden).");
        descriptions.put(HttpStatus.NOT_FOUND, "No record with this id (`code` not-found).");
        descriptions.put(HttpStatus.CONFLICT, "Conflicts with a record already on file; the problem names it.");
        descriptions.put(HttpStatus.PRECONDITION_FAILED,
                "The record changed since it was read (`code` stale-version); `currentVersion` gives its version.");
        descriptions.put(HttpStatus.UNPROCESSABLE_CONTENT,
                "Well-formed but against the clinic's rules; `errors` names each offending field.");
        descriptions.put(HttpStatus.CONTENT_TOO_LARGE,
                "The request body is larger than the service reads (`code` payload-too-large).");
        descriptions.put(HttpStatus.PRECONDITION_REQUIRED,
                "The If-Match header with the ETag read is missing (`code` if-match-required).");
        descriptions.put(HttpStatus.INTERNAL_SERVER_ERROR,
                "Unexpected failure (`code` internal-error); the X-Request-Id header helps find it in the logs.");
        return descriptions;
    }

    /** The component name of a status's response, e.g. {@code NotFound}. */
    static String responseName(HttpStatus status) {
        StringBuilder name = new StringBuilder();
        for (String word : status.name().split("_")) {
            name.append(word.charAt(0)).append(word.substring(1).toLowerCase());
        }
        return name.toString();
    }

    static ApiResponse response(HttpStatus status) {
        String description = DESCRIPTIONS.getOrDefault(status, status.getReasonPhrase() + " (`code` names the reason).");
        return new ApiResponse().description(description)
                .content(new Content().addMediaType(PROBLEM_JSON,
                        new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM_SCHEMA))));
    }

    static ApiResponse reference(HttpStatus status) {
        return new ApiResponse().$ref("#/components/responses/" + responseName(status));
    }

    /** RFC 9457 with the clinic's stable {@code code} and, for input errors, the offending fields. */
    @SuppressWarnings("rawtypes")
    static Schema problemSchema() {
        return new ObjectSchema()
                .description("An RFC 9457 problem. Branch on `code` (stable); other members, e.g. `candidates`"
                        + " or `currentVersion`, may be added by a refusal.")
                .addProperty("type", new StringSchema().format("uri")
                        .description("Names the kind of problem, e.g. " + ProblemException.TYPE_BASE + "not-found"))
                .addProperty("title", new StringSchema().description("Short summary of the kind of problem"))
                .addProperty("status", new IntegerSchema().description("The HTTP status"))
                .addProperty("detail", new StringSchema().description("What went wrong this time, for a person"))
                .addProperty("instance", new StringSchema().format("uri-reference").description("The request path"))
                .addProperty("code", new StringSchema().description("Stable machine-readable reason, e.g. not-found"))
                .addProperty("errors", new ArraySchema()
                        .items(new Schema<>().$ref("#/components/schemas/" + FIELD_ERROR_SCHEMA))
                        .description("The offending fields, for validation and rule problems"))
                .required(List.of("type", "title", "status", "code"));
    }

    @SuppressWarnings("rawtypes")
    static Schema fieldErrorSchema() {
        return new ObjectSchema()
                .description("One offending field of a request, named as the client sent it (e.g. targets[0].nerve)")
                .addProperty("field", new StringSchema().description("The field's path in the request"))
                .addProperty("message", new StringSchema().description("What is wrong with it"))
                .required(List.of("field", "message"));
    }
}
