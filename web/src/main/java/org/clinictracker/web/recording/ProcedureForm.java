package org.clinictracker.web.recording;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.clinictracker.web.adverse.AdverseEventFields;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.format.annotation.DateTimeFormat.ISO;

/**
 * The procedure form as the browser posts it: each input named as the API names its field ({@code cryo.cycles[1].seconds},
 * {@code targets[0].level}), so a refusal from the API lands beside the input of the same name. Numbers are typed, so one
 * that does not parse is the web app's own field error; everything else is the API's to judge. Rows (targets, freeze
 * cycles, adverse events) are sent as they are, blank ones too, so the API's row numbers are the form's.
 */
public class ProcedureForm {

    private String idempotencyKey;
    private UUID patientId;
    @DateTimeFormat(iso = ISO.DATE_TIME)
    private LocalDateTime performedAt;
    private String modality;
    private Indication indication = new Indication();
    private List<Target> targets = new ArrayList<>();
    private String imagingGuidance;
    private Device device = new Device();
    private Cryo cryo = new Cryo();
    private Rfa rfa = new Rfa();
    private Block block = new Block();
    private String localAnesthetic;
    private String sedation;
    private Integer painBefore;
    private Integer painAfter;
    private String notes;
    private List<AdverseEventFields> adverseEvents = new ArrayList<>();
    private String missingClearanceReason;
    private List<UUID> notDuplicateOf = new ArrayList<>();
    private String amendmentReason;
    /** The version the amendment corrects (the ETag read with the form), sent back as If-Match. */
    private String ifMatch;
    /** After a stale amendment: the newer version the proceduralist chose to save over, having been told. */
    private String overVersion;

    /** An empty case for a patient, performed now (to the minute); one target row and one freeze cycle to fill in. */
    public static ProcedureForm blank(UUID patientId, LocalDateTime now) {
        ProcedureForm form = new ProcedureForm();
        form.idempotencyKey = UUID.randomUUID().toString();
        form.patientId = patientId;
        form.performedAt = now.truncatedTo(ChronoUnit.MINUTES);
        form.targets.add(new Target());
        form.cryo.cycles.add(new Cycle());
        return form;
    }

    /** The form prefilled from a procedure as the API reads it ({@code GET /api/procedures/{id}}), for an amendment. */
    @SuppressWarnings("unchecked")
    public static ProcedureForm of(Map<String, Object> procedure, ZoneId zone) {
        ProcedureForm form = new ProcedureForm();
        form.patientId = UUID.fromString(text(procedure.get("patientId")));
        if (procedure.get("performedAt") != null) {
            form.performedAt = LocalDateTime.ofInstant(Instant.parse(text(procedure.get("performedAt"))), zone)
                    .truncatedTo(ChronoUnit.MINUTES);
        }
        form.modality = text(procedure.get("modality"));
        Map<String, Object> indication = map(procedure.get("indication"));
        form.indication.code = text(indication.get("code"));
        form.indication.text = text(indication.get("text"));
        for (Object target : list(procedure.get("targets"))) {
            Map<String, Object> site = map(target);
            form.targets.add(new Target(text(site.get("nerve")), text(site.get("laterality")), text(site.get("level")),
                    text(site.get("description"))));
        }
        form.imagingGuidance = text(procedure.get("imagingGuidance"));
        Map<String, Object> device = map(procedure.get("device"));
        form.device.model = text(device.get("model"));
        form.device.gauge = text(device.get("gauge"));
        Map<String, Object> cryo = map(procedure.get("cryo"));
        form.cryo.probeTemperatureCelsius = decimal(cryo.get("probeTemperatureCelsius"));
        for (Object cycle : list(cryo.get("cycles"))) {
            form.cryo.cycles.add(new Cycle(whole(map(cycle).get("seconds"))));
        }
        form.cryo.thawSeconds = whole(cryo.get("thawSeconds"));
        form.cryo.iceBallVisualized = (Boolean) cryo.get("iceBallVisualized");
        Map<String, Object> rfa = map(procedure.get("rfa"));
        form.rfa.variant = text(rfa.get("variant"));
        form.rfa.lesionTemperatureCelsius = decimal(rfa.get("lesionTemperatureCelsius"));
        form.rfa.secondsPerLesion = whole(rfa.get("secondsPerLesion"));
        form.rfa.lesionCount = whole(rfa.get("lesionCount"));
        Map<String, Object> block = map(procedure.get("block"));
        form.block.purpose = text(block.get("purpose"));
        form.block.agent = text(block.get("agent"));
        form.block.concentrationPercent = decimal(block.get("concentrationPercent"));
        form.block.volumeMl = decimal(block.get("volumeMl"));
        form.block.adjuvant = text(block.get("adjuvant"));
        form.localAnesthetic = text(procedure.get("localAnesthetic"));
        form.sedation = text(procedure.get("sedation"));
        form.painBefore = whole(procedure.get("painBefore"));
        form.painAfter = whole(procedure.get("painAfter"));
        form.notes = text(procedure.get("notes"));
        if (form.targets.isEmpty()) {
            form.targets.add(new Target());
        }
        if (form.cryo.cycles.isEmpty()) {
            form.cryo.cycles.add(new Cycle());
        }
        return form;
    }

    /** The body of {@code POST /api/procedures}: what was filled in, the chosen modality's parameters only. */
    public Map<String, Object> toNewProcedure(ZoneId zone) {
        Map<String, Object> body = details(zone);
        body.put("adverseEvents", adverseEvents.stream().map(AdverseEventFields::asRecordedWithProcedure).toList());
        put(body, "missingClearanceReason", missingClearanceReason);
        if (!notDuplicateOf.isEmpty()) {
            body.put("notDuplicateOf", notDuplicateOf);
        }
        return body;
    }

    /** The body of {@code PUT /api/procedures/{id}}: the corrected record and why (adverse events have their own calls). */
    public Map<String, Object> toAmendment(ZoneId zone) {
        Map<String, Object> body = details(zone);
        put(body, "amendmentReason", amendmentReason);
        return body;
    }

    /** The body of {@code POST /api/procedures/warnings}: the draft as it stands, judged on what it has. */
    public Map<String, Object> toDraft(ZoneId zone) {
        return details(zone);
    }

    private Map<String, Object> details(ZoneId zone) {
        Map<String, Object> body = new LinkedHashMap<>();
        put(body, "patientId", patientId);
        put(body, "performedAt", performedAt == null ? null : performedAt.atZone(zone).toInstant().toString());
        put(body, "modality", modality);
        put(body, "indication", indication.toApi());
        body.put("targets", targets.stream().map(Target::toApi).toList());
        put(body, "imagingGuidance", imagingGuidance);
        put(body, "device", device.toApi());
        if ("CRYONEUROLYSIS".equals(modality)) {
            body.put("cryo", cryo.toApi());
        } else if ("RADIOFREQUENCY_ABLATION".equals(modality)) {
            body.put("rfa", rfa.toApi());
        } else if ("NERVE_BLOCK".equals(modality)) {
            body.put("block", block.toApi());
        }
        put(body, "localAnesthetic", localAnesthetic);
        put(body, "sedation", sedation);
        put(body, "painBefore", painBefore);
        put(body, "painAfter", painAfter);
        put(body, "notes", notes);
        return body;
    }

    /** Whether the proceduralist ticked that this earlier record (a 409's candidate) is another case. */
    public boolean confirmedNotDuplicate(Object procedureId) {
        return procedureId != null && notDuplicateOf.stream().anyMatch(id -> id != null && id.toString().equals(procedureId.toString()));
    }

    /** The parameter block of another modality than the chosen one is not sent, so its input is not judged either. */
    public boolean sends(String field) {
        for (String block : List.of("cryo", "rfa", "block")) {
            if (field.startsWith(block + ".") && !block.equals(parametersOf(modality))) {
                return false;
            }
        }
        return true;
    }

    private static String parametersOf(String modality) {
        if (modality == null) {
            return null;
        }
        return switch (modality) {
            case "CRYONEUROLYSIS" -> "cryo";
            case "RADIOFREQUENCY_ABLATION" -> "rfa";
            case "NERVE_BLOCK" -> "block";
            default -> null;
        };
    }

    /** Leaves out what was not filled in: the API then names what is missing. */
    private static void put(Map<String, Object> body, String field, Object value) {
        if (value == null || value instanceof String text && text.isBlank()
                || value instanceof Map<?, ?> map && map.isEmpty()) {
            return;
        }
        body.put(field, value);
    }

    private static String text(Object value) {
        return value == null ? null : String.valueOf(value);
    }

    private static BigDecimal decimal(Object value) {
        return value == null ? null : new BigDecimal(value.toString());
    }

    private static Integer whole(Object value) {
        return value instanceof Number number ? number.intValue() : null;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    private static List<?> list(Object value) {
        return value instanceof List<?> list ? list : List.of();
    }

    /** Why the patient is treated: a catalogue code and a text (required for OTHER). */
    public static class Indication {
        private String code;
        private String text;

        Map<String, Object> toApi() {
            Map<String, Object> api = new LinkedHashMap<>();
            put(api, "code", code);
            put(api, "text", text);
            return api;
        }

        public String getCode() {
            return code;
        }

        public void setCode(String code) {
            this.code = code;
        }

        public String getText() {
            return text;
        }

        public void setText(String text) {
            this.text = text;
        }
    }

    /** One treated nerve: catalogue code, side, spinal level where the nerve has levels, a description for OTHER. */
    public static class Target {
        private String nerve;
        private String laterality;
        private String level;
        private String description;

        public Target() {
        }

        Target(String nerve, String laterality, String level, String description) {
            this.nerve = nerve;
            this.laterality = laterality;
            this.level = level;
            this.description = description;
        }

        Map<String, Object> toApi() {
            Map<String, Object> api = new LinkedHashMap<>();
            put(api, "nerve", nerve);
            put(api, "laterality", laterality);
            put(api, "level", level);
            put(api, "description", description);
            return api;
        }

        public String getNerve() {
            return nerve;
        }

        public void setNerve(String nerve) {
            this.nerve = nerve;
        }

        public String getLaterality() {
            return laterality;
        }

        public void setLaterality(String laterality) {
            this.laterality = laterality;
        }

        public String getLevel() {
            return level;
        }

        public void setLevel(String level) {
            this.level = level;
        }

        public String getDescription() {
            return description;
        }

        public void setDescription(String description) {
            this.description = description;
        }
    }

    /** The probe or electrode. */
    public static class Device {
        private String model;
        private String gauge;

        Map<String, Object> toApi() {
            Map<String, Object> api = new LinkedHashMap<>();
            put(api, "model", model);
            put(api, "gauge", gauge);
            return api;
        }

        public String getModel() {
            return model;
        }

        public void setModel(String model) {
            this.model = model;
        }

        public String getGauge() {
            return gauge;
        }

        public void setGauge(String gauge) {
            this.gauge = gauge;
        }
    }

    /** Cryoneurolysis: probe temperature, the freeze cycles, the thaw, whether the ice ball was seen. */
    public static class Cryo {
        private BigDecimal probeTemperatureCelsius;
        private List<Cycle> cycles = new ArrayList<>();
        private Integer thawSeconds;
        private Boolean iceBallVisualized;

        Map<String, Object> toApi() {
            Map<String, Object> api = new LinkedHashMap<>();
            put(api, "probeTemperatureCelsius", probeTemperatureCelsius);
            api.put("cycles", cycles.stream().map(Cycle::toApi).toList());
            put(api, "thawSeconds", thawSeconds);
            put(api, "iceBallVisualized", iceBallVisualized);
            return api;
        }

        public BigDecimal getProbeTemperatureCelsius() {
            return probeTemperatureCelsius;
        }

        public void setProbeTemperatureCelsius(BigDecimal probeTemperatureCelsius) {
            this.probeTemperatureCelsius = probeTemperatureCelsius;
        }

        public List<Cycle> getCycles() {
            return cycles;
        }

        public void setCycles(List<Cycle> cycles) {
            this.cycles = cycles;
        }

        public Integer getThawSeconds() {
            return thawSeconds;
        }

        public void setThawSeconds(Integer thawSeconds) {
            this.thawSeconds = thawSeconds;
        }

        public Boolean getIceBallVisualized() {
            return iceBallVisualized;
        }

        public void setIceBallVisualized(Boolean iceBallVisualized) {
            this.iceBallVisualized = iceBallVisualized;
        }
    }

    /** One freeze. */
    public static class Cycle {
        private Integer seconds;

        public Cycle() {
        }

        Cycle(Integer seconds) {
            this.seconds = seconds;
        }

        Map<String, Object> toApi() {
            Map<String, Object> api = new LinkedHashMap<>();
            put(api, "seconds", seconds);
            return api;
        }

        public Integer getSeconds() {
            return seconds;
        }

        public void setSeconds(Integer seconds) {
            this.seconds = seconds;
        }
    }

    /** Radiofrequency ablation: variant, lesion temperature, seconds per lesion, lesions. */
    public static class Rfa {
        private String variant;
        private BigDecimal lesionTemperatureCelsius;
        private Integer secondsPerLesion;
        private Integer lesionCount;

        Map<String, Object> toApi() {
            Map<String, Object> api = new LinkedHashMap<>();
            put(api, "variant", variant);
            put(api, "lesionTemperatureCelsius", lesionTemperatureCelsius);
            put(api, "secondsPerLesion", secondsPerLesion);
            put(api, "lesionCount", lesionCount);
            return api;
        }

        public String getVariant() {
            return variant;
        }

        public void setVariant(String variant) {
            this.variant = variant;
        }

        public BigDecimal getLesionTemperatureCelsius() {
            return lesionTemperatureCelsius;
        }

        public void setLesionTemperatureCelsius(BigDecimal lesionTemperatureCelsius) {
            this.lesionTemperatureCelsius = lesionTemperatureCelsius;
        }

        public Integer getSecondsPerLesion() {
            return secondsPerLesion;
        }

        public void setSecondsPerLesion(Integer secondsPerLesion) {
            this.secondsPerLesion = secondsPerLesion;
        }

        public Integer getLesionCount() {
            return lesionCount;
        }

        public void setLesionCount(Integer lesionCount) {
            this.lesionCount = lesionCount;
        }
    }

    /** Nerve block: purpose, agent, concentration, volume, any adjuvant. */
    public static class Block {
        private String purpose;
        private String agent;
        private BigDecimal concentrationPercent;
        private BigDecimal volumeMl;
        private String adjuvant;

        Map<String, Object> toApi() {
            Map<String, Object> api = new LinkedHashMap<>();
            put(api, "purpose", purpose);
            put(api, "agent", agent);
            put(api, "concentrationPercent", concentrationPercent);
            put(api, "volumeMl", volumeMl);
            put(api, "adjuvant", adjuvant);
            return api;
        }

        public String getPurpose() {
            return purpose;
        }

        public void setPurpose(String purpose) {
            this.purpose = purpose;
        }

        public String getAgent() {
            return agent;
        }

        public void setAgent(String agent) {
            this.agent = agent;
        }

        public BigDecimal getConcentrationPercent() {
            return concentrationPercent;
        }

        public void setConcentrationPercent(BigDecimal concentrationPercent) {
            this.concentrationPercent = concentrationPercent;
        }

        public BigDecimal getVolumeMl() {
            return volumeMl;
        }

        public void setVolumeMl(BigDecimal volumeMl) {
            this.volumeMl = volumeMl;
        }

        public String getAdjuvant() {
            return adjuvant;
        }

        public void setAdjuvant(String adjuvant) {
            this.adjuvant = adjuvant;
        }
    }

    public String getIdempotencyKey() {
        return idempotencyKey;
    }

    public void setIdempotencyKey(String idempotencyKey) {
        this.idempotencyKey = idempotencyKey;
    }

    public UUID getPatientId() {
        return patientId;
    }

    public void setPatientId(UUID patientId) {
        this.patientId = patientId;
    }

    public LocalDateTime getPerformedAt() {
        return performedAt;
    }

    public void setPerformedAt(LocalDateTime performedAt) {
        this.performedAt = performedAt;
    }

    public String getModality() {
        return modality;
    }

    public void setModality(String modality) {
        this.modality = modality;
    }

    public Indication getIndication() {
        return indication;
    }

    public void setIndication(Indication indication) {
        this.indication = indication;
    }

    public List<Target> getTargets() {
        return targets;
    }

    public void setTargets(List<Target> targets) {
        this.targets = targets;
    }

    public String getImagingGuidance() {
        return imagingGuidance;
    }

    public void setImagingGuidance(String imagingGuidance) {
        this.imagingGuidance = imagingGuidance;
    }

    public Device getDevice() {
        return device;
    }

    public void setDevice(Device device) {
        this.device = device;
    }

    public Cryo getCryo() {
        return cryo;
    }

    public void setCryo(Cryo cryo) {
        this.cryo = cryo;
    }

    public Rfa getRfa() {
        return rfa;
    }

    public void setRfa(Rfa rfa) {
        this.rfa = rfa;
    }

    public Block getBlock() {
        return block;
    }

    public void setBlock(Block block) {
        this.block = block;
    }

    public String getLocalAnesthetic() {
        return localAnesthetic;
    }

    public void setLocalAnesthetic(String localAnesthetic) {
        this.localAnesthetic = localAnesthetic;
    }

    public String getSedation() {
        return sedation;
    }

    public void setSedation(String sedation) {
        this.sedation = sedation;
    }

    public Integer getPainBefore() {
        return painBefore;
    }

    public void setPainBefore(Integer painBefore) {
        this.painBefore = painBefore;
    }

    public Integer getPainAfter() {
        return painAfter;
    }

    public void setPainAfter(Integer painAfter) {
        this.painAfter = painAfter;
    }

    public String getNotes() {
        return notes;
    }

    public void setNotes(String notes) {
        this.notes = notes;
    }

    public List<AdverseEventFields> getAdverseEvents() {
        return adverseEvents;
    }

    public void setAdverseEvents(List<AdverseEventFields> adverseEvents) {
        this.adverseEvents = adverseEvents;
    }

    public String getMissingClearanceReason() {
        return missingClearanceReason;
    }

    public void setMissingClearanceReason(String missingClearanceReason) {
        this.missingClearanceReason = missingClearanceReason;
    }

    public List<UUID> getNotDuplicateOf() {
        return notDuplicateOf;
    }

    public void setNotDuplicateOf(List<UUID> notDuplicateOf) {
        this.notDuplicateOf = notDuplicateOf;
    }

    public String getAmendmentReason() {
        return amendmentReason;
    }

    public void setAmendmentReason(String amendmentReason) {
        this.amendmentReason = amendmentReason;
    }

    public String getIfMatch() {
        return ifMatch;
    }

    public void setIfMatch(String ifMatch) {
        this.ifMatch = ifMatch;
    }

    public String getOverVersion() {
        return overVersion;
    }

    public void setOverVersion(String overVersion) {
        this.overVersion = overVersion;
    }
}
