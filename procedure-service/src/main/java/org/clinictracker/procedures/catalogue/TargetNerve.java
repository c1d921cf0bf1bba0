package org.clinictracker.procedures.catalogue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The clinic's catalogue of nerves a procedure can target (domain.md, "Target nerves"). The code is
 * what a procedure stores in {@code targets[].nerve}; a nerve reached at several spinal levels lists
 * them, and a target on it must name one. {@link #OTHER} is any nerve outside the catalogue and needs
 * a free-text description.
 */
public enum TargetNerve {

    SUPEROMEDIAL_GENICULAR("Superomedial genicular nerve", BodyRegion.KNEE),
    SUPEROLATERAL_GENICULAR("Superolateral genicular nerve", BodyRegion.KNEE),
    INFEROMEDIAL_GENICULAR("Inferomedial genicular nerve", BodyRegion.KNEE),
    INFRAPATELLAR_BRANCH_OF_SAPHENOUS("Infrapatellar branch of the saphenous nerve", BodyRegion.KNEE),
    ANTERIOR_FEMORAL_CUTANEOUS("Anterior femoral cutaneous nerve", BodyRegion.KNEE),
    LATERAL_FEMORAL_CUTANEOUS("Lateral femoral cutaneous nerve", BodyRegion.THIGH),
    INTERCOSTAL("Intercostal nerve", BodyRegion.CHEST_WALL, levels("T", 1, 12)),
    INTERCOSTOBRACHIAL("Intercostobrachial nerve", BodyRegion.CHEST_WALL),
    LUMBAR_MEDIAL_BRANCH("Lumbar medial branch", BodyRegion.LUMBAR_SPINE, levels("L", 1, 5)),
    // The L5 facet is supplied by the L5 dorsal ramus itself, not a medial branch: its level is in its name.
    L5_DORSAL_RAMUS("L5 dorsal ramus", BodyRegion.LUMBAR_SPINE),
    CERVICAL_MEDIAL_BRANCH("Cervical medial branch", BodyRegion.CERVICAL_SPINE, levels("C", 2, 7)),
    // The superficial medial branch of C3, supplying the C2-C3 facet: a named nerve, so no level.
    THIRD_OCCIPITAL("Third occipital nerve", BodyRegion.CERVICAL_SPINE),
    GREATER_OCCIPITAL("Greater occipital nerve", BodyRegion.HEAD_AND_FACE),
    LESSER_OCCIPITAL("Lesser occipital nerve", BodyRegion.HEAD_AND_FACE),
    SUPRAORBITAL("Supraorbital nerve", BodyRegion.HEAD_AND_FACE),
    SUPRATROCHLEAR("Supratrochlear nerve", BodyRegion.HEAD_AND_FACE),
    INFRAORBITAL("Infraorbital nerve", BodyRegion.HEAD_AND_FACE),
    MENTAL("Mental nerve", BodyRegion.HEAD_AND_FACE),
    SUPRASCAPULAR("Suprascapular nerve", BodyRegion.SHOULDER),
    FEMORAL_ARTICULAR_BRANCHES_TO_HIP("Articular branches of the femoral nerve to the hip", BodyRegion.HIP),
    OBTURATOR_ARTICULAR_BRANCHES_TO_HIP("Articular branches of the obturator nerve to the hip", BodyRegion.HIP),
    SURAL("Sural nerve", BodyRegion.LOWER_LEG_AND_FOOT),
    SUPERFICIAL_PERONEAL("Superficial peroneal nerve", BodyRegion.LOWER_LEG_AND_FOOT),
    SAPHENOUS("Saphenous nerve", BodyRegion.LOWER_LEG_AND_FOOT),
    SUPERFICIAL_RADIAL("Superficial radial nerve", BodyRegion.FOREARM_AND_HAND),
    OTHER("Other nerve (described in text)", BodyRegion.OTHER);

    private static final Map<String, TargetNerve> BY_CODE = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(TargetNerve::name, Function.identity()));

    private final String displayName;
    private final BodyRegion region;
    private final List<String> levels;

    TargetNerve(String displayName, BodyRegion region) {
        this(displayName, region, null);
    }

    TargetNerve(String displayName, BodyRegion region, List<String> levels) {
        this.displayName = displayName;
        this.region = region;
        this.levels = levels;
    }

    /** The catalogue entry for a stored code; codes are exact and upper case ({@code INTERCOSTAL}). */
    public static Optional<TargetNerve> byCode(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(BY_CODE.get(code));
    }

    public String displayName() {
        return displayName;
    }

    public BodyRegion region() {
        return region;
    }

    /** The spinal levels this nerve is treated at, in order ({@code T1}..{@code T12}); null when it has none. */
    public List<String> levels() {
        return levels;
    }

    public boolean needsLevel() {
        return levels != null;
    }

    /**
     * The nerves around the knee joint, whose cryoneurolysis has its own typical probe window
     * (about −88 to −70 °C, from the knee trials) rather than the general −100 to −50 °C.
     */
    public boolean isKnee() {
        return region == BodyRegion.KNEE;
    }

    /** The allowed levels as a clinician writes the range, e.g. {@code T1–T12}. */
    public String levelRange() {
        return levels == null ? null : levels.get(0) + "–" + levels.get(levels.size() - 1);
    }

    private static List<String> levels(String segment, int first, int last) {
        return IntStream.rangeClosed(first, last).mapToObj(level -> segment + level).toList();
    }
}
