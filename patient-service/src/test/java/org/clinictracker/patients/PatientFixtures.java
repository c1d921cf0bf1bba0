package org.clinictracker.patients;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Registration bodies as the front desk would send them. Every test patient gets a family name no
 * other test uses, so suites can run again and again on the same database.
 */
public final class PatientFixtures {

    private PatientFixtures() {
    }

    /** Letters only, e.g. "Zqkwmrtbpa": normalisation keeps it one word. */
    public static String uniqueFamilyName() {
        StringBuilder name = new StringBuilder("Zq");
        for (int i = 0; i < 10; i++) {
            name.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
        }
        return name.toString();
    }

    public static Map<String, Object> registration(String givenName, String familyName) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("givenName", givenName);
        body.put("familyName", familyName);
        body.put("birthDate", "1961-04-17");
        body.put("sex", "FEMALE");
        body.put("phone", "+1 555 0100");
        body.put("email", "patient@example.org");
        body.put("address", Map.of("line1", "12 Harbour Road", "city", "Porto", "postalCode", "4000-123", "country", "PT"));
        body.put("preferredLanguage", "pt-PT");
        body.put("emergencyContact", Map.of("name", "Rui Silva", "phone", "+351 900 000 000", "relationship", "spouse"));
        body.put("insurance", Map.of("payer", "Acme Health", "memberId", "AH-778812"));
        body.put("referringClinician", "Dr. Ana Costa");
        body.put("indication", Map.of("code", "KNEE_OSTEOARTHRITIS", "text", "Right knee, Kellgren-Lawrence 3"));
        body.put("painLocation", "right knee");
        body.put("laterality", "RIGHT");
        body.put("painDurationMonths", 18);
        body.put("baselinePainScore", 7);
        body.put("opioidMmePerDay", 15);
        body.put("anticoagulated", false);
        body.put("currentTherapies", List.of("PHYSICAL_THERAPY", "NSAID"));
        return body;
    }

    public static Map<String, Object> registration(String familyName) {
        return registration("Maria", familyName);
    }

    public static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
        Map<String, Object> changed = new LinkedHashMap<>(body);
        changed.put(field, value);
        return changed;
    }

    public static Map<String, Object> without(Map<String, Object> body, String field) {
        Map<String, Object> changed = new LinkedHashMap<>(body);
        changed.remove(field);
        return changed;
    }

    public static Map<String, Object> eligibleScreeningAnswers() {
        Map<String, Object> answers = new LinkedHashMap<>();
        answers.put("chronicPainMonths", 18);
        answers.put("peripheralNerveDistribution", true);
        answers.put("refractoryToMedication", true);
        answers.put("refractoryToPhysicalTherapy", true);
        answers.put("activeInfection", false);
        answers.put("coagulopathy", false);
        answers.put("severePeripheralVascularDisease", false);
        answers.put("coldIntolerance", false);
        return answers;
    }

    public static List<Object> listOf(Object... values) {
        return new ArrayList<>(List.of(values));
    }
}
