package org.clinictracker.democlinic;

import static org.clinictracker.democlinic.DemoPatient.man;
import static org.clinictracker.democlinic.DemoPatient.woman;
import static org.clinictracker.democlinic.Treatment.block;
import static org.clinictracker.democlinic.Treatment.cryo;
import static org.clinictracker.democlinic.Treatment.rfa;

import java.util.List;

/**
 * The demo clinic's patients over the last year, each with what was done and what the follow-up visits found.
 * Days are counted back from the day the seed runs, so the demo always shows the last year: a procedure
 * {@code cryo(340, ...)} was performed 340 days ago and entered late, its visits documented on their due days.
 * <p>
 * Values follow domain.md and the clinic's source article: knee cryoneurolysis at −88 to −80 °C with two 90 s
 * cycles on the genicular nerves, intercostal and occipital cryoneurolysis, conventional RFA at 80 °C on lumbar
 * medial branches after a diagnostic block, cooled RFA at 60 °C, pulsed RFA at 42 °C (kept with its warning),
 * mostly mild complications. The courses include durable responders, responders whose relief wanes (making a
 * repeat-treatment candidate), non-responders, a missed visit, repeats (treatment number 2) and open candidates.
 */
final class DemoClinicPatients {

    private DemoClinicPatients() {
    }

    static List<DemoPatient> all() {
        return List.of(
                // --- knee osteoarthritis: the clinic's headline cryoneurolysis ---
                woman("María", "Núñez", "1961-04-17").presents("KNEE_OSTEOARTHRITIS", "Right knee, medial", "RIGHT", 48, 7)
                        .takes(15, "EXERCISE", "PHYSICAL_THERAPY", "NSAID", "OPIOID").speaks("es")
                        .treated(cryo(340, -88, 90, 90).onGenicularNerves("RIGHT").pain(7, 2)
                                .with("BRUISING", "MILD", 6, "Small bruise at the superomedial entry site")
                                .followUps("DAY_2 3, WEEK_2 2, WEEK_6 2, MONTH_3 2, MONTH_6 5 sensation")
                                .thenConsultBooked("Relief wearing off at six months; repeat cryoneurolysis consult booked"))
                        .treated(cryo(150, -88, 90, 90).onGenicularNerves("RIGHT").pain(6, 1)
                                .notes("Repeat treatment: same three genicular nerves, good ice balls on ultrasound")
                                .followUps("DAY_2 2, WEEK_2 1, WEEK_6 1, MONTH_3 2")),
                man("Jürgen", "Weiß", "1954-09-02").presents("KNEE_OSTEOARTHRITIS", "Left knee, anterior and medial", "LEFT", 60, 8)
                        .takes(0, "PHYSICAL_THERAPY", "ACETAMINOPHEN", "STEROID_INJECTION").speaks("de")
                        .treated(cryo(330, -85, 90, 90).onGenicularNerves("LEFT").on("INFRAPATELLAR_BRANCH_OF_SAPHENOUS", "LEFT")
                                .pain(8, 2)
                                .with("TEMPORARY_NUMBNESS", "MILD", 21, "Numb patch below the patella, expected after the saphenous branch")
                                .followUps("DAY_2 4, WEEK_2 3, WEEK_6 2, MONTH_3 2, MONTH_6 2, MONTH_9 2 sensation")),
                woman("Aoife", "O'Connell", "1958-01-23").presents("KNEE_OSTEOARTHRITIS", "Both knees", "BILATERAL", 72, 7)
                        .takes(10, "EXERCISE", "NSAID", "OPIOID")
                        .treated(cryo(290, -80, 90, 90).onGenicularNerves("BILATERAL").pain(7, 3)
                                .anaesthesia("Lidocaine 1 %, 3 mL at each entry site", "Oral diazepam 5 mg")
                                .with("SWELLING", "MILD", 4, "Mild swelling of both knees, settled with ice")
                                .followUps("DAY_2 4, WEEK_2 3, WEEK_6 3, MONTH_3 2, MONTH_6 3, MONTH_9 3")),
                man("Kwame", "Mensah", "1949-06-30").presents("KNEE_OSTEOARTHRITIS", "Right knee, diffuse", "RIGHT", 96, 8)
                        .takes(30, "PHYSICAL_THERAPY", "NSAID", "OPIOID", "GABAPENTINOID")
                        .treated(cryo(210, -88, 90, 90).onGenicularNerves("RIGHT").pain(8, 5)
                                .with("SORENESS", "MILD", 3, "Soreness at the entry sites for three days")
                                .followUps("DAY_2 6, WEEK_2 6, WEEK_6 5, MONTH_3 6, MONTH_6 6")),
                man("Søren", "Lindqvist", "1957-11-11").presents("KNEE_OSTEOARTHRITIS", "Left knee, medial", "LEFT", 36, 6)
                        .takes(0, "EXERCISE", "PHYSICAL_THERAPY", "TOPICAL_AGENT")
                        .treated(cryo(120, -88, 90, 90).onGenicularNerves("LEFT").pain(6, 1)
                                .followUps("DAY_2 2, WEEK_2 2, WEEK_6 1, MONTH_3 1")),
                woman("Chloé", "Dubois", "1963-03-08").presents("KNEE_OSTEOARTHRITIS", "Right knee", "RIGHT", 30, 7)
                        .takes(0, "PHYSICAL_THERAPY", "NSAID").speaks("fr")
                        .treated(cryo(50, -88, 90, 90).onGenicularNerves("RIGHT").pain(7, 2)
                                .with("BRUISING", "MILD", 5, null)
                                .followUps("DAY_2 3, WEEK_2 3, WEEK_6 2")),
                woman("Priya", "Raman", "1966-12-19").presents("KNEE_OSTEOARTHRITIS", "Left knee", "LEFT", 24, 8)
                        .takes(0, "EXERCISE", "PHYSICAL_THERAPY", "ACETAMINOPHEN")
                        .treated(cryo(9, -88, 90, 90).onGenicularNerves("LEFT").pain(8, 3)
                                .followUps("DAY_2 4")),
                man("Tomás", "Herrera", "1952-05-14").presents("KNEE_OSTEOARTHRITIS", "Right knee", "RIGHT", 84, 7)
                        .takes(20, "PHYSICAL_THERAPY", "NSAID", "OPIOID").speaks("es")
                        .treated(rfa(280, "COOLED", 60, 150, 3).onGenicularNerves("RIGHT").pain(7, 3)
                                .followUps("WEEK_2 3, MONTH_3 2, MONTH_6 5")),
                woman("Ngozi", "Adeyemi", "1959-07-07").presents("KNEE_OSTEOARTHRITIS", "Left knee", "LEFT", 40, 8)
                        .takes(0, "EXERCISE", "PHYSICAL_THERAPY", "NSAID")
                        .treated(block(80, "DIAGNOSTIC", "Bupivacaine", 0.25, 6).onGenicularNerves("LEFT").pain(8, 2)
                                .followUps("DAY_1 1, WEEK_2 7")
                                .thenConsultBooked("Near-complete relief after the diagnostic block; cryoneurolysis booked"))
                        .treated(cryo(60, -88, 90, 90).onGenicularNerves("LEFT").pain(8, 2)
                                .followUps("DAY_2 3, WEEK_2 2, WEEK_6 2")),
                man("Giuseppe", "Bianchi", "1947-02-27").presents("KNEE_OSTEOARTHRITIS", "Right knee", "RIGHT", 120, 7)
                        .takes(0, "PHYSICAL_THERAPY", "ACETAMINOPHEN").speaks("it").anticoagulated(true)
                        .overriddenBy("Apixaban held for 48 hours before the procedure on the cardiologist's advice")
                        .treated(cryo(160, -88, 90, 90).onGenicularNerves("RIGHT").pain(7, 2)
                                .with("BRUISING", "MILD", 10, "Larger bruise than usual; apixaban restarted the next day")
                                .followUps("DAY_2 3, WEEK_2 3, WEEK_6 2, MONTH_3 3")),
                woman("Hannah", "Kowalski", "1970-10-05").presents("KNEE_OSTEOARTHRITIS", "Left knee", "LEFT", 36, 7)
                        .takes(0, "EXERCISE", "NSAID").answers("coldIntolerance", true)
                        .treated(rfa(170, "CONVENTIONAL", 80, 90, 3).onGenicularNerves("LEFT").pain(7, 2)
                                .notes("Raynaud's phenomenon rules out cryoneurolysis; radiofrequency instead")
                                .followUps("WEEK_2 3, MONTH_3 2")),
                woman("Kateřina", "Nováková", "1962-10-10").presents("KNEE_OSTEOARTHRITIS", "Right knee", "RIGHT", 8, 6)
                        .takes(0, "PHYSICAL_THERAPY").speaks("cs").answers("refractoryToPhysicalTherapy", false),
                man("Björn", "Håkansson", "1951-01-31").presents("KNEE_OSTEOARTHRITIS", "Right knee", "RIGHT", 60, 8)
                        .takes(0, "PHYSICAL_THERAPY", "NSAID").speaks("sv")
                        .treated(cryo(300, -88, 90, 90).onGenicularNerves("RIGHT").on("INFRAPATELLAR_BRANCH_OF_SAPHENOUS", "RIGHT")
                                .pain(8, 2)
                                .followUps("DAY_2 4, WEEK_2 3, WEEK_6 3, MONTH_3 3, MONTH_9 7 sensation")
                                .thenDismissed("Knee replacement planned for the spring; no repeat before surgery")),
                woman("Thị Lan", "Nguyễn", "1960-06-06").presents("KNEE_OSTEOARTHRITIS", "Both knees", "BILATERAL", 48, 7)
                        .takes(0, "EXERCISE", "ACETAMINOPHEN").speaks("vi")
                        .treated(cryo(4, -88, 90, 90).onGenicularNerves("BILATERAL").pain(7, 2)
                                .followUps("DAY_2 3")),

                // --- low back / facet pain: diagnostic medial branch blocks, then radiofrequency ---
                man("Robert", "Chen", "1960-08-21").presents("LOW_BACK_FACET_PAIN", "Lower back, both sides", "BILATERAL", 30, 7)
                        .takes(10, "PHYSICAL_THERAPY", "NSAID", "OPIOID")
                        .treated(block(215, "DIAGNOSTIC", "Bupivacaine", 0.5, 3).imaging("FLUOROSCOPY")
                                .on("LUMBAR_MEDIAL_BRANCH", "BILATERAL", "L3", "L4").on("L5_DORSAL_RAMUS", "BILATERAL")
                                .pain(7, 1)
                                .followUps("DAY_1 1, WEEK_2 7")
                                .thenConsultBooked("More than 80 % relief after the medial branch block; radiofrequency booked"))
                        .treated(rfa(190, "CONVENTIONAL", 80, 90, 6)
                                .on("LUMBAR_MEDIAL_BRANCH", "BILATERAL", "L3", "L4").on("L5_DORSAL_RAMUS", "BILATERAL")
                                .pain(7, 2)
                                .followUps("WEEK_2 4, MONTH_3 2, MONTH_6 3")),
                woman("Fatima", "Al-Sayed", "1968-04-02").presents("LOW_BACK_FACET_PAIN", "Lower back, left", "LEFT", 48, 8)
                        .takes(20, "PHYSICAL_THERAPY", "NSAID", "OPIOID").speaks("ar")
                        .treated(rfa(320, "CONVENTIONAL", 80, 90, 3)
                                .on("LUMBAR_MEDIAL_BRANCH", "LEFT", "L3", "L4").on("L5_DORSAL_RAMUS", "LEFT")
                                .pain(8, 3)
                                .with("SORENESS", "MILD", 7, "Paraspinal soreness for a week")
                                .followUps("WEEK_2 4, MONTH_3 3, MONTH_6 3, MONTH_9 6")),
                man("Dmitri", "Volkov", "1956-12-01").presents("LOW_BACK_FACET_PAIN", "Lower back, both sides", "BILATERAL", 36, 6)
                        .takes(0, "EXERCISE", "NSAID").speaks("ru")
                        .treated(rfa(100, "CONVENTIONAL", 85, 90, 6)
                                .on("LUMBAR_MEDIAL_BRANCH", "BILATERAL", "L3", "L4").on("L5_DORSAL_RAMUS", "BILATERAL")
                                .pain(6, 2)
                                .followUps("WEEK_2 3, MONTH_3 2")),
                woman("Lucía", "Fernández", "1975-09-16").presents("LOW_BACK_FACET_PAIN", "Lower back, right", "RIGHT", 18, 7)
                        .takes(0, "PHYSICAL_THERAPY", "NSAID").speaks("es")
                        .treated(rfa(25, "CONVENTIONAL", 80, 90, 3)
                                .on("LUMBAR_MEDIAL_BRANCH", "RIGHT", "L4").on("L5_DORSAL_RAMUS", "RIGHT")
                                .pain(7, 3)
                                .laterReported("POST_PROCEDURE_HYPERALGESIA", "MILD", 2, 12,
                                        "Burning over the right lower back, settled with topical lidocaine")
                                .followUps("WEEK_2 4")),
                man("Mehmet", "Yılmaz", "1964-03-29").presents("LOW_BACK_FACET_PAIN", "Lower back, left", "LEFT", 14, 6)
                        .takes(0, "PHYSICAL_THERAPY", "NSAID").speaks("tr").answers("activeInfection", true),

                // --- chest wall: post-mastectomy and post-thoracotomy pain, intercostal neuralgia ---
                woman("Ingrid", "Johansson", "1965-06-12").presents("POST_MASTECTOMY_PAIN", "Left chest wall and axilla", "LEFT", 20, 6)
                        .takes(0, "GABAPENTINOID", "MINDFULNESS")
                        .treated(cryo(235, -70, 120, 120).on("INTERCOSTOBRACHIAL", "LEFT").on("INTERCOSTAL", "LEFT", "T2", "T3")
                                .pain(6, 2)
                                .followUps("DAY_2 3, WEEK_2 2 +SKIN_DISCOLORATION, WEEK_6 2, MONTH_3 2, MONTH_6 3")),
                man("Ahmed", "Haddad", "1958-10-30").presents("CHRONIC_POSTOPERATIVE_PAIN", "Right chest wall after thoracotomy", "RIGHT", 2, 8)
                        .takes(40, "OPIOID", "GABAPENTINOID", "ACETAMINOPHEN").speaks("ar")
                        .overriddenBy("Post-thoracotomy pain at ten weeks, refractory to a full multimodal regimen; treat now")
                        .treated(cryo(160, -70, 120, 120).on("INTERCOSTAL", "RIGHT", "T4", "T5", "T6").pain(8, 3)
                                .followUps("DAY_2 4, WEEK_2 3, WEEK_6 3, MONTH_3 2")),
                woman("Elena", "Popescu", "1971-02-14").presents("INTERCOSTAL_NEURALGIA", "Left lower chest wall", "LEFT", 14, 7)
                        .takes(0, "GABAPENTINOID", "TOPICAL_AGENT").speaks("ro")
                        .treated(cryo(105, -75, 120, 120).on("INTERCOSTAL", "LEFT", "T7", "T8").pain(7, 2)
                                .laterReported("PROLONGED_NUMBNESS", "MODERATE", 1, 60,
                                        "Numb band along the left T7-T8 dermatomes, slowly fading")
                                .followUps("DAY_2 4, WEEK_2 3, WEEK_6 2, MONTH_3 2")),
                woman("Yuki", "Tanaka", "1980-05-25").presents("POST_MASTECTOMY_PAIN", "Right chest wall", "RIGHT", 9, 6)
                        .takes(0, "GABAPENTINOID", "COGNITIVE_BEHAVIOURAL_THERAPY").speaks("ja")
                        .treated(block(30, "THERAPEUTIC", "Ropivacaine", 0.5, 10).adjuvant("Dexamethasone 4 mg")
                                .on("INTERCOSTAL", "RIGHT", "T3", "T4").on("INTERCOSTOBRACHIAL", "RIGHT").pain(6, 1)
                                .followUps("DAY_1 2, WEEK_2 3")),

                // --- head and neck ---
                man("Seán", "Murphy", "1978-07-04").presents("OCCIPITAL_NEURALGIA", "Back of the head, both sides", "BILATERAL", 26, 8)
                        .takes(0, "NSAID", "ANTIDEPRESSANT")
                        .treated(block(260, "DIAGNOSTIC", "Bupivacaine", 0.5, 4).on("GREATER_OCCIPITAL", "BILATERAL").pain(8, 2)
                                .followUps("DAY_1 2, WEEK_2 6")
                                .thenConsultBooked("Headache back within two weeks of the block; cryoneurolysis booked"))
                        .treated(cryo(240, -80, 60, 60).on("GREATER_OCCIPITAL", "BILATERAL").pain(8, 3)
                                .followUps("DAY_2 4, WEEK_2 3, WEEK_6 3, MONTH_3 3, MONTH_6 6 sensation")
                                .thenConsultBooked("Occipital pain returning with sensation at six months; repeat booked"))
                        .treated(cryo(45, -80, 60, 60).on("GREATER_OCCIPITAL", "BILATERAL").pain(7, 2)
                                .followUps("DAY_2 3, WEEK_2 2")),
                woman("Amélie", "Laurent", "1985-11-29").presents("OCCIPITAL_NEURALGIA", "Right occiput", "RIGHT", 16, 7)
                        .takes(0, "NSAID", "MINDFULNESS").speaks("fr")
                        .treated(cryo(135, -80, 60, 60).on("GREATER_OCCIPITAL", "RIGHT").on("LESSER_OCCIPITAL", "RIGHT").pain(7, 2)
                                .followUps("DAY_2 3, WEEK_2 3, WEEK_6 2, MONTH_3 2")),
                man("Raj", "Patel", "1969-01-17").presentsOther("Cervicogenic headache from the right C2-C3 facet", "Upper neck, right", "RIGHT", 22, 6)
                        .takes(0, "PHYSICAL_THERAPY", "NSAID")
                        .treated(rfa(195, "CONVENTIONAL", 80, 90, 3).on("THIRD_OCCIPITAL", "RIGHT").pain(6, 2)
                                .followUps("WEEK_2 3, MONTH_3 2, MONTH_6 2")),
                woman("Beatriz", "Santos", "1955-08-09").presents("TRIGEMINAL_NEURALGIA", "Left cheek and upper lip", "LEFT", 40, 9)
                        .takes(0, "ANTIDEPRESSANT", "GABAPENTINOID").speaks("pt-BR")
                        .treated(cryo(215, -70, 90, 90).on("INFRAORBITAL", "LEFT").pain(9, 3)
                                .followUps("DAY_2 4, WEEK_2 3, WEEK_6 3, MONTH_3 3, MONTH_6 4")),

                // --- hip, shoulder, limbs ---
                man("Walter", "Schmidt", "1944-12-03").presentsOther("Hip osteoarthritis, not fit for arthroplasty", "Right hip and groin", "RIGHT", 54, 8)
                        .takes(15, "ACETAMINOPHEN", "OPIOID").speaks("de")
                        .treated(rfa(145, "CONVENTIONAL", 80, 90, 3)
                                .on("FEMORAL_ARTICULAR_BRANCHES_TO_HIP", "RIGHT").on("OBTURATOR_ARTICULAR_BRANCHES_TO_HIP", "RIGHT")
                                .pain(8, 3)
                                .followUps("WEEK_2 4, MONTH_3 3")),
                woman("Margarethe", "Eriksen", "1950-04-26").presentsOther("Chronic shoulder pain, rotator cuff arthropathy", "Right shoulder", "RIGHT", 30, 7)
                        .takes(0, "PHYSICAL_THERAPY", "NSAID", "STEROID_INJECTION").speaks("da")
                        .treated(rfa(115, "PULSED", 42, 120, 2).imaging("ULTRASOUND").on("SUPRASCAPULAR", "RIGHT").pain(7, 4)
                                .notes("Pulsed radiofrequency at 42 °C, non-destructive; the temperature warning is expected")
                                .followUps("WEEK_2 5, MONTH_3 3")),
                man("Carlos", "Mendoza", "1972-09-09").presents("PHANTOM_LIMB_PAIN", "Left below-knee residual limb", "LEFT", 30, 8)
                        .takes(25, "OPIOID", "GABAPENTINOID", "COGNITIVE_BEHAVIOURAL_THERAPY").speaks("es")
                        .treated(cryo(180, -85, 120, 120).on("SAPHENOUS", "LEFT").on("SURAL", "LEFT").pain(8, 5)
                                .followUps("DAY_2 6, WEEK_2 5, WEEK_6 5, MONTH_3 4, MONTH_6 4")),
                woman("Zanele", "Dlamini", "1967-03-03").presents("PERIPHERAL_NEUROPATHY", "Right foot, dorsum", "RIGHT", 28, 6)
                        .takes(0, "GABAPENTINOID", "TOPICAL_AGENT")
                        .treated(cryo(70, -80, 90, 90).on("SUPERFICIAL_PERONEAL", "RIGHT").pain(6, 3)
                                .followUps("DAY_2 3, WEEK_2 3, WEEK_6 3")),
                man("Liam", "O'Brien", "1990-02-02").presents("CHRONIC_POSTOPERATIVE_PAIN", "Right knee after ACL repair", "RIGHT", 10, 6)
                        .takes(0, "PHYSICAL_THERAPY", "ACETAMINOPHEN").answers("coagulopathy", true));
    }
}
