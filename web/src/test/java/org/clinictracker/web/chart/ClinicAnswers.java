package org.clinictracker.web.chart;

import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.when;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.clinictracker.web.api.ClinicApi;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Answers of the clinic's API as the services give them (nulls left out), for pages tested without the API. */
public final class ClinicAnswers {

    public static final String PATIENT_ID = "7ec9ea31-f2e4-45cc-82fb-2ce6d69ead2d";
    public static final String SCREENING_ID = "3f736961-e4e7-4c3e-82e9-15306458fab8";
    public static final String PROCEDURE_ID = "d0bfc5ed-3603-4dc5-9e86-a964e2951d7a";
    public static final String ADVERSE_EVENT_ID = "4e9b3cf6-dfb2-4b81-b069-f1a77bf06539";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ClinicAnswers() {
    }

    /**
     * The API (a mock) answering every call of the chart of {@link #patientNeedingReview()}: its consents, one
     * procedure, its visits, the nerve catalogue.
     */
    public static void chartOfPatientNeedingReview(ClinicApi api) {
        UUID patient = UUID.fromString(PATIENT_ID);
        when(api.get("/api/patients/{id}", patient)).thenReturn(patientNeedingReview());
        when(api.getArray("/api/patients/{id}/consents", patient)).thenReturn(consents());
        when(api.get(eq("/api/procedures"), anyMap())).thenReturn(page(List.of(procedure())));
        when(api.get(eq("/api/followups"), anyMap())).thenReturn(page(visits()));
        when(api.getArray("/api/procedures/catalogue/nerves")).thenReturn(nerves());
    }

    public static Map<String, Object> object(String json) {
        return JSON.readValue(json, new TypeReference<Map<String, Object>>() {
        });
    }

    public static List<Map<String, Object>> array(String json) {
        return JSON.readValue(json, new TypeReference<List<Map<String, Object>>>() {
        });
    }

    /** A patient whose latest screening needs a proceduralist's review for every modality; no address on file. */
    public static Map<String, Object> patientNeedingReview() {
        return object("""
                {"id":"%s","mrn":"CT-000024-0","version":3,"displayName":"Murphy, Seán","givenName":"Seán",
                 "familyName":"Murphy","birthDate":"1978-07-04","sex":"MALE","phone":"+1 510 555 0124",
                 "indication":{"code":"OCCIPITAL_NEURALGIA","icd10":"M54.81"},"laterality":"BILATERAL",
                 "baselinePainScore":8,"currentTherapies":["NSAID","COGNITIVE_BEHAVIOURAL_THERAPY"],
                 "screening":{"id":"%s","patientId":"%s","result":"NEEDS_REVIEW",
                   "reasons":[{"code":"ANTICOAGULATION_PLAN_UNKNOWN","message":"Anticoagulated, and whether it will be held is not recorded"}],
                   "screenedAt":"2026-11-26T03:00:50.946066Z","screenedBy":"frontdesk1","overrides":[],
                   "modalities":[
                     {"modality":"CRYONEUROLYSIS","result":"NEEDS_REVIEW","reasons":[],"effectiveResult":"NEEDS_REVIEW"},
                     {"modality":"RADIOFREQUENCY_ABLATION","result":"NEEDS_REVIEW","reasons":[],"effectiveResult":"NEEDS_REVIEW"},
                     {"modality":"NERVE_BLOCK","result":"NEEDS_REVIEW","reasons":[],"effectiveResult":"NEEDS_REVIEW"}],
                   "effectiveResult":"NEEDS_REVIEW"}}
                """.formatted(PATIENT_ID, SCREENING_ID, PATIENT_ID));
    }

    /** A patient ruled out for cryoneurolysis only (cold intolerance), the other modalities cleared. */
    public static Map<String, Object> patientRuledOutForCold() {
        return object("""
                {"id":"%s","mrn":"CT-000011-7","version":0,"displayName":"Holm, Bodil","givenName":"Bodil",
                 "familyName":"Holm","birthDate":"1961-05-05","sex":"FEMALE",
                 "screening":{"id":"%s","patientId":"%s","result":"NOT_ELIGIBLE",
                   "reasons":[{"code":"COLD_INTOLERANCE","message":"Cold-specific condition: no cryoneurolysis"}],
                   "screenedAt":"2026-11-26T03:00:50Z","screenedBy":"frontdesk1","overrides":[],
                   "modalities":[
                     {"modality":"CRYONEUROLYSIS","result":"NOT_ELIGIBLE","reasons":[{"code":"COLD_INTOLERANCE","message":"Cold-specific condition: no cryoneurolysis"}],"effectiveResult":"NOT_ELIGIBLE"},
                     {"modality":"RADIOFREQUENCY_ABLATION","result":"ELIGIBLE","reasons":[],"effectiveResult":"ELIGIBLE"},
                     {"modality":"NERVE_BLOCK","result":"ELIGIBLE","reasons":[],"effectiveResult":"ELIGIBLE"}],
                   "effectiveResult":"NOT_ELIGIBLE"}}
                """.formatted(PATIENT_ID, SCREENING_ID, PATIENT_ID));
    }

    public static List<Map<String, Object>> consents() {
        return array("""
                [{"id":"6d97eee9-3e33-4a4d-bc44-ecf8b9a94c47","patientId":"%s","procedure":"CRYONEUROLYSIS",
                  "signedOn":"2026-03-28","witness":"A. Reyes, RN","recordedBy":"frontdesk1","recordedAt":"2026-11-26T03:00:51Z"}]
                """.formatted(PATIENT_ID));
    }

    /** A cryoneurolysis, amended once, with one serious adverse event still ongoing. */
    public static Map<String, Object> procedure() {
        return object(procedureJson(1, "-88", "90"));
    }

    public static String procedureJson(int version, String temperature, String cycleSeconds) {
        return """
                {"id":"%s","version":%d,"patientId":"%s","performedAt":"2026-11-22T09:00:00Z","performedBy":"proceduralist1",
                 "modality":"CRYONEUROLYSIS","indication":{"code":"KNEE_OSTEOARTHRITIS"},
                 "targets":[{"nerve":"SUPEROMEDIAL_GENICULAR","laterality":"LEFT"},{"nerve":"INTERCOSTAL","laterality":"RIGHT","level":"T4"}],
                 "imagingGuidance":"ULTRASOUND","device":{"model":"Cryo probe 190","gauge":"27G"},
                 "cryo":{"probeTemperatureCelsius":%s,"cycles":[{"seconds":%s},{"seconds":90}],"thawSeconds":20,"iceBallVisualized":true},
                 "localAnesthetic":"Lidocaine 1 %%","painBefore":7,"painAfter":2,"treatmentNumber":2,
                 "previousProcedureId":"00fdc10a-97cc-4dc3-bee5-ba58770485e2","daysSincePrevious":60,"earlyRepeat":true,
                 "warnings":[{"code":"cryo-cycle-long","field":"cryo.cycles[0].seconds","message":"A freeze of 400 s is longer than the typical 10-300 s"}],
                 "adverseEvents":[{"id":"%s","procedureId":"%s","patientId":"%s","version":2,"type":"PERMANENT_NERVE_INJURY",
                   "severity":"SEVERE","serious":true,"onsetOn":"2026-11-23","outcome":"ONGOING","notes":"Foot drop",
                   "reportedAt":"2026-11-23T10:00:00Z","reportedBy":"proceduralist1","source":"PROCEDURALIST"}],
                 "hasSeriousAdverseEvent":true,"recordedAt":"2026-11-22T10:00:00Z","recordedBy":"proceduralist1"}
                """.formatted(PROCEDURE_ID, version, PATIENT_ID, temperature, cycleSeconds, ADVERSE_EVENT_ID, PROCEDURE_ID,
                PATIENT_ID);
    }

    public static Map<String, Object> page(List<Map<String, Object>> content) {
        return Map.of("content", content, "page", Map.of("size", 100, "number", 0, "totalElements", content.size(),
                "totalPages", 1));
    }

    public static List<Map<String, Object>> visits() {
        return array("""
                [{"id":"da6be0b8-6162-4480-aa72-7a7310183d3e","patientId":"%s","procedureId":"%s","label":"WEEK_6",
                  "dueOn":"2026-11-23","windowStart":"2026-11-20","windowEnd":"2026-11-26","status":"OVERDUE",
                  "modality":"CRYONEUROLYSIS","treatmentNumber":2,"version":0}]
                """.formatted(PATIENT_ID, PROCEDURE_ID));
    }

    public static List<Map<String, Object>> nerves() {
        return array("""
                [{"code":"SUPEROMEDIAL_GENICULAR","name":"Superomedial genicular nerve","region":"KNEE","levels":null},
                 {"code":"INTERCOSTAL","name":"Intercostal nerve","region":"CHEST_WALL","levels":["T1","T2","T3","T4"]}]
                """);
    }
}
