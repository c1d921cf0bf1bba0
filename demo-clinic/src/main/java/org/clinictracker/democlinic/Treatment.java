package org.clinictracker.democlinic;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One procedure of a demo patient as the proceduralist logged it (performed {@code daysAgo} days before the seed
 * runs, entered late), the complications, what the follow-up visits found, and the coordinator's decision on a
 * repeat-treatment candidate the course raised.
 */
final class Treatment {

    /** A complication: onset {@code onsetAfterDays} after the procedure, resolved after {@code resolvedAfterDays} (null: not yet). */
    record Complication(String type, String severity, int onsetAfterDays, Integer resolvedAfterDays, String notes) {
    }

    /** The coordinator's decision on the candidate the course raised: CONSULT_BOOKED or DISMISSED, with a reason. */
    record Decision(String action, String reason) {
    }

    final String modality;
    final int daysAgo;
    final String parametersField;
    final Map<String, Object> parameters;
    final List<Map<String, Object>> targets = new ArrayList<>();
    String imaging = "ULTRASOUND";
    Map<String, Object> device;
    String localAnesthetic = "Lidocaine 1 %, 3 mL at each entry site";
    String sedation;
    int painBefore;
    int painAfter;
    String notes;
    final List<Complication> atProcedure = new ArrayList<>();
    final List<Complication> reportedLater = new ArrayList<>();
    FollowUpCourse course = FollowUpCourse.none();
    Decision decision;

    private Treatment(String modality, int daysAgo, String parametersField, Map<String, Object> parameters) {
        if (daysAgo < 1) {
            throw new IllegalArgumentException("a demo procedure is performed at least a day before the seed runs");
        }
        this.modality = modality;
        this.daysAgo = daysAgo;
        this.parametersField = parametersField;
        this.parameters = parameters;
    }

    /** Cryoneurolysis: probe tip temperature and the freeze cycles in seconds; 20 s thaw, ice ball seen. */
    static Treatment cryo(int daysAgo, int probeTemperatureCelsius, int... cycleSeconds) {
        List<Map<String, Object>> cycles = new ArrayList<>();
        for (int seconds : cycleSeconds) {
            cycles.add(Map.of("seconds", seconds));
        }
        Map<String, Object> cryo = new LinkedHashMap<>();
        cryo.put("probeTemperatureCelsius", probeTemperatureCelsius);
        cryo.put("cycles", cycles);
        cryo.put("thawSeconds", 20);
        cryo.put("iceBallVisualized", true);
        return new Treatment("CRYONEUROLYSIS", daysAgo, "cryo", cryo)
                .device("Handheld cryoneurolysis device, 3-needle 190 smart tip", "27G");
    }

    /** Radiofrequency ablation: CONVENTIONAL, COOLED or PULSED; lesion temperature, seconds per lesion, lesions. */
    static Treatment rfa(int daysAgo, String variant, int lesionTemperatureCelsius, int secondsPerLesion, int lesionCount) {
        Map<String, Object> rfa = new LinkedHashMap<>();
        rfa.put("variant", variant);
        rfa.put("lesionTemperatureCelsius", lesionTemperatureCelsius);
        rfa.put("secondsPerLesion", secondsPerLesion);
        rfa.put("lesionCount", lesionCount);
        Treatment treatment = new Treatment("RADIOFREQUENCY_ABLATION", daysAgo, "rfa", rfa);
        treatment.imaging = "FLUOROSCOPY";
        return variant.equals("COOLED") ? treatment.device("Cooled RF probe, 4 mm active tip", "17G")
                : treatment.device("RF cannula, 10 mm active tip", "18G");
    }

    /** A nerve block: DIAGNOSTIC or THERAPEUTIC, the agent, its concentration in %, the volume in mL. */
    static Treatment block(int daysAgo, String purpose, String agent, double concentrationPercent, double volumeMl) {
        Map<String, Object> block = new LinkedHashMap<>();
        block.put("purpose", purpose);
        block.put("agent", agent);
        block.put("concentrationPercent", concentrationPercent);
        block.put("volumeMl", volumeMl);
        Treatment treatment = new Treatment("NERVE_BLOCK", daysAgo, "block", block);
        treatment.localAnesthetic = null;
        return treatment.device("Block needle, short bevel", "22G");
    }

    Treatment adjuvant(String adjuvant) {
        parameters.put("adjuvant", adjuvant);
        return this;
    }

    Treatment on(String nerve, String laterality) {
        targets.add(Map.of("nerve", nerve, "laterality", laterality));
        return this;
    }

    Treatment on(String nerve, String laterality, String... levels) {
        for (String level : levels) {
            targets.add(Map.of("nerve", nerve, "laterality", laterality, "level", level));
        }
        return this;
    }

    /** The three genicular nerves of the standard knee treatment. */
    Treatment onGenicularNerves(String laterality) {
        return on("SUPEROMEDIAL_GENICULAR", laterality).on("SUPEROLATERAL_GENICULAR", laterality)
                .on("INFEROMEDIAL_GENICULAR", laterality);
    }

    Treatment imaging(String imaging) {
        this.imaging = imaging;
        return this;
    }

    Treatment device(String model, String gauge) {
        this.device = Map.of("model", model, "gauge", gauge);
        return this;
    }

    Treatment anaesthesia(String localAnesthetic, String sedation) {
        this.localAnesthetic = localAnesthetic;
        this.sedation = sedation;
        return this;
    }

    Treatment pain(int before, int after) {
        this.painBefore = before;
        this.painAfter = after;
        return this;
    }

    Treatment notes(String notes) {
        this.notes = notes;
        return this;
    }

    /** A complication noted at the procedure (onset that day). */
    Treatment with(String type, String severity, Integer resolvedAfterDays, String notes) {
        atProcedure.add(new Complication(type, severity, 0, resolvedAfterDays, notes));
        return this;
    }

    /** A complication the proceduralist reports afterwards (POST .../adverse-events). */
    Treatment laterReported(String type, String severity, int onsetAfterDays, Integer resolvedAfterDays, String notes) {
        reportedLater.add(new Complication(type, severity, onsetAfterDays, resolvedAfterDays, notes));
        return this;
    }

    /** The follow-up visits as the coordinator documented them ({@link FollowUpCourse} notation). */
    Treatment followUps(String notation) {
        this.course = FollowUpCourse.parse(notation);
        return this;
    }

    Treatment thenConsultBooked(String reason) {
        this.decision = new Decision("CONSULT_BOOKED", reason);
        return this;
    }

    Treatment thenDismissed(String reason) {
        this.decision = new Decision("DISMISSED", reason);
        return this;
    }
}
