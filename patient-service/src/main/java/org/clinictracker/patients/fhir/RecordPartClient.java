package org.clinictracker.patients.fhir;

import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.clinictracker.patients.fhir.RecordSources.RecordPartSource;
import org.clinictracker.platform.fhir.ClinicFhir;
import org.clinictracker.platform.fhir.FhirMediaTypes;
import org.clinictracker.platform.problem.ProblemException;
import org.clinictracker.platform.requestid.RequestIdFilter;
import org.clinictracker.platform.tracing.TraceParents;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

import ca.uhn.fhir.parser.DataFormatException;

/**
 * Fetches one service's part of a patient's record (a FHIR {@code collection} Bundle) with the caller's own bearer
 * token, so the other service applies its own role rules and audits the read as the caller's. Anything but a
 * well-formed part is a refusal: the part's 403 stays a 403; down, slow, a 5xx or a body that is no collection
 * Bundle is 503, since a record with a part missing must never be handed out as the whole record.
 */
@Component
public class RecordPartClient {

    private static final Logger log = LoggerFactory.getLogger(RecordPartClient.class);

    private final RestClient http;
    private final TraceParents traceParents;

    public RecordPartClient(RecordSources sources, TraceParents traceParents) {
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1).connectTimeout(sources.connectTimeout()).build());
        requests.setReadTimeout(sources.readTimeout());
        this.http = RestClient.builder().requestFactory(requests).build();
        this.traceParents = traceParents;
    }

    /** The part for the patient; the caller is the request's caller ({@link RecordCaller}), captured on its thread. */
    public Bundle fetch(RecordPartSource source, UUID patientId, RecordCaller caller) {
        String body;
        try {
            body = http.get()
                    .uri(source.address() + "?patientId={patientId}", patientId)
                    .accept(FhirMediaTypes.FHIR_JSON)
                    .headers(headers -> caller.addTo(headers))
                    .exchange((request, response) -> {
                        HttpStatus status = HttpStatus.resolve(response.getStatusCode().value());
                        if (status == HttpStatus.FORBIDDEN) {
                            throw forbidden(source);
                        }
                        if (status == null || !status.is2xxSuccessful()) {
                            log.warn("record part {} answered {}", source.name(), response.getStatusCode().value());
                            throw unavailable(source);
                        }
                        return new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8);
                    });
        } catch (RestClientException e) {
            // connection refused, timeout, a broken connection; the cause's kind only: no line carries patient data
            log.warn("record part {} could not be fetched: {}", source.name(),
                    e.getMostSpecificCause().getClass().getSimpleName());
            throw unavailable(source);
        }
        return collection(source, body);
    }

    /** The caller's headers for the part's request: its token, the request id and the trace it continues. */
    public RecordCaller caller(String bearerToken) {
        return new RecordCaller(bearerToken, RequestIdFilter.current(), traceParents.current());
    }

    private static Bundle collection(RecordPartSource source, String body) {
        try {
            Bundle part = ClinicFhir.bundleFromJson(body);
            if (part.getType() != BundleType.COLLECTION) {
                log.warn("record part {} is a {} bundle, not a collection", source.name(), part.getType());
                throw unavailable(source);
            }
            boolean everyResourceNamed = part.getEntry().stream()
                    .allMatch(entry -> entry.getResource() != null && entry.getResource().getIdPart() != null);
            if (!everyResourceNamed) {
                log.warn("record part {} has an entry without a resource id", source.name());
                throw unavailable(source);
            }
            return part;
        } catch (DataFormatException e) {
            log.warn("record part {} is no FHIR Bundle", source.name());
            throw unavailable(source);
        }
    }

    private static ProblemException forbidden(RecordPartSource source) {
        return new ProblemException(HttpStatus.FORBIDDEN, "forbidden", "Forbidden",
                "Your role may not read the patient's " + source.name() + ", so you may not export the whole record.")
                .with("part", source.name());
    }

    private static ProblemException unavailable(RecordPartSource source) {
        return new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, "record-part-unavailable",
                "Part of the record is unavailable",
                "The patient's " + source.name() + " could not be fetched just now, and a record without them is "
                        + "not the whole record: nothing was exported. Try again shortly.")
                .with("part", source.name());
    }

    /** Who asks for the part, as the part's service must see it. */
    public record RecordCaller(String bearerToken, String requestId, String traceParent) {

        void addTo(HttpHeaders headers) {
            headers.setBearerAuth(bearerToken);
            if (requestId != null) {
                headers.set(RequestIdFilter.HEADER, requestId);
            }
            if (traceParent != null) {
                headers.set(TraceParents.HEADER, traceParent);
            }
        }
    }
}
