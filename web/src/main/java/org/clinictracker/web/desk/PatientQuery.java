package org.clinictracker.web.desk;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What the clerk typed in the one search box, read as the API's search criteria: a word shaped like an MRN
 * ({@code CT-000042-2}) searches the MRN, an ISO date ({@code 1956-03-14}) the birth date, the other words the name.
 * "Huber 1956-03-14" is both. A half-typed MRN or date is not searched as a name (it would find no one) but
 * answered with a hint to finish it.
 */
record PatientQuery(String name, String mrn, String birthDate, String hint) {

    /** The longest query the search reads (the API's name search takes 200 characters). */
    static final int MAX_LENGTH = 200;

    private static final Pattern MRN = Pattern.compile("[A-Za-z]{1,5}-\\d{6,}-\\d");
    private static final Pattern PARTIAL_MRN = Pattern.compile("[A-Za-z]{1,5}-\\d+(-\\d*)?");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern PARTIAL_DATE = Pattern.compile("\\d{1,4}(-\\d{0,2}){0,2}");

    static PatientQuery parse(String typed) {
        if (typed == null || typed.isBlank()) {
            return new PatientQuery(null, null, null, null);
        }
        if (typed.length() > MAX_LENGTH) {
            return new PatientQuery(null, null, null,
                    "That is longer than any name: type at most " + MAX_LENGTH + " characters.");
        }
        List<String> nameWords = new ArrayList<>();
        String mrn = null;
        String birthDate = null;
        String hint = null;
        for (String word : typed.trim().split("\\s+")) {
            if (MRN.matcher(word).matches()) {
                mrn = word.toUpperCase(Locale.ROOT);
            } else if (DATE.matcher(word).matches()) {
                if (isDate(word)) {
                    birthDate = word;
                } else {
                    hint = word + " is not a date: type the date of birth as year-month-day, e.g. 1956-03-14.";
                }
            } else if (PARTIAL_DATE.matcher(word).matches()) {
                hint = "Keep typing the date of birth as year-month-day, e.g. 1956-03-14.";
            } else if (PARTIAL_MRN.matcher(word).matches()) {
                hint = "Keep typing the MRN with its check digit, e.g. CT-000042-2.";
            } else {
                nameWords.add(word);
            }
        }
        if (hint != null) {
            return new PatientQuery(null, null, null, hint);
        }
        return new PatientQuery(nameWords.isEmpty() ? null : String.join(" ", nameWords), mrn, birthDate, null);
    }

    private static boolean isDate(String word) {
        try {
            LocalDate.parse(word);
            return true;
        } catch (DateTimeParseException notADate) {
            return false;
        }
    }

    /** Nothing to search for (an empty box, or only a hint to give). */
    boolean isEmpty() {
        return name == null && mrn == null && birthDate == null;
    }

    /** The API's query parameters ({@code GET /api/patients?q=&mrn=&birthDate=}); absent ones left out. */
    Map<String, Object> apiQuery(int size) {
        Map<String, Object> query = new LinkedHashMap<>();
        query.put("q", name);
        query.put("mrn", mrn);
        query.put("birthDate", birthDate);
        query.put("size", size);
        return query;
    }
}
