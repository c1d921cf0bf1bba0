package org.clinictracker.followups.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;

import org.clinictracker.followups.fhir.FollowUpWords;
import org.clinictracker.followups.plan.ClinicCalendar;
import org.clinictracker.platform.problem.ProblemException;
import org.clinictracker.vocabulary.Indication;
import org.clinictracker.vocabulary.Modality;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The outcome report: the procedures in scope aggregated by PostgreSQL into cells (modality × indication ×
 * targets), which Java adds up into the groups (overall, per modality, indication and target nerve). The report shows no patient, only counts and estimates over groups, so unlike the
 * worklist it writes no audit entry (the audit trail is kept per patient, and no patient's data is shown).
 */
@Service
public class OutcomeReports {

    static final String NO_INDICATION = "NONE";

    private final ReportedProcedures procedures;
    private final ClinicCalendar calendar;

    OutcomeReports(ReportedProcedures procedures, ClinicCalendar calendar) {
        this.procedures = procedures;
        this.calendar = calendar;
    }

    /** One snapshot (repeatable read): the cells and their adverse events are read in two queries. */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public OutcomeReport report(ReportScope scope) {
        if (scope.from() != null && scope.to() != null && scope.from().isAfter(scope.to())) {
            throw ProblemException.invalidField("from", "must not be after to");
        }
        List<ReportCell> all = procedures.inScope(scope, calendar.today());
        OutcomeGroup overall = GroupTally.of("ALL", "ALL", "All procedures in scope", all, published(all, scope));

        List<OutcomeGroup> byModality = new ArrayList<>();
        groups(all, cell -> List.of(cell.modality()), Comparator.<Modality>naturalOrder()).forEach((modality, group) ->
                byModality.add(GroupTally.of("MODALITY", modality.name(), label(modality), group, published(group, scope))));

        List<OutcomeGroup> byIndication = new ArrayList<>();
        groups(all, cell -> List.of(cell.indication()), OutcomeReports::indicationOrder)
                .forEach((code, group) -> byIndication.add(GroupTally.of("INDICATION", code, indicationLabel(code),
                        group, published(group, scope))));

        // a procedure with two nerves counts under each: its cell is in both groups
        List<OutcomeGroup> byNerve = new ArrayList<>();
        groups(all, ReportCell::nerves, Comparator.<String>naturalOrder()).forEach((nerve, group) ->
                byNerve.add(GroupTally.of("NERVE", nerve, FollowUpWords.inWords(nerve), group, published(group, scope))));

        return new OutcomeReport(scope, calendar.now(), overall, List.copyOf(byModality), List.copyOf(byIndication),
                List.copyOf(byNerve));
    }

    /** The source's figures for a group all of one modality and/or one indication (empty: the scope's filters). */
    private static List<PublishedFigure> published(List<ReportCell> group, ReportScope scope) {
        if (group.isEmpty()) {
            return PublishedOutcomes.applying(scope.modality(),
                    scope.indication() == null ? null : scope.indication().name());
        }
        Modality modality = group.get(0).modality();
        String indication = group.get(0).indication();
        for (ReportCell cell : group) {
            modality = cell.modality() == modality ? modality : null;
            indication = Objects.equals(cell.indication(), indication) ? indication : null;
        }
        return PublishedOutcomes.applying(modality, indication);
    }

    /** The cells of each key (a cell may have several, as it may have several nerves), keys in order. */
    private static <K> Map<K, List<ReportCell>> groups(List<ReportCell> cells,
            Function<ReportCell, List<K>> keys, Comparator<K> order) {
        Map<K, List<ReportCell>> groups = new TreeMap<>(order);
        for (ReportCell cell : cells) {
            for (K key : keys.apply(cell)) {
                groups.computeIfAbsent(key, k -> new ArrayList<>()).add(cell);
            }
        }
        return groups;
    }

    static String label(Modality modality) {
        return switch (modality) {
            case CRYONEUROLYSIS -> "Cryoneurolysis";
            case RADIOFREQUENCY_ABLATION -> "Radiofrequency ablation";
            case NERVE_BLOCK -> "Nerve block";
        };
    }

    /** The catalogue's words; a code the catalogue no longer has stands for itself. */
    static String indicationLabel(String code) {
        if (NO_INDICATION.equals(code)) {
            return "No indication recorded";
        }
        return indication(code).map(Indication::label).orElse(code);
    }

    /** The catalogue's order, then codes it does not know (alphabetically), then procedures without one. */
    private static int indicationOrder(String a, String b) {
        return Comparator.<String>comparingInt(code -> NO_INDICATION.equals(code) ? 2 : indication(code).isPresent() ? 0 : 1)
                .thenComparingInt(code -> indication(code).map(Enum::ordinal).orElse(0))
                .thenComparing(Comparator.naturalOrder())
                .compare(a, b);
    }

    private static java.util.Optional<Indication> indication(String code) {
        for (Indication indication : Indication.values()) {
            if (indication.name().equals(code)) {
                return java.util.Optional.of(indication);
            }
        }
        return java.util.Optional.empty();
    }
}
