package org.clinictracker.web.desk;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

import org.clinictracker.web.terms.ClinicalTerms;
import org.springframework.validation.Errors;

/**
 * A patient's chart details as the front desk types them (registration and correction share them): every value
 * as typed, so a refused form comes back exactly as the clerk left it, even "abc" in a number field. Inputs are
 * named as the API names its fields ({@code address.city}). {@link #check} is the web app's own judgement (what
 * does not even parse); {@link #toApiBody} gives the API the rest to judge.
 */
public class PatientDetailsForm {

    private static final Pattern WHOLE_NUMBER = Pattern.compile("[0-9]{1,9}");
    private static final Pattern DECIMAL = Pattern.compile("[0-9]{1,9}([.,][0-9]{1,6})?");
    private static final Pattern ISO_DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");

    /** The fields a person reads when two versions are compared, in the form's order. */
    static final Map<String, String> LABELS = labels();

    private String givenName;
    private String familyName;
    private String birthDate;
    private String sex;
    private String phone;
    private String email;
    private String preferredLanguage;
    private AddressForm address = new AddressForm();
    private EmergencyContactForm emergencyContact = new EmergencyContactForm();
    private InsuranceForm insurance = new InsuranceForm();
    private String referringClinician;
    private IndicationForm indication = new IndicationForm();
    private String painLocation;
    private String laterality;
    private String painDurationMonths;
    private String baselinePainScore;
    private String opioidMmePerDay;
    private String anticoagulated;
    private List<String> currentTherapies = new ArrayList<>();
    private List<String> notDuplicateOf = new ArrayList<>();

    /** What the web app refuses itself, beside the field: values that are not numbers or dates at all. */
    void check(Errors errors) {
        date(errors, "birthDate", birthDate);
        wholeNumber(errors, "painDurationMonths", painDurationMonths, "must be a whole number of months, e.g. 6");
        wholeNumber(errors, "baselinePainScore", baselinePainScore, "must be a whole number from 0 to 10");
        if (present(opioidMmePerDay) && !DECIMAL.matcher(opioidMmePerDay.trim()).matches()) {
            errors.rejectValue("opioidMmePerDay", "number", "must be a number of milligrams, e.g. 30 or 7.5");
        }
        yesOrNo(errors, "anticoagulated", anticoagulated);
    }

    /** The API's body: typed values trimmed, empty ones left out, a group (address...) only when something is in it. */
    Map<String, Object> toApiBody() {
        Map<String, Object> body = new LinkedHashMap<>();
        put(body, "givenName", givenName);
        put(body, "familyName", familyName);
        put(body, "birthDate", birthDate);
        put(body, "sex", sex);
        put(body, "phone", phone);
        put(body, "email", email);
        put(body, "preferredLanguage", preferredLanguage);
        group(body, "address", address.toApiBody());
        group(body, "emergencyContact", emergencyContact.toApiBody());
        group(body, "insurance", insurance.toApiBody());
        put(body, "referringClinician", referringClinician);
        group(body, "indication", indication.toApiBody());
        put(body, "painLocation", painLocation);
        put(body, "laterality", laterality);
        if (present(painDurationMonths)) {
            body.put("painDurationMonths", Integer.valueOf(painDurationMonths.trim()));
        }
        if (present(baselinePainScore)) {
            body.put("baselinePainScore", Integer.valueOf(baselinePainScore.trim()));
        }
        if (present(opioidMmePerDay)) {
            body.put("opioidMmePerDay", new BigDecimal(opioidMmePerDay.trim().replace(',', '.')));
        }
        if (present(anticoagulated)) {
            body.put("anticoagulated", Boolean.valueOf(anticoagulated.trim()));
        }
        List<String> therapies = currentTherapies.stream().filter(PatientDetailsForm::present).map(String::trim).toList();
        if (!therapies.isEmpty()) {
            body.put("currentTherapies", therapies);
        }
        List<String> confirmedOthers = confirmedOthers();
        if (!confirmedOthers.isEmpty()) {
            body.put("notDuplicateOf", confirmedOthers);
        }
        return body;
    }

    /**
     * The charts the clerk confirmed to be someone else (the API's duplicate check then lets these details be saved
     * beside them); anything that is not a chart's id is no confirmation.
     */
    public List<String> confirmedOthers() {
        return notDuplicateOf.stream().filter(PatientDetailsForm::isUuid).distinct().toList();
    }

    /** What a duplicate decision carries in hidden inputs, so no keystroke of the form is lost. */
    public List<Map.Entry<String, String>> carriedValues() {
        List<Map.Entry<String, String>> values = new ArrayList<>(typedValues());
        confirmedOthers().forEach(id -> values.add(Map.entry("notDuplicateOf", id)));
        return values;
    }

    private static boolean isUuid(String value) {
        try {
            return value != null && java.util.UUID.fromString(value.trim()).toString().equalsIgnoreCase(value.trim());
        } catch (IllegalArgumentException notAnId) {
            return false;
        }
    }

    /** This form filled with a chart as the API answers it ({@code GET /api/patients/{id}}). */
    @SuppressWarnings("unchecked")
    <F extends PatientDetailsForm> F fillFrom(Map<String, Object> patient) {
        givenName = text(patient.get("givenName"));
        familyName = text(patient.get("familyName"));
        birthDate = text(patient.get("birthDate"));
        sex = text(patient.get("sex"));
        phone = text(patient.get("phone"));
        email = text(patient.get("email"));
        preferredLanguage = text(patient.get("preferredLanguage"));
        Map<String, Object> a = map(patient.get("address"));
        address.line1 = text(a.get("line1"));
        address.line2 = text(a.get("line2"));
        address.city = text(a.get("city"));
        address.region = text(a.get("region"));
        address.postalCode = text(a.get("postalCode"));
        address.country = text(a.get("country"));
        Map<String, Object> e = map(patient.get("emergencyContact"));
        emergencyContact.name = text(e.get("name"));
        emergencyContact.phone = text(e.get("phone"));
        emergencyContact.relationship = text(e.get("relationship"));
        Map<String, Object> i = map(patient.get("insurance"));
        insurance.payer = text(i.get("payer"));
        insurance.memberId = text(i.get("memberId"));
        referringClinician = text(patient.get("referringClinician"));
        Map<String, Object> ind = map(patient.get("indication"));
        indication.code = text(ind.get("code"));
        indication.text = text(ind.get("text"));
        painLocation = text(patient.get("painLocation"));
        laterality = text(patient.get("laterality"));
        painDurationMonths = text(patient.get("painDurationMonths"));
        baselinePainScore = text(patient.get("baselinePainScore"));
        opioidMmePerDay = patient.get("opioidMmePerDay") instanceof Number mme
                ? new BigDecimal(mme.toString()).stripTrailingZeros().toPlainString() : text(patient.get("opioidMmePerDay"));
        anticoagulated = text(patient.get("anticoagulated"));
        currentTherapies = patient.get("currentTherapies") instanceof List<?> list
                ? new ArrayList<>(list.stream().map(String::valueOf).toList()) : new ArrayList<>();
        return (F) this;
    }

    /** Every value typed, as the form's inputs name them (one entry per ticked therapy): for hidden inputs. */
    List<Map.Entry<String, String>> typedValues() {
        List<Map.Entry<String, String>> values = new ArrayList<>();
        Map<String, String> single = new LinkedHashMap<>();
        single.put("givenName", givenName);
        single.put("familyName", familyName);
        single.put("birthDate", birthDate);
        single.put("sex", sex);
        single.put("phone", phone);
        single.put("email", email);
        single.put("preferredLanguage", preferredLanguage);
        single.put("address.line1", address.line1);
        single.put("address.line2", address.line2);
        single.put("address.city", address.city);
        single.put("address.region", address.region);
        single.put("address.postalCode", address.postalCode);
        single.put("address.country", address.country);
        single.put("emergencyContact.name", emergencyContact.name);
        single.put("emergencyContact.phone", emergencyContact.phone);
        single.put("emergencyContact.relationship", emergencyContact.relationship);
        single.put("insurance.payer", insurance.payer);
        single.put("insurance.memberId", insurance.memberId);
        single.put("referringClinician", referringClinician);
        single.put("indication.code", indication.code);
        single.put("indication.text", indication.text);
        single.put("painLocation", painLocation);
        single.put("laterality", laterality);
        single.put("painDurationMonths", painDurationMonths);
        single.put("baselinePainScore", baselinePainScore);
        single.put("opioidMmePerDay", opioidMmePerDay);
        single.put("anticoagulated", anticoagulated);
        single.forEach((name, value) -> {
            if (value != null && !value.isEmpty()) {
                values.add(Map.entry(name, value));
            }
        });
        currentTherapies.stream().filter(PatientDetailsForm::present).forEach(code -> values.add(Map.entry("currentTherapies", code)));
        return values;
    }

    /** Each field as a person reads it ("Female", "Yes"), keyed as {@link #LABELS}. */
    Map<String, String> readable(ClinicalTerms terms) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("givenName", givenName);
        values.put("familyName", familyName);
        values.put("birthDate", birthDate);
        values.put("sex", terms.of(sex));
        values.put("phone", phone);
        values.put("email", email);
        values.put("preferredLanguage", preferredLanguage);
        values.put("address.line1", address.line1);
        values.put("address.line2", address.line2);
        values.put("address.city", address.city);
        values.put("address.region", address.region);
        values.put("address.postalCode", address.postalCode);
        values.put("address.country", address.country);
        values.put("emergencyContact.name", emergencyContact.name);
        values.put("emergencyContact.phone", emergencyContact.phone);
        values.put("emergencyContact.relationship", emergencyContact.relationship);
        values.put("insurance.payer", insurance.payer);
        values.put("insurance.memberId", insurance.memberId);
        values.put("referringClinician", referringClinician);
        values.put("indication.code", terms.of(indication.code));
        values.put("indication.text", indication.text);
        values.put("painLocation", painLocation);
        values.put("laterality", terms.of(laterality));
        values.put("painDurationMonths", painDurationMonths);
        values.put("baselinePainScore", baselinePainScore);
        values.put("opioidMmePerDay", opioidMmePerDay);
        values.put("anticoagulated", "true".equals(anticoagulated) ? "Yes" : "false".equals(anticoagulated) ? "No" : null);
        values.put("currentTherapies", String.join(", ",
                currentTherapies.stream().filter(PatientDetailsForm::present).map(terms::of).toList()));
        values.replaceAll((field, value) -> blankToNull(value == null ? null : value.trim()));
        return values;
    }

    /** Where this form and {@code other} say different things, field by field. */
    List<Difference> differencesFrom(PatientDetailsForm other, ClinicalTerms terms) {
        Map<String, String> mine = readable(terms);
        Map<String, String> theirs = other.readable(terms);
        List<Difference> differences = new ArrayList<>();
        LABELS.forEach((field, label) -> {
            if (!Objects.equals(mine.get(field), theirs.get(field))) {
                differences.add(new Difference(field, label, theirs.get(field), mine.get(field)));
            }
        });
        return differences;
    }

    /** One field two versions disagree on: {@code stored} is what the chart holds now, {@code typed} the clerk's. */
    public record Difference(String field, String label, String stored, String typed) {
    }

    private static Map<String, String> labels() {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("givenName", "Given name");
        labels.put("familyName", "Family name");
        labels.put("birthDate", "Date of birth");
        labels.put("sex", "Sex");
        labels.put("phone", "Phone");
        labels.put("email", "Email");
        labels.put("preferredLanguage", "Preferred language");
        labels.put("address.line1", "Address line 1");
        labels.put("address.line2", "Address line 2");
        labels.put("address.city", "City");
        labels.put("address.region", "Region");
        labels.put("address.postalCode", "Postal code");
        labels.put("address.country", "Country");
        labels.put("emergencyContact.name", "Emergency contact name");
        labels.put("emergencyContact.phone", "Emergency contact phone");
        labels.put("emergencyContact.relationship", "Emergency contact relationship");
        labels.put("insurance.payer", "Insurance payer");
        labels.put("insurance.memberId", "Insurance member id");
        labels.put("referringClinician", "Referring clinician");
        labels.put("indication.code", "Indication");
        labels.put("indication.text", "Indication details");
        labels.put("painLocation", "Pain location");
        labels.put("laterality", "Side");
        labels.put("painDurationMonths", "Pain duration (months)");
        labels.put("baselinePainScore", "Baseline pain (0–10)");
        labels.put("opioidMmePerDay", "Opioids (MME/day)");
        labels.put("anticoagulated", "Anticoagulated");
        labels.put("currentTherapies", "Current therapies");
        return java.util.Collections.unmodifiableMap(labels);
    }

    static void date(Errors errors, String field, String value) {
        if (!present(value)) {
            return;
        }
        try {
            if (!ISO_DATE.matcher(value.trim()).matches()) {
                throw new DateTimeParseException("not ISO", value, 0);
            }
            LocalDate.parse(value.trim());
        } catch (DateTimeParseException notADate) {
            errors.rejectValue(field, "date", "must be a date as year-month-day, e.g. 1956-03-14");
        }
    }

    static void wholeNumber(Errors errors, String field, String value, String message) {
        if (present(value) && !WHOLE_NUMBER.matcher(value.trim()).matches()) {
            errors.rejectValue(field, "wholeNumber", message);
        }
    }

    /** A yes/no question's answer: "true", "false" or nothing (not known). */
    static void yesOrNo(Errors errors, String field, String value) {
        if (present(value) && !value.trim().equals("true") && !value.trim().equals("false")) {
            errors.rejectValue(field, "yesOrNo", "must be Yes, No or Not known");
        }
    }

    static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    static void put(Map<String, Object> body, String field, String value) {
        if (present(value)) {
            body.put(field, value.trim());
        }
    }

    private static void group(Map<String, Object> body, String field, Map<String, Object> group) {
        if (!group.isEmpty()) {
            body.put(field, group);
        }
    }

    private static String text(Object value) {
        return value == null ? null : String.valueOf(value);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    public static class AddressForm {
        private String line1;
        private String line2;
        private String city;
        private String region;
        private String postalCode;
        private String country;

        Map<String, Object> toApiBody() {
            Map<String, Object> body = new LinkedHashMap<>();
            put(body, "line1", line1);
            put(body, "line2", line2);
            put(body, "city", city);
            put(body, "region", region);
            put(body, "postalCode", postalCode);
            put(body, "country", country);
            return body;
        }

        public String getLine1() { return line1; }
        public void setLine1(String line1) { this.line1 = line1; }
        public String getLine2() { return line2; }
        public void setLine2(String line2) { this.line2 = line2; }
        public String getCity() { return city; }
        public void setCity(String city) { this.city = city; }
        public String getRegion() { return region; }
        public void setRegion(String region) { this.region = region; }
        public String getPostalCode() { return postalCode; }
        public void setPostalCode(String postalCode) { this.postalCode = postalCode; }
        public String getCountry() { return country; }
        public void setCountry(String country) { this.country = country; }
    }

    public static class EmergencyContactForm {
        private String name;
        private String phone;
        private String relationship;

        Map<String, Object> toApiBody() {
            Map<String, Object> body = new LinkedHashMap<>();
            put(body, "name", name);
            put(body, "phone", phone);
            put(body, "relationship", relationship);
            return body;
        }

        public String getName() { return name; }
        public void setName(String name) { this.name = name; }
        public String getPhone() { return phone; }
        public void setPhone(String phone) { this.phone = phone; }
        public String getRelationship() { return relationship; }
        public void setRelationship(String relationship) { this.relationship = relationship; }
    }

    public static class InsuranceForm {
        private String payer;
        private String memberId;

        Map<String, Object> toApiBody() {
            Map<String, Object> body = new LinkedHashMap<>();
            put(body, "payer", payer);
            put(body, "memberId", memberId);
            return body;
        }

        public String getPayer() { return payer; }
        public void setPayer(String payer) { this.payer = payer; }
        public String getMemberId() { return memberId; }
        public void setMemberId(String memberId) { this.memberId = memberId; }
    }

    public static class IndicationForm {
        private String code;
        private String text;

        /** A text without a code is sent too: the API then says the code is missing, beside the code's input. */
        Map<String, Object> toApiBody() {
            Map<String, Object> body = new LinkedHashMap<>();
            put(body, "code", code);
            put(body, "text", text);
            return body;
        }

        public String getCode() { return code; }
        public void setCode(String code) { this.code = code; }
        public String getText() { return text; }
        public void setText(String text) { this.text = text; }
    }

    public String getGivenName() { return givenName; }
    public void setGivenName(String givenName) { this.givenName = givenName; }
    public String getFamilyName() { return familyName; }
    public void setFamilyName(String familyName) { this.familyName = familyName; }
    public String getBirthDate() { return birthDate; }
    public void setBirthDate(String birthDate) { this.birthDate = birthDate; }
    public String getSex() { return sex; }
    public void setSex(String sex) { this.sex = sex; }
    public String getPhone() { return phone; }
    public void setPhone(String phone) { this.phone = phone; }
    public String getEmail() { return email; }
    public void setEmail(String email) { this.email = email; }
    public String getPreferredLanguage() { return preferredLanguage; }
    public void setPreferredLanguage(String preferredLanguage) { this.preferredLanguage = preferredLanguage; }
    public AddressForm getAddress() { return address; }
    public void setAddress(AddressForm address) { this.address = address; }
    public EmergencyContactForm getEmergencyContact() { return emergencyContact; }
    public void setEmergencyContact(EmergencyContactForm emergencyContact) { this.emergencyContact = emergencyContact; }
    public InsuranceForm getInsurance() { return insurance; }
    public void setInsurance(InsuranceForm insurance) { this.insurance = insurance; }
    public String getReferringClinician() { return referringClinician; }
    public void setReferringClinician(String referringClinician) { this.referringClinician = referringClinician; }
    public IndicationForm getIndication() { return indication; }
    public void setIndication(IndicationForm indication) { this.indication = indication; }
    public String getPainLocation() { return painLocation; }
    public void setPainLocation(String painLocation) { this.painLocation = painLocation; }
    public String getLaterality() { return laterality; }
    public void setLaterality(String laterality) { this.laterality = laterality; }
    public String getPainDurationMonths() { return painDurationMonths; }
    public void setPainDurationMonths(String painDurationMonths) { this.painDurationMonths = painDurationMonths; }
    public String getBaselinePainScore() { return baselinePainScore; }
    public void setBaselinePainScore(String baselinePainScore) { this.baselinePainScore = baselinePainScore; }
    public String getOpioidMmePerDay() { return opioidMmePerDay; }
    public void setOpioidMmePerDay(String opioidMmePerDay) { this.opioidMmePerDay = opioidMmePerDay; }
    public String getAnticoagulated() { return anticoagulated; }
    public void setAnticoagulated(String anticoagulated) { this.anticoagulated = anticoagulated; }
    public List<String> getNotDuplicateOf() { return notDuplicateOf; }
    public void setNotDuplicateOf(List<String> notDuplicateOf) {
        this.notDuplicateOf = notDuplicateOf == null ? new ArrayList<>() : notDuplicateOf;
    }
    public List<String> getCurrentTherapies() { return currentTherapies; }
    public void setCurrentTherapies(List<String> currentTherapies) {
        this.currentTherapies = currentTherapies == null ? new ArrayList<>() : currentTherapies;
    }
}
