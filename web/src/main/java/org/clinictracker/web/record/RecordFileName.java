package org.clinictracker.web.record;

import java.util.UUID;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The name a downloaded record is saved under, {@code record-<MRN>.json}: the MRN is what the clinic files a
 * patient by, and it is in the record itself (the Patient's identifier of the clinic's MRN system), so no second
 * call is needed. A record without one (or not readable as JSON) is named by the patient's id instead. Only letters,
 * digits and dashes are kept, so nothing in the record can shape the header.
 */
final class RecordFileName {

    /** platform-fhir's {@code ClinicCodeSystems.MRN}: the web app does not carry HAPI for one URI. */
    static final String MRN_SYSTEM = "https://clinic-tracker.org/fhir/NamingSystem/mrn";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private RecordFileName() {
    }

    static String of(String record, UUID patientId) {
        String mrn = mrn(record).replaceAll("[^A-Za-z0-9-]", "");
        return "record-" + (mrn.isEmpty() ? patientId.toString() : mrn) + ".json";
    }

    private static String mrn(String record) {
        try {
            for (JsonNode entry : JSON.readTree(record).path("entry")) {
                JsonNode resource = entry.path("resource");
                if ("Patient".equals(resource.path("resourceType").asString(""))) {
                    for (JsonNode identifier : resource.path("identifier")) {
                        if (MRN_SYSTEM.equals(identifier.path("system").asString(""))) {
                            return identifier.path("value").asString("");
                        }
                    }
                }
            }
        } catch (JacksonException unreadable) {
            // the API's document is handed on as it is; only its file name falls back to the id
        }
        return "";
    }
}
