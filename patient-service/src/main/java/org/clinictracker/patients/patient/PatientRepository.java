package org.clinictracker.patients.patient;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.clinictracker.platform.paging.PageRequest;
import org.clinictracker.vocabulary.Indication;
import org.clinictracker.vocabulary.Laterality;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;
import org.clinictracker.vocabulary.IndicationEntry;

/** Charts in table {@code patient}. Nested intake parts (address, contacts, insurance) are stored as JSON. */
@Repository
public class PatientRepository {

    private static final String COLUMNS = """
            id, mrn, version, given_name, family_name, birth_date, sex, phone, email, address, preferred_language,
            emergency_contact, insurance, referring_clinician, indication_code, indication_text, pain_location,
            laterality, pain_duration_months, baseline_pain_score, opioid_mme_per_day, anticoagulated,
            current_therapies, registered_at, registered_by, updated_at, updated_by""";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    public PatientRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public long nextMrnNumber() {
        return jdbc.sql("SELECT nextval('patient_mrn_seq')").query(Long.class).single();
    }

    /** Serialises registrations of possibly the same person, so two clerks cannot both miss each other's chart. */
    public void lockDuplicateKey(String duplicateKey, LocalDate birthDate) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtext(?))").param(duplicateKey + "|" + birthDate).query().singleRow();
    }

    public List<Patient> findByDuplicateKey(String duplicateKey, LocalDate birthDate) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM patient WHERE duplicate_key = ? AND birth_date = ? ORDER BY mrn")
                .param(duplicateKey).param(birthDate).query(this::mapRow).list();
    }

    public Optional<Patient> findById(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM patient WHERE id = ?").param(id).query(this::mapRow).optional();
    }

    /** Every chart, in MRN order: for publishing them all once more ({@code ChartRepublication}). */
    public List<Patient> findAll() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM patient ORDER BY mrn").query(this::mapRow).list();
    }

    public void insert(Patient patient) {
        PatientDetails d = patient.details();
        jdbc.sql("""
                INSERT INTO patient (id, mrn, version, given_name, family_name, duplicate_key, name_words, birth_date, sex,
                    phone, email, address, preferred_language, emergency_contact, insurance, referring_clinician,
                    indication_code, indication_text, pain_location, laterality, pain_duration_months,
                    baseline_pain_score, opioid_mme_per_day, anticoagulated, current_therapies,
                    registered_at, registered_by, updated_at, updated_by)
                VALUES (:id, :mrn, :version, :givenName, :familyName, :duplicateKey, :nameWords, :birthDate, :sex,
                    :phone, :email, CAST(:address AS jsonb), :preferredLanguage, CAST(:emergencyContact AS jsonb),
                    CAST(:insurance AS jsonb), :referringClinician, :indicationCode, :indicationText, :painLocation,
                    :laterality, :painDurationMonths, :baselinePainScore, :opioidMmePerDay, :anticoagulated,
                    CAST(:currentTherapies AS jsonb), :registeredAt, :registeredBy, :updatedAt, :updatedBy)""")
                .params(parameters(patient, d))
                .update();
    }

    /** Writes the new version only if nobody changed the chart since {@code expectedVersion}; false if someone did. */
    public boolean update(Patient patient, int expectedVersion) {
        PatientDetails d = patient.details();
        var params = parameters(patient, d);
        params.put("expectedVersion", expectedVersion);
        int rows = jdbc.sql("""
                UPDATE patient SET version = :version, given_name = :givenName, family_name = :familyName,
                    duplicate_key = :duplicateKey, name_words = :nameWords, birth_date = :birthDate, sex = :sex,
                    phone = :phone, email = :email, address = CAST(:address AS jsonb),
                    preferred_language = :preferredLanguage, emergency_contact = CAST(:emergencyContact AS jsonb),
                    insurance = CAST(:insurance AS jsonb), referring_clinician = :referringClinician,
                    indication_code = :indicationCode, indication_text = :indicationText, pain_location = :painLocation,
                    laterality = :laterality, pain_duration_months = :painDurationMonths,
                    baseline_pain_score = :baselinePainScore, opioid_mme_per_day = :opioidMmePerDay,
                    anticoagulated = :anticoagulated, current_therapies = CAST(:currentTherapies AS jsonb),
                    updated_at = :updatedAt, updated_by = :updatedBy
                WHERE id = :id AND version = :expectedVersion""")
                .params(params)
                .update();
        return rows == 1;
    }

    public record SearchCriteria(String mrn, List<String> nameWords, LocalDate birthDate, PatientSort sort) {
    }

    public List<Patient> search(SearchCriteria criteria, PageRequest page) {
        Where where = where(criteria);
        return jdbc.sql("SELECT " + COLUMNS + " FROM patient" + where.sql + " ORDER BY " + criteria.sort().orderBy()
                        + " LIMIT ? OFFSET ?")
                .params(where.params).param(page.size()).param(page.offset())
                .query(this::mapRow).list();
    }

    public long count(SearchCriteria criteria) {
        Where where = where(criteria);
        return jdbc.sql("SELECT count(*) FROM patient" + where.sql).params(where.params).query(Long.class).single();
    }

    private record Where(String sql, List<Object> params) {
    }

    /** Each typed word must start a word of the patient's name, in any order ("smi jo" finds "John Smith"). */
    private static Where where(SearchCriteria criteria) {
        List<String> conditions = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        if (criteria.mrn() != null) {
            conditions.add("mrn = ?");
            params.add(criteria.mrn());
        }
        for (String word : criteria.nameWords()) {
            conditions.add("name_words LIKE ?");
            params.add("% " + word + "%"); // normalised words hold only letters and digits: nothing to escape
        }
        if (criteria.birthDate() != null) {
            conditions.add("birth_date = ?");
            params.add(criteria.birthDate());
        }
        return new Where(conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions), params);
    }

    private Map<String, Object> parameters(Patient patient, PatientDetails d) {
        var params = new HashMap<String, Object>();
        params.put("id", patient.id());
        params.put("mrn", patient.mrn());
        params.put("version", patient.version());
        params.put("givenName", d.givenName());
        params.put("familyName", d.familyName());
        params.put("duplicateKey", NameNormalizer.duplicateKey(d.givenName(), d.familyName()));
        // Leading space lets "LIKE '% word%'" match the first word too.
        params.put("nameWords", " " + NameNormalizer.normalize(d.givenName() + " " + d.familyName()));
        params.put("birthDate", d.birthDate());
        params.put("sex", d.sex().name());
        params.put("phone", d.phone());
        params.put("email", d.email());
        params.put("address", toJson(d.address()));
        params.put("preferredLanguage", d.preferredLanguage());
        params.put("emergencyContact", toJson(d.emergencyContact()));
        params.put("insurance", toJson(d.insurance()));
        params.put("referringClinician", d.referringClinician());
        params.put("indicationCode", d.indication() == null ? null : d.indication().code().name());
        params.put("indicationText", d.indication() == null ? null : d.indication().text());
        params.put("painLocation", d.painLocation());
        params.put("laterality", d.laterality() == null ? null : d.laterality().name());
        params.put("painDurationMonths", d.painDurationMonths());
        params.put("baselinePainScore", d.baselinePainScore());
        params.put("opioidMmePerDay", d.opioidMmePerDay());
        params.put("anticoagulated", d.anticoagulated());
        params.put("currentTherapies", toJson(d.currentTherapies()));
        params.put("registeredAt", Timestamp.from(patient.registeredAt()));
        params.put("registeredBy", patient.registeredBy());
        params.put("updatedAt", Timestamp.from(patient.updatedAt()));
        params.put("updatedBy", patient.updatedBy());
        return params;
    }

    private Patient mapRow(ResultSet rs, int row) throws SQLException {
        String indicationCode = rs.getString("indication_code");
        String laterality = rs.getString("laterality");
        PatientDetails details = new PatientDetails(
                rs.getString("given_name"),
                rs.getString("family_name"),
                rs.getObject("birth_date", LocalDate.class),
                Sex.valueOf(rs.getString("sex")),
                rs.getString("phone"),
                rs.getString("email"),
                fromJson(rs.getString("address"), Address.class),
                rs.getString("preferred_language"),
                fromJson(rs.getString("emergency_contact"), EmergencyContact.class),
                fromJson(rs.getString("insurance"), Insurance.class),
                rs.getString("referring_clinician"),
                indicationCode == null ? null
                        : new IndicationEntry(Indication.valueOf(indicationCode),
                                rs.getString("indication_text")),
                rs.getString("pain_location"),
                laterality == null ? null : Laterality.valueOf(laterality),
                rs.getObject("pain_duration_months", Integer.class),
                rs.getObject("baseline_pain_score", Integer.class),
                rs.getBigDecimal("opioid_mme_per_day"),
                rs.getObject("anticoagulated", Boolean.class),
                json.readValue(rs.getString("current_therapies"), new TypeReference<List<Therapy>>() { }),
                List.of());
        return new Patient(rs.getObject("id", UUID.class), rs.getString("mrn"), rs.getInt("version"), details,
                rs.getTimestamp("registered_at").toInstant(), rs.getString("registered_by"),
                rs.getTimestamp("updated_at").toInstant(), rs.getString("updated_by"));
    }

    private String toJson(Object value) {
        return value == null ? null : json.writeValueAsString(value);
    }

    private <T> T fromJson(String value, Class<T> type) {
        return value == null ? null : json.readValue(value, type);
    }
}
