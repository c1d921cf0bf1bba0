package org.clinictracker.followups.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.clinictracker.vocabulary.Indication;
import org.clinictracker.vocabulary.Modality;

/**
 * The source's published outcomes (../shared/seed/cryoanalgesia-article.txt; domain.md, "Outcomes the clinic will
 * want to see"), to stand beside the clinic's own. A figure applies to a group when every procedure in it has the
 * indication or modality the source speaks of (an empty group: when the report's scope is narrowed to it), so a
 * mixed group is never compared with a figure published for part of it.
 * <p>
 * The one catalogue of them: the relief ranges are also what a responder's expected end of relief falls back on
 * ({@code relief/ExpectedReliefEnd}), so the report and the relief hint never disagree.
 */
public final class PublishedOutcomes {

    static final String PAIN_REDUCTION = "PAIN_REDUCTION";
    static final String RESPONDER_SHARE = "RESPONDER_SHARE";
    static final String RELIEF_DURATION_DAYS = "RELIEF_DURATION_DAYS";

    private static final String KNEE_SOURCE = "California Pain Institute, \"Cryoanalgesia\", on cryoneurolysis of knee "
            + "sensory nerves in knee osteoarthritis: multicenter RCTs and retrospective series";
    private static final String SOURCE = "California Pain Institute, \"Cryoanalgesia\", on cryoneurolysis";
    private static final String COMPARISON_SOURCE = "California Pain Institute, \"Cryoanalgesia\", cryoneurolysis "
            + "compared with radiofrequency ablation";

    /** Baseline minus follow-up pain, points on the 0–10 scale (the source's VAS; the clinic records NRS 0–10). */
    static final PublishedFigure KNEE_PAIN_REDUCTION = new PublishedFigure(PAIN_REDUCTION, 4.0, 5.0, "points (0-10)",
            "mean VAS reductions of 4–5 points", KNEE_SOURCE);
    /** "Up to": a ceiling, so no lower bound; as a share (0–1) like the report's responderShare. */
    static final PublishedFigure KNEE_RESPONDER_SHARE = new PublishedFigure(RESPONDER_SHARE, null, 0.70, "share",
            "≥ 50 % pain relief in up to 70 % of patients, lasting 6–12 months", KNEE_SOURCE);
    /**
     * 30-day months, as the report's windows count them. The source says "3–12 months" of analgesia wherever it
     * describes cryoneurolysis (its summary, mechanism and patients' sections; domain.md's opening too) and "6–12
     * months" only where it sets it against RFA. The wider range is the one it stands by, and the safe one for the
     * relief hint: its earliest end (day 90) books a review before the pain can return, where day 180 would come
     * after it for the patients whose relief lasts three months.
     */
    static final PublishedFigure CRYONEUROLYSIS_RELIEF = new PublishedFigure(RELIEF_DURATION_DAYS, 90.0, 360.0, "days",
            "cryoneurolysis: 3–12 months of relief (6–12 months where compared with RFA)", SOURCE);
    static final PublishedFigure RADIOFREQUENCY_RELIEF = new PublishedFigure(RELIEF_DURATION_DAYS, 90.0, 270.0, "days",
            "radiofrequency ablation: relief for 3–9 months", COMPARISON_SOURCE);

    private PublishedOutcomes() {
    }

    /** The published relief of a modality, in days (low–high), or none (nerve blocks: the source gives none). */
    public static Optional<PublishedFigure> relief(Modality modality) {
        return Optional.ofNullable(switch (modality) {
            case CRYONEUROLYSIS -> CRYONEUROLYSIS_RELIEF;
            case RADIOFREQUENCY_ABLATION -> RADIOFREQUENCY_RELIEF;
            case NERVE_BLOCK -> null;
        });
    }

    /**
     * The figures for a group whose procedures all have this one modality and this one indication's code (null
     * where the group mixes them or has none).
     */
    static List<PublishedFigure> applying(Modality modality, String indication) {
        List<PublishedFigure> figures = new ArrayList<>();
        if (Indication.KNEE_OSTEOARTHRITIS.name().equals(indication)) {
            figures.add(KNEE_PAIN_REDUCTION);
            figures.add(KNEE_RESPONDER_SHARE);
        }
        if (modality != null) {
            relief(modality).ifPresent(figures::add);
        }
        return List.copyOf(figures);
    }
}
