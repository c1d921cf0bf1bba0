package org.clinictracker.patients.fhir;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code clinic.record}: where the other parts of a patient's record are fetched from (procedure-service and
 * followup-service, their own addresses, not the gateway's) and how long a part may take. Both parts are fetched
 * at once, so the export answers within the connect and read timeouts plus the assembly, inside the gateway's 5 s.
 */
@ConfigurationProperties("clinic.record")
public record RecordSources(URI proceduresUrl, URI followupsUrl, Duration connectTimeout, Duration readTimeout) {

    public RecordSources {
        proceduresUrl = proceduresUrl == null ? URI.create("http://localhost:8082") : proceduresUrl;
        followupsUrl = followupsUrl == null ? URI.create("http://localhost:8083") : followupsUrl;
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(1) : connectTimeout;
        readTimeout = readTimeout == null ? Duration.ofSeconds(3) : readTimeout;
    }

    /** procedure-service's part: procedures, their devices, body structures, adverse events. */
    public RecordPartSource procedures() {
        return new RecordPartSource("procedures", under(proceduresUrl, "/api/procedures/fhir"));
    }

    /** followup-service's part: follow-up visits and the scores recorded at them. */
    public RecordPartSource followups() {
        return new RecordPartSource("follow-ups", under(followupsUrl, "/api/followups/fhir"));
    }

    private static URI under(URI service, String path) {
        return URI.create(service.toString().replaceAll("/+$", "") + path);
    }

    /** One service's part of the record: its name in a refusal, and the address that answers it. */
    public record RecordPartSource(String name, URI address) {
    }
}
