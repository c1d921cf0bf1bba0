package org.clinictracker.procedures.rules;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.clinictracker.platform.input.VisibleText;
import org.clinictracker.platform.problem.FieldError;
import org.clinictracker.procedures.catalogue.TargetNerve;
import org.clinictracker.procedures.procedure.BlockParameters;
import org.clinictracker.procedures.procedure.CryoParameters;
import org.clinictracker.procedures.procedure.FreezeCycle;
import org.clinictracker.procedures.procedure.ProcedureDetails;
import org.clinictracker.procedures.procedure.RfaParameters;
import org.clinictracker.procedures.procedure.RfaVariant;
import org.clinictracker.procedures.procedure.TargetSite;
import org.clinictracker.vocabulary.Laterality;
import org.clinictracker.vocabulary.Modality;

/**
 * The clinic's rules for a logged procedure that bean validation cannot express (domain.md,
 * "Modalities and their parameters" and "Target nerves"). A value outside what is physically
 * possible is a violation, and the service refuses the request naming the field; a possible value
 * outside what is typical is accepted with a {@link Warning} kept on the record. Fields are named by
 * the request's JSON paths ({@code cryo.cycles[1].seconds}, {@code targets[0].level}).
 *
 * <p>Missing required values are left to bean validation: a rule with nothing to look at is skipped.
 */
public final class ProcedureRules {

    public static final String CRYO_TEMPERATURE_UNUSUAL = "CRYO_TEMPERATURE_UNUSUAL";
    public static final String CRYO_TEMPERATURE_UNUSUAL_FOR_KNEE = "CRYO_TEMPERATURE_UNUSUAL_FOR_KNEE";
    public static final String FREEZE_CYCLE_UNUSUAL = "FREEZE_CYCLE_UNUSUAL";
    public static final String RFA_TEMPERATURE_UNUSUAL = "RFA_TEMPERATURE_UNUSUAL";
    public static final String RFA_DURATION_UNUSUAL = "RFA_DURATION_UNUSUAL";

    /** Liquid nitrogen boils at −196 °C: nothing a cryoprobe uses gets colder (N₂O probes reach about −88 °C). */
    static final BigDecimal CRYO_COLDEST_POSSIBLE = new BigDecimal("-196");
    static final Range CRYO_TYPICAL = Range.celsius("-100", "-50");
    /** The knee trials freeze the genicular and femoral cutaneous nerves at about −88 to −70 °C. */
    static final Range CRYO_TYPICAL_KNEE = Range.celsius("-88", "-70");

    /**
     * A single freeze beyond 10 minutes is not a cryoneurolysis protocol (consoles run cycles of
     * seconds to a few minutes): such a number is a slip, such as the whole session typed as one cycle.
     */
    static final int FREEZE_LONGEST_POSSIBLE_SECONDS = 600;
    static final Range FREEZE_TYPICAL = Range.seconds(10, 300);

    /**
     * Below body temperature the generator is not heating the nerve at all; at 100 °C tissue boils and
     * chars, and generators stop there.
     */
    static final Range RFA_POSSIBLE = Range.celsius("37", "100");
    /** Conventional and cooled RF lesion the nerve by heat (the tip of a cooled electrode is held near 60 °C). */
    static final Range RFA_THERMAL_TYPICAL = Range.celsius("60", "90");
    /** Pulsed RF modulates the nerve without a heat lesion: the tip stays at or below about 42 °C. */
    static final Range RFA_PULSED_TYPICAL = Range.celsius("38", "45");
    static final Range RFA_THERMAL_TYPICAL_DURATION = Range.seconds(60, 180);
    static final Range RFA_PULSED_TYPICAL_DURATION = Range.seconds(120, 360);
    /** No generator protocol runs one lesion for more than 20 minutes: a larger number is a slip. */
    static final int RFA_LONGEST_POSSIBLE_SECONDS = 1200;
    /** Several levels, both sides, a few lesions each: 30 in one sitting is already beyond any protocol. */
    static final int RFA_MOST_LESIONS = 30;

    /** More than 100 mL is beyond any peripheral nerve block and any safe dose of local anaesthetic. */
    static final BigDecimal BLOCK_LARGEST_VOLUME_ML = new BigDecimal("100");
    static final BigDecimal HUNDRED_PERCENT = new BigDecimal("100");

    private ProcedureRules() {
    }

    public static RuleCheck check(ProcedureDetails details) {
        Findings findings = new Findings();
        Modality modality = details.modality();
        checkParametersMatch(modality, details, findings);
        if (details.indication() != null && details.indication().lacksTextForOther()) {
            findings.violation("indication.text", "must describe the indication when the code is OTHER");
        }
        if (details.cryo() != null && (modality == null || modality == Modality.CRYONEUROLYSIS)) {
            checkCryo(details.cryo(), onlyKneeNerves(details.targets()), findings);
        }
        if (details.rfa() != null && (modality == null || modality == Modality.RADIOFREQUENCY_ABLATION)) {
            checkRfa(details.rfa(), findings);
        }
        if (details.block() != null && (modality == null || modality == Modality.NERVE_BLOCK)) {
            checkBlock(details.block(), findings);
        }
        checkTargets(details.targets(), findings);
        return findings.result();
    }

    // Exactly the parameter block of the modality: a cryo block on an RFA case is a mistake, not extra detail.
    private static void checkParametersMatch(Modality modality, ProcedureDetails details, Findings findings) {
        if (modality == null) {
            return;
        }
        String procedure = switch (modality) {
            case CRYONEUROLYSIS -> "cryoneurolysis";
            case RADIOFREQUENCY_ABLATION -> "radiofrequency ablation";
            case NERVE_BLOCK -> "nerve block";
        };
        String requiredFor = modality == Modality.NERVE_BLOCK ? "a nerve block" : procedure;
        expectParameters("cryo", details.cryo() != null, modality == Modality.CRYONEUROLYSIS, requiredFor, procedure,
                findings);
        expectParameters("rfa", details.rfa() != null, modality == Modality.RADIOFREQUENCY_ABLATION, requiredFor,
                procedure, findings);
        expectParameters("block", details.block() != null, modality == Modality.NERVE_BLOCK, requiredFor, procedure,
                findings);
    }

    private static void expectParameters(String field, boolean given, boolean expected, String requiredFor,
            String procedure, Findings findings) {
        if (expected && !given) {
            findings.violation(field, "is required for " + requiredFor);
        } else if (!expected && given) {
            findings.violation(field, "does not belong to a " + procedure + " procedure");
        }
    }

    private static void checkCryo(CryoParameters cryo, boolean kneeOnly, Findings findings) {
        BigDecimal temperature = cryo.probeTemperatureCelsius();
        if (temperature != null) {
            String field = "cryo.probeTemperatureCelsius";
            if (temperature.signum() >= 0) {
                findings.violation(field, "must be below 0 °C for cryoneurolysis (got " + number(temperature) + ")");
            } else if (temperature.compareTo(CRYO_COLDEST_POSSIBLE) <= 0) {
                findings.violation(field, "must be above " + number(CRYO_COLDEST_POSSIBLE)
                        + " °C, the boiling point of liquid nitrogen: no cryoprobe gets colder (got "
                        + number(temperature) + ")");
            } else if (kneeOnly && !CRYO_TYPICAL_KNEE.contains(temperature)) {
                // The knee window lies inside the general one, so this is the only warning a knee case needs.
                findings.warning(CRYO_TEMPERATURE_UNUSUAL_FOR_KNEE, field, number(temperature)
                        + " °C is outside the typical " + CRYO_TYPICAL_KNEE + " for cryoneurolysis of knee nerves");
            } else if (!kneeOnly && !CRYO_TYPICAL.contains(temperature)) {
                findings.warning(CRYO_TEMPERATURE_UNUSUAL, field, number(temperature)
                        + " °C is outside the typical " + CRYO_TYPICAL + " for cryoneurolysis");
            }
        }
        if (cryo.cycles() != null) {
            if (cryo.cycles().isEmpty()) {
                findings.violation("cryo.cycles", "must list at least one freeze cycle (got none)");
            }
            for (int i = 0; i < cryo.cycles().size(); i++) {
                FreezeCycle cycle = cryo.cycles().get(i);
                if (cycle != null && cycle.seconds() != null) {
                    checkFreeze(cycle.seconds(), "cryo.cycles[" + i + "].seconds", findings);
                }
            }
        }
        if (cryo.thawSeconds() != null && cryo.thawSeconds() < 0) {
            findings.violation("cryo.thawSeconds", "must be 0 seconds or more (got " + number(cryo.thawSeconds()) + ")");
        }
    }

    private static void checkFreeze(int seconds, String field, Findings findings) {
        if (seconds <= 0) {
            findings.violation(field, "must be more than 0 seconds for a freeze (got " + number(seconds) + ")");
        } else if (seconds > FREEZE_LONGEST_POSSIBLE_SECONDS) {
            findings.violation(field, "must be at most " + FREEZE_LONGEST_POSSIBLE_SECONDS
                    + " seconds (10 minutes) for one freeze (got " + seconds + ")");
        } else if (!FREEZE_TYPICAL.contains(seconds)) {
            findings.warning(FREEZE_CYCLE_UNUSUAL, field, "a freeze of " + seconds
                    + " seconds is outside the typical " + FREEZE_TYPICAL);
        }
    }

    private static void checkRfa(RfaParameters rfa, Findings findings) {
        RfaVariant variant = rfa.variant();
        BigDecimal temperature = rfa.lesionTemperatureCelsius();
        if (temperature != null) {
            String field = "rfa.lesionTemperatureCelsius";
            if (!RFA_POSSIBLE.contains(temperature)) {
                String hint = temperature.signum() < 0 ? ": below 0 °C is a cryoneurolysis temperature" : "";
                findings.violation(field, "must be between " + number(RFA_POSSIBLE.lowest()) + " and "
                        + number(RFA_POSSIBLE.highest()) + " °C for radiofrequency ablation (got " + number(temperature)
                        + hint + ")");
            } else if (variant != null && !typicalTemperature(variant).contains(temperature)) {
                findings.warning(RFA_TEMPERATURE_UNUSUAL, field, number(temperature) + " °C is outside the typical "
                        + typicalTemperature(variant) + " for " + describe(variant));
            }
        }
        Integer seconds = rfa.secondsPerLesion();
        if (seconds != null) {
            String field = "rfa.secondsPerLesion";
            if (seconds <= 0) {
                findings.violation(field, "must be more than 0 seconds per lesion (got " + number(seconds) + ")");
            } else if (seconds > RFA_LONGEST_POSSIBLE_SECONDS) {
                findings.violation(field, "must be at most " + RFA_LONGEST_POSSIBLE_SECONDS
                        + " seconds (20 minutes) per lesion (got " + seconds + ")");
            } else if (variant != null && !typicalDuration(variant).contains(seconds)) {
                findings.warning(RFA_DURATION_UNUSUAL, field, seconds + " seconds per lesion is outside the typical "
                        + typicalDuration(variant) + " for " + describe(variant));
            }
        }
        Integer lesions = rfa.lesionCount();
        if (lesions != null) {
            if (lesions < 1) {
                findings.violation("rfa.lesionCount", "must be at least 1 lesion (got " + number(lesions) + ")");
            } else if (lesions > RFA_MOST_LESIONS) {
                findings.violation("rfa.lesionCount", "must be at most " + RFA_MOST_LESIONS
                        + " lesions in one procedure (got " + lesions + ")");
            }
        }
    }

    private static Range typicalTemperature(RfaVariant variant) {
        return variant == RfaVariant.PULSED ? RFA_PULSED_TYPICAL : RFA_THERMAL_TYPICAL;
    }

    private static Range typicalDuration(RfaVariant variant) {
        return variant == RfaVariant.PULSED ? RFA_PULSED_TYPICAL_DURATION : RFA_THERMAL_TYPICAL_DURATION;
    }

    private static String describe(RfaVariant variant) {
        return variant.name().toLowerCase(Locale.ROOT) + " radiofrequency ablation";
    }

    private static void checkBlock(BlockParameters block, Findings findings) {
        BigDecimal volume = block.volumeMl();
        if (volume != null) {
            if (volume.signum() <= 0) {
                findings.violation("block.volumeMl", "must be more than 0 mL (got " + number(volume) + ")");
            } else if (volume.compareTo(BLOCK_LARGEST_VOLUME_ML) > 0) {
                findings.violation("block.volumeMl", "must be at most " + number(BLOCK_LARGEST_VOLUME_ML)
                        + " mL for a nerve block (got " + number(volume) + ")");
            }
        }
        BigDecimal concentration = block.concentrationPercent();
        if (concentration != null && (concentration.signum() <= 0 || concentration.compareTo(HUNDRED_PERCENT) > 0)) {
            findings.violation("block.concentrationPercent",
                    "must be more than 0 and at most 100 % (got " + number(concentration) + ")");
        }
    }

    private static void checkTargets(List<TargetSite> targets, Findings findings) {
        Map<TargetKey, Integer> firstIndexOf = new HashMap<>();
        for (int i = 0; i < targets.size(); i++) {
            TargetSite target = targets.get(i);
            if (target == null || target.nerve() == null || target.nerve().isBlank()) {
                continue;
            }
            String path = "targets[" + i + "]";
            Optional<TargetNerve> known = TargetNerve.byCode(target.nerve());
            if (known.isEmpty()) {
                findings.violation(path + ".nerve", "'" + target.nerve() + "' is not in the nerve catalogue:"
                        + " use a code from GET /api/procedures/catalogue/nerves");
            } else {
                checkTarget(known.get(), target, path, findings);
            }
            if (target.laterality() != null) {
                Integer first = firstIndexOf.putIfAbsent(TargetKey.of(target), i);
                if (first != null) {
                    String same = blankToNull(target.level()) == null ? "same nerve and side" : "same nerve, side and level";
                    findings.violation(path, "repeats targets[" + first + "] (" + same + "): list each target once");
                }
            }
        }
    }

    private static void checkTarget(TargetNerve nerve, TargetSite target, String path, Findings findings) {
        String level = blankToNull(target.level());
        if (nerve.needsLevel() && level == null) {
            findings.violation(path + ".level", "is required for " + nerve.displayName() + " (" + nerve.levelRange() + ")");
        } else if (nerve.needsLevel() && !nerve.levels().contains(level)) {
            findings.violation(path + ".level", "must be one of " + nerve.levelRange() + " for "
                    + nerve.displayName() + " (got " + level + ")");
        } else if (!nerve.needsLevel() && level != null) {
            findings.violation(path + ".level", "must be left out: " + nerve.displayName()
                    + " has no spinal level (got " + level + ")");
        }
        if (nerve == TargetNerve.OTHER && blankToNull(target.description()) == null) {
            findings.violation(path + ".description", "is required when the nerve is OTHER: name the nerve treated");
        }
    }

    /**
     * Whether every target is a knee nerve, which narrows the typical probe temperature. An unknown
     * code counts as not a knee nerve (it is refused anyway).
     */
    private static boolean onlyKneeNerves(List<TargetSite> targets) {
        return !targets.isEmpty() && targets.stream().allMatch(target -> target != null
                && TargetNerve.byCode(target.nerve()).map(TargetNerve::isKnee).orElse(false));
    }

    private static String blankToNull(String text) {
        return VisibleText.isBlank(text) ? null : text;
    }

    /** A number as the clinic writes it: no trailing zeros, and a true minus sign. */
    static String number(BigDecimal value) {
        String plain = value.stripTrailingZeros().toPlainString();
        return plain.startsWith("-") ? "−" + plain.substring(1) : plain;
    }

    static String number(int value) {
        return number(BigDecimal.valueOf(value));
    }

    /**
     * Two targets are the same when nerve, side and level match; two OTHER nerves are told apart by
     * their description, since each may be a different nerve.
     */
    private record TargetKey(String nerve, Laterality laterality, String level, String description) {

        static TargetKey of(TargetSite target) {
            String description = TargetNerve.OTHER.name().equals(target.nerve())
                    ? Objects.requireNonNullElse(blankToNull(target.description()), "").toLowerCase(Locale.ROOT)
                    : null;
            return new TargetKey(target.nerve(), target.laterality(), blankToNull(target.level()), description);
        }
    }

    /** A typical window, both ends included, written the way domain.md writes it. */
    record Range(BigDecimal lowest, BigDecimal highest, String unit) {

        static Range celsius(String lowest, String highest) {
            return new Range(new BigDecimal(lowest), new BigDecimal(highest), "°C");
        }

        static Range seconds(int lowest, int highest) {
            return new Range(BigDecimal.valueOf(lowest), BigDecimal.valueOf(highest), "seconds");
        }

        boolean contains(BigDecimal value) {
            return value.compareTo(lowest) >= 0 && value.compareTo(highest) <= 0;
        }

        boolean contains(int value) {
            return contains(BigDecimal.valueOf(value));
        }

        @Override
        public String toString() {
            // "−100 to −50 °C" reads better than "−100–−50 °C"; positive ranges take the dash.
            String separator = lowest.signum() < 0 ? " to " : "–";
            return number(lowest) + separator + number(highest) + " " + unit;
        }
    }

    private static final class Findings {

        private final List<FieldError> violations = new ArrayList<>();
        private final List<Warning> warnings = new ArrayList<>();

        void violation(String field, String message) {
            violations.add(new FieldError(field, message));
        }

        void warning(String code, String field, String message) {
            warnings.add(new Warning(code, field, message));
        }

        RuleCheck result() {
            return new RuleCheck(violations, warnings);
        }
    }
}
