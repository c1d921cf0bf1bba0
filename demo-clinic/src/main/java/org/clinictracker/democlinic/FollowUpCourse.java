package org.clinictracker.democlinic;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the coordinator heard at each follow-up visit of one treatment, written the way a coordinator jots it down:
 * {@code "DAY_2 4, WEEK_2 3 +SKIN_DISCOLORATION, MONTH_3 2, MONTH_6 5 sensation"} is the visit label, the pain score
 * (0–10), and optionally {@code sensation} (sensation has come back) and {@code +TYPE} (a complication the patient
 * mentions, in procedure-service's vocabulary). A visit left out was not documented: it stays open, then missed.
 */
record FollowUpCourse(List<VisitReport> visits) {

    /** One documented visit. */
    record VisitReport(String label, int painScore, boolean sensationReturned, Optional<String> noticedAdverseEvent) {
    }

    static FollowUpCourse none() {
        return new FollowUpCourse(List.of());
    }

    static FollowUpCourse parse(String notation) {
        List<VisitReport> visits = new ArrayList<>();
        for (String entry : notation.split(",")) {
            String[] words = entry.trim().split("\\s+");
            if (words.length < 2 || !words[0].matches("[A-Z][A-Z0-9_]*")) {
                throw new IllegalArgumentException("'" + entry.trim() + "' is not '<VISIT_LABEL> <pain 0-10> [sensation] [+TYPE]'");
            }
            int pain = Integer.parseInt(words[1]);
            if (pain < 0 || pain > 10) {
                throw new IllegalArgumentException("pain " + pain + " in '" + entry.trim() + "' is not 0-10");
            }
            boolean sensation = false;
            Optional<String> noticed = Optional.empty();
            for (int i = 2; i < words.length; i++) {
                if (words[i].equals("sensation")) {
                    sensation = true;
                } else if (words[i].matches("\\+[A-Z_]+")) {
                    noticed = Optional.of(words[i].substring(1));
                } else {
                    throw new IllegalArgumentException("'" + words[i] + "' in '" + entry.trim() + "' is neither 'sensation' nor '+TYPE'");
                }
            }
            visits.add(new VisitReport(words[0], pain, sensation, noticed));
        }
        return new FollowUpCourse(List.copyOf(visits));
    }
}
