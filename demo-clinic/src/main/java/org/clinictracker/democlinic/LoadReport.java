package org.clinictracker.democlinic;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What one run of the seed added, and which demo patients it found already there. */
public final class LoadReport {

    private final List<String> added = new ArrayList<>();
    private final List<String> alreadyThere = new ArrayList<>();
    private final List<String> failures = new ArrayList<>();
    private final Map<String, Integer> screenings = new TreeMap<>();
    private final Map<String, Integer> procedures = new TreeMap<>();
    private final Map<String, Integer> decisions = new TreeMap<>();
    private int repeats;
    private int outcomes;
    private int complications;

    synchronized void patientAdded(String name, String mrn, int procedureCount) {
        added.add(mrn + " " + name + " (" + procedureCount + (procedureCount == 1 ? " procedure)" : " procedures)"));
    }

    synchronized void alreadyThere(String name) {
        alreadyThere.add(name);
    }

    synchronized void failed(String what) {
        failures.add(what);
    }

    synchronized void screened(String result) {
        screenings.merge(result, 1, Integer::sum);
    }

    synchronized void procedure(String modality, int treatmentNumber) {
        procedures.merge(modality, 1, Integer::sum);
        if (treatmentNumber > 1) {
            repeats++;
        }
    }

    synchronized void outcome() {
        outcomes++;
    }

    synchronized void complication() {
        complications++;
    }

    synchronized void decision(String action) {
        decisions.merge(action, 1, Integer::sum);
    }

    public synchronized int patientsAdded() {
        return added.size();
    }

    public synchronized int patientsAlreadyThere() {
        return alreadyThere.size();
    }

    public synchronized List<String> failures() {
        return List.copyOf(failures);
    }

    public synchronized Map<String, Integer> proceduresByModality() {
        return Map.copyOf(procedures);
    }

    public synchronized int outcomes() {
        return outcomes;
    }

    /** What a person reads at the end of {@code ./clinic seed}. */
    public synchronized String summary() {
        StringBuilder text = new StringBuilder();
        if (added.isEmpty() && failures.isEmpty()) {
            text.append("The demo clinic is already loaded (").append(alreadyThere.size())
                    .append(" demo patients found by the duplicate check); nothing was added.\n")
                    .append("To load it afresh, start from empty databases.\n");
            return text.toString();
        }
        text.append("Demo clinic loaded: ").append(added.size()).append(" patients");
        if (!alreadyThere.isEmpty()) {
            text.append(" (").append(alreadyThere.size()).append(" already there, left as they were: ")
                    .append(String.join(", ", alreadyThere)).append(")");
        }
        text.append("\n  screenings ").append(screenings)
                .append("\n  procedures ").append(procedures).append(", of which ").append(repeats).append(" repeat treatments")
                .append("\n  follow-up outcomes ").append(outcomes).append(", complications ").append(complications)
                .append(", decisions on repeat candidates ").append(decisions).append('\n');
        added.stream().sorted().forEach(line -> text.append("  ").append(line).append('\n'));
        if (!failures.isEmpty()) {
            text.append("FAILED for ").append(failures.size()).append(" patients:\n");
            failures.forEach(line -> text.append("  ").append(line).append('\n'));
        }
        return text.toString();
    }
}
