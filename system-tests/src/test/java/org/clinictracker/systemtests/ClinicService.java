package org.clinictracker.systemtests;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The parts of the clinic started from their Boot jars (architecture.md "Ports and paths"): the module that
 * builds each jar, the database it owns and the API prefixes it serves. The web app serves pages, no API: browsers
 * reach it through the gateway, and it calls the API through the gateway too.
 */
public enum ClinicService {

    PATIENTS("patient-service", "patients", "/api/patients", "/api/fhir"),
    PROCEDURES("procedure-service", "procedures", "/api/procedures"),
    FOLLOWUPS("followup-service", "followups", "/api/followups", "/api/repeat-treatments", "/api/reports", "/api/patient-answers"),
    GATEWAY("gateway", null),
    WEB("web", null);

    /** The services behind the gateway, in the order they are started. */
    public static final List<ClinicService> BEHIND_GATEWAY = List.of(PATIENTS, PROCEDURES, FOLLOWUPS);

    /** The parts an API call passes through: the gateway and the services (not the web app). */
    public static final List<ClinicService> API_PARTS = List.of(PATIENTS, PROCEDURES, FOLLOWUPS, GATEWAY);

    private final String module;
    private final String database;
    private final List<String> apiPrefixes;

    ClinicService(String module, String database, String... apiPrefixes) {
        this.module = module;
        this.database = database;
        this.apiPrefixes = List.of(apiPrefixes);
    }

    public String module() {
        return module;
    }

    /** The database it owns (none for the gateway and the web app), before the system tests' suffix. */
    public Optional<String> database() {
        return Optional.ofNullable(database);
    }

    public List<String> apiPrefixes() {
        return apiPrefixes;
    }

    /** The service that serves an {@code /api/...} path; empty for shared paths (health, OpenAPI) and unknown ones. */
    public static Optional<ClinicService> owning(String path) {
        return Stream.of(values())
                .filter(service -> service.apiPrefixes.stream()
                        .anyMatch(prefix -> path.equals(prefix) || path.startsWith(prefix + "/")))
                .findFirst();
    }
}
