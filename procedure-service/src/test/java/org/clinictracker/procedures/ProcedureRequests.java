package org.clinictracker.procedures;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Procedure bodies as a proceduralist's client sends them. */
public final class ProcedureRequests {

    private ProcedureRequests() {
    }

    /** Cryoneurolysis of the right knee's genicular nerves, {@code daysAgo} days ago, at typical settings. */
    public static Map<String, Object> kneeCryoneurolysis(UUID patientId, int daysAgo) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("patientId", patientId.toString());
        body.put("performedAt", Instant.now().minus(daysAgo, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString());
        body.put("modality", "CRYONEUROLYSIS");
        body.put("indication", Map.of("code", "KNEE_OSTEOARTHRITIS"));
        body.put("targets", new ArrayList<>(List.of(
                Map.of("nerve", "SUPEROMEDIAL_GENICULAR", "laterality", "RIGHT"),
                Map.of("nerve", "SUPEROLATERAL_GENICULAR", "laterality", "RIGHT"),
                Map.of("nerve", "INFEROMEDIAL_GENICULAR", "laterality", "RIGHT"))));
        body.put("imagingGuidance", "ULTRASOUND");
        body.put("device", Map.of("model", "iovera", "gauge", "27G"));
        body.put("cryo", new LinkedHashMap<>(Map.of("probeTemperatureCelsius", -88,
                "cycles", List.of(Map.of("seconds", 60), Map.of("seconds", 60)), "thawSeconds", 20,
                "iceBallVisualized", true)));
        body.put("localAnesthetic", "lidocaine 1% 3 mL");
        body.put("painBefore", 7);
        body.put("painAfter", 2);
        body.put("notes", "Tolerated well");
        return body;
    }

    public static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
        Map<String, Object> changed = new LinkedHashMap<>(body);
        changed.put(field, value);
        return changed;
    }

    public static Map<String, Object> withCryo(Map<String, Object> body, String field, Object value) {
        @SuppressWarnings("unchecked")
        Map<String, Object> cryo = new LinkedHashMap<>((Map<String, Object>) body.get("cryo"));
        cryo.put(field, value);
        return with(body, "cryo", cryo);
    }

    public static Map<String, Object> seriousMotorWeakness(int onsetDaysAgo) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("type", "MOTOR_WEAKNESS");
        event.put("severity", "SEVERE");
        event.put("serious", true);
        event.put("onsetOn", java.time.LocalDate.now().minusDays(onsetDaysAgo).toString());
        event.put("outcome", "ONGOING");
        event.put("notes", "Quadriceps weakness, physiotherapy arranged");
        return event;
    }
}
