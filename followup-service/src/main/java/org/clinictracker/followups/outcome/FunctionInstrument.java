package org.clinictracker.followups.outcome;

import java.math.BigDecimal;

/**
 * The function questionnaires a coordinator scores (domain.md: WOMAC for the knee, ODI for the back, PROMIS
 * physical function), each with the range its scoring manual gives, so a value from another scale is refused:
 * <ul>
 * <li>WOMAC 3.1, Likert version: 24 items scored 0–4, total 0–96 (pain 0–20, stiffness 0–8, function 0–68;
 * Bellamy, WOMAC User Guide). The VA (0–2400) and NRS (0–240) versions are not accepted.</li>
 * <li>Oswestry Disability Index 2.1a: 10 sections scored 0–5, reported as a percentage 0–100
 * (Fairbank &amp; Pynsent, Spine 2000;25:2940–52); with unanswered sections it is not a whole number.</li>
 * <li>PROMIS physical function: a T-score, mean 50 and SD 10 in the US reference population (Cella et al.,
 * J Clin Epidemiol 2010;63:1179–94; HealthMeasures scoring manual). Its conversion tables stay well inside
 * 10–90 (four SDs either side of the mean), which also refuses a raw sum entered by mistake beyond 90.</li>
 * <li>PEG: the mean of three 0–10 items (average pain, interference with enjoyment of life, with general
 * activity), 0–10 with one decimal (Krebs EE et al., J Gen Intern Med 2009;24:733–8). Free to use; what the
 * patient answers on the follow-up page ({@link PegItems}).</li>
 * </ul>
 */
public enum FunctionInstrument {
    WOMAC(0, 96),
    ODI(0, 100),
    PROMIS_PHYSICAL_FUNCTION(10, 90),
    PEG(0, 10);

    private final BigDecimal min;
    private final BigDecimal max;

    FunctionInstrument(int min, int max) {
        this.min = BigDecimal.valueOf(min);
        this.max = BigDecimal.valueOf(max);
    }

    public boolean allows(BigDecimal value) {
        return value.compareTo(min) >= 0 && value.compareTo(max) <= 0;
    }

    public String range() {
        return min + "–" + max;
    }
}
