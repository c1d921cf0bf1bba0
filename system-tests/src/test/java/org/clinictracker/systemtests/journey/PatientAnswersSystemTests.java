package org.clinictracker.systemtests.journey;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.awaitility.Awaitility;
import org.clinictracker.systemtests.AnswerFields;
import org.clinictracker.systemtests.ClinicMailServer.Mail;
import org.clinictracker.systemtests.ClinicService;
import org.clinictracker.systemtests.ClinicSystem;
import org.clinictracker.systemtests.HttpAnswer;
import org.clinictracker.systemtests.journey.OtherAddress.Answer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * Issue 12 on the running clinic: a patient answers her follow-up questions herself. The coordinator e-mails the
 * questions of a due visit through the gateway; the message reaches the clinic's SMTP server (a real one, in the
 * test); the patient opens its link through the gateway with no account and no session, sees nothing of herself but
 * her first name, and answers as the page's form posts. The answers become the visit's outcome as a coordinator's
 * would (responder, the side effect that needed a doctor reaches procedure-service's record as a serious adverse
 * event), the worklist shows the visit answered and waiting for review, the coordinator reviews it, and every step is
 * on the follow-up audit trail. A replayed form, an unknown link, hostile input and a guessing client are refused
 * with plain pages, and nothing is stored for them.
 */
class PatientAnswersSystemTests {

    private static final Duration WITHIN = Duration.ofSeconds(30);
    /** Words about the treatment that a message or a public page must never hold. */
    private static final List<String> CLINICAL_WORDS = List.of("ablation", "Ablation", "lumbar", "Lumbar", "facet",
            "medial branch", "L4", "L5", "RADIOFREQUENCY", "LOW_BACK");

    private static ClinicSystem clinic;
    private static String gateway;

    @BeforeAll
    static void startTheClinic() {
        clinic = ClinicSystem.start();
        gateway = clinic.browserUrl();
    }

    @Test
    void a_patient_answers_the_emailed_questions_on_her_phone_and_the_coordinator_reviews_them() {
        String email = "hannah." + letters(8) + "@example.org";
        SingleTreatment treated = SingleTreatment.dueForMonth3(gateway, "Hannah", email);
        ClinicClient coordinator = treated.coordinator;
        String visitId = treated.awaitVisit("MONTH_3").get("id").asString();
        awaitEmailOnFile(treated, "MONTH_3");

        // 1. the coordinator e-mails the questions; the clinic's SMTP server gets the message at once
        HttpAnswer issued = coordinator.post("patient-link-email", "/api/followups/" + visitId + "/patient-link",
                "{\"delivery\":\"EMAIL\"}");
        assertThat(issued.status()).as("issue: %s", issued).isEqualTo(201);
        assertThat(issued.json().get("state").asString()).isEqualTo("SENT");
        assertThat(issued.json().get("sentTo").asString()).isEqualTo("h•••@example.org");
        assertThat(issued.json().get("issuedBy").asString()).isEqualTo("coordinator1");
        assertThat(absent(issued.json(), "link"))
                .as("an e-mailed link is never shown to staff: %s", issued.body()).isTrue();
        Mail mail = clinic.mail().awaitMessageTo(email, WITHIN);
        assertThat(mail.from()).contains("followup@northside-pain.example");
        assertThat(mail.text()).contains("Hannah").contains("Northside Pain Clinic");
        String link = mail.link();
        // the words around the link (a random token may hold "L5")
        assertThat(mail.text().replace(link, "")).as("the message holds no clinical detail and no family name")
                .doesNotContain(CLINICAL_WORDS).doesNotContain(treated.mrn).doesNotContain("Fhir-");
        assertThat(link).startsWith(gateway + "/answer?token=").matches(".*token=[A-Za-z0-9_-]{43}");
        assertThat(coordinator.get("link-status", "/api/followups/" + visitId + "/patient-link").body())
                .as("the link itself is never stored or shown again").doesNotContain(link.substring(link.indexOf('=') + 1));

        // 2. the patient opens the link on her phone: no session, no account; her first name and nothing else of her
        PatientPhone phone = new PatientPhone(gateway);
        Answer questions = phone.open(link);
        assertThat(questions.status()).as("questions page: %s", questions).isEqualTo(200);
        assertThat(questions.header("Content-Type")).startsWith("text/html");
        String token = link.substring(link.indexOf("token=") + "token=".length());
        assertThat(questions.body().replace(token, "")).contains("Hannah").doesNotContain(CLINICAL_WORDS)
                .doesNotContain(treated.mrn).doesNotContain("Fhir-").doesNotContain("<script");
        assertThat(questions.header("Cache-Control")).contains("no-store");
        assertThat(questions.header("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(linkState(coordinator, visitId)).isEqualTo("OPENED");

        // 3. she answers as the form posts: pain 3 of a baseline 8 (a responder), PEG 4/3/5, soreness she saw a doctor for
        AnswerForm form = AnswerForm.on(questions.body());
        List<Map.Entry<String, String>> answers = form.fill(List.of(
                entry(AnswerFields.PAIN_NOW, "3"), entry(AnswerFields.PAIN_AVERAGE, "4"), entry(AnswerFields.ENJOYMENT, "3"),
                entry(AnswerFields.ACTIVITY, "5"), entry(AnswerFields.RELIEF, "70"), entry(AnswerFields.SATISFACTION, "4"),
                entry(AnswerFields.SENSATION, AnswerFields.NO), entry(AnswerFields.SIDE_EFFECT_TYPES, "SORENESS"),
                entry(AnswerFields.WORST, "MODERATE"), entry(AnswerFields.NEEDED_CARE, AnswerFields.YES), entry(AnswerFields.STILL_THERE, AnswerFields.YES),
                entry(AnswerFields.COMMENTS, "Much better on walks.\nStill sore where the needle went in.")));
        Answer thanks = phone.post(form.action, answers);
        assertThat(thanks.status()).as("thanks page: %s", thanks).isEqualTo(200);
        assertThat(thanks.body()).contains("Thank you, Hannah");

        // 4. the visit's outcome, reported by the patient, through the coordinator's rules
        HttpAnswer outcome = coordinator.get("outcome", "/api/followups/" + visitId + "/outcome");
        assertThat(outcome.status()).as("outcome: %s", outcome).isEqualTo(200);
        JsonNode recorded = outcome.json();
        assertThat(recorded.get("reportedBy").asString()).isEqualTo("PATIENT");
        assertThat(recorded.get("recordedBy").asString()).isEqualTo("patient");
        assertThat(recorded.get("painScore").asInt()).isEqualTo(3);
        assertThat(recorded.get("reliefPercent").asInt()).isEqualTo(70);
        assertThat(recorded.get("painAverage").asInt()).isEqualTo(4);
        assertThat(recorded.get("pegEnjoyment").asInt()).isEqualTo(3);
        assertThat(recorded.get("pegActivity").asInt()).isEqualTo(5);
        assertThat(recorded.get("functionScore").get("instrument").asString()).isEqualTo("PEG");
        assertThat(recorded.get("functionScore").get("value").asDouble()).isEqualTo(4.0);
        assertThat(recorded.get("responder").asBoolean()).as("pain 3 of baseline 8").isTrue();
        assertThat(recorded.get("adverseEvents")).singleElement().satisfies(event -> {
            assertThat(event.get("type").asString()).isEqualTo("SORENESS");
            assertThat(event.get("serious").asBoolean()).as("she needed a doctor for it").isTrue();
        });
        assertThat(absent(recorded, "reviewedAt")).as("not reviewed yet: %s", recorded).isTrue();

        // 5. the worklist: answered, no call needed, waiting in "answered by patients"
        JsonNode row = treated.visit("MONTH_3");
        assertThat(row.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(row.get("patientLink").get("state").asString()).isEqualTo("ANSWERED");
        assertThat(row.get("emailOnFile").asBoolean()).isTrue();
        assertThat(patientAnsweredView(coordinator)).contains(visitId);

        // 6. the side effect she needed a doctor for reaches the procedure's record as a serious complication
        JsonNode complication = Awaitility.await("the patient's side effect on the procedure's record")
                .atMost(WITHIN).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(500))
                .until(() -> followUpAdverseEvents(treated), found -> !found.isEmpty()).get(0);
        assertThat(complication.get("type").asString()).isEqualTo("SORENESS");
        assertThat(complication.get("serious").asBoolean()).isTrue();
        assertThat(complication.get("visitId").asString()).isEqualTo(visitId);

        // 7. the same form sent again (a double tap, a replay): refused, nothing more stored
        Answer replayed = phone.post(form.action, answers);
        assertThat(replayed.status()).as("replay: %s", replayed).isEqualTo(410);
        assertThat(replayed.body()).doesNotContain("Hannah").doesNotContain(CLINICAL_WORDS);
        assertThat(phone.open(link).status()).as("the used link opened again").isEqualTo(410);
        JsonNode after = coordinator.get("outcome-after-replay", "/api/followups/" + visitId + "/outcome").json();
        assertThat(after.get("version").asInt()).isEqualTo(recorded.get("version").asInt());
        assertThat(after.get("recordedAt").asString()).isEqualTo(recorded.get("recordedAt").asString());
        assertThat(followUpAdverseEvents(treated)).hasSize(1);

        // 8. every step on the follow-up audit trail
        List<String> actions = new ArrayList<>();
        auditTrail(treated).forEach(entry -> actions.add(entry.get("action").asString()));
        assertThat(actions).contains("PATIENT_LINK_ISSUED", "PATIENT_LINK_SENT", "PATIENT_LINK_OPENED",
                "PATIENT_ANSWERS_RECORDED");

        // 9. the coordinator reviews the answers as they are: gone from the view, marked reviewed
        HttpAnswer reviewed = coordinator.post("review", "/api/followups/" + visitId + "/outcome/review", null);
        assertThat(reviewed.status()).as("review: %s", reviewed).isBetween(200, 204);
        assertThat(patientAnsweredView(coordinator)).doesNotContain(visitId);
        JsonNode review = coordinator.get("outcome-reviewed", "/api/followups/" + visitId + "/outcome").json();
        assertThat(review.get("reviewedBy").asString()).isEqualTo("coordinator1");
        assertThat(review.get("reportedBy").asString()).isEqualTo("PATIENT");
    }

    @Test
    void a_link_nobody_issued_gets_a_plain_not_recognised_page_and_the_api_a_problem() {
        PatientPhone phone = new PatientPhone(gateway);
        String guessed = randomToken();
        List<String> paths = List.of("/answer?token=" + guessed, "/answer", "/answer?token=short",
                "/answer?token=" + "x".repeat(500));
        for (String path : paths) {
            Answer page = phone.open(path);
            assertThat(page.status()).as(path + ": " + page).isEqualTo(404);
            assertThat(page.header("Content-Type")).as(path).startsWith("text/html");
            assertThat(page.body()).as(path).doesNotContain("Exception").doesNotContain("<script");
        }
        Answer posted = phone.post("/answer", List.of(entry(AnswerFields.TOKEN, guessed), entry(AnswerFields.PAIN_NOW, "3")));
        assertThat(posted.status()).as("posted: %s", posted).isEqualTo(404);

        Answer opened = phone.postJson("/api/patient-answers/open", "{\"token\":\"" + guessed + "\"}");
        assertThat(opened.status()).as("open: %s", opened).isEqualTo(404);
        assertThat(opened.header("Content-Type")).startsWith("application/problem+json");
        assertThat(opened.body()).contains("patient-link-unknown");
        Answer answered = phone.postJson("/api/patient-answers", "{\"token\":\"" + guessed + "\",\"painNow\":3}");
        assertThat(answered.status()).as("answer: %s", answered).isEqualTo(404);
        assertThat(answered.body()).contains("patient-link-unknown");
    }

    @Test
    void hostile_answers_are_refused_with_a_4xx_and_nothing_is_stored_until_a_proper_answer_comes() {
        String email = "olga." + letters(8) + "@example.org";
        SingleTreatment treated = SingleTreatment.dueForMonth3(gateway, "Olga", email);
        ClinicClient coordinator = treated.coordinator;
        String visitId = treated.awaitVisit("MONTH_3").get("id").asString();

        // a link for the waiting room's tablet: shown once to the coordinator, never again
        HttpAnswer issued = coordinator.post("patient-link-tablet", "/api/followups/" + visitId + "/patient-link",
                "{\"delivery\":\"IN_CLINIC\"}");
        assertThat(issued.status()).as("issue: %s", issued).isEqualTo(201);
        assertThat(issued.json().get("state").asString()).isEqualTo("ISSUED");
        String link = issued.json().get("link").asString();
        assertThat(link).startsWith(gateway + "/answer?token=");
        HttpAnswer status = coordinator.get("link-status", "/api/followups/" + visitId + "/patient-link");
        assertThat(absent(status.json(), "link")).isTrue();
        assertThat(clinic.mail().messagesTo(email)).as("nothing e-mailed for a tablet link").isEmpty();

        PatientPhone phone = new PatientPhone(gateway);
        Answer questions = phone.open(link);
        assertThat(questions.status()).as("questions: %s", questions).isEqualTo(200);
        assertThat(questions.body()).contains("Olga");
        AnswerForm form = AnswerForm.on(questions.body());
        String nul = String.valueOf((char) 0);
        List<List<Map.Entry<String, String>>> hostile = List.of(
                List.of(entry(AnswerFields.PAIN_NOW, "abc")),
                List.of(entry(AnswerFields.PAIN_NOW, "11")),
                List.of(entry(AnswerFields.PAIN_NOW, "-1")),
                List.of(entry(AnswerFields.RELIEF, "50")), // pain now missing
                List.of(entry(AnswerFields.PAIN_NOW, "3"), entry(AnswerFields.PAIN_NOW, "9")),
                List.of(entry(AnswerFields.PAIN_NOW, "3"), entry(AnswerFields.RELIEF, "101")),
                List.of(entry(AnswerFields.PAIN_NOW, "3"), entry(AnswerFields.SATISFACTION, "6")),
                List.of(entry(AnswerFields.PAIN_NOW, "3"), entry(AnswerFields.SIDE_EFFECT_TYPES, "DROP TABLE")),
                List.of(entry(AnswerFields.PAIN_NOW, "3"), entry(AnswerFields.COMMENTS, "a" + nul + "b")),
                List.of(entry(AnswerFields.PAIN_NOW, "3"), entry(AnswerFields.COMMENTS, "x".repeat(100_000))));
        for (List<Map.Entry<String, String>> fields : hostile) {
            Answer refused = phone.post(form.action, form.forge(fields));
            String what = fields.stream().map(field -> field.getKey() + "=" + abbreviate(field.getValue())).toList().toString();
            assertThat(refused.status()).as(what + ": " + refused).isIn(400, 422);
            assertThat(refused.body()).as(what).doesNotContain("Exception");
        }
        // the public API, as a kiosk app would call it: wrong types, unknown fields, a flood of side effects
        String token = link.substring(link.indexOf("token=") + "token=".length());
        List<String> bodies = List.of(
                "{\"token\":\"" + token + "\",\"painNow\":\"3\"}",
                "{\"token\":\"" + token + "\",\"painNow\":3.5}",
                "{\"token\":\"" + token + "\",\"painNow\":3,\"recordedBy\":\"coordinator1\"}",
                "{\"token\":\"" + token + "\",\"painNow\":3,\"sideEffects\":{\"types\":["
                        + "\"SORENESS\",".repeat(1000) + "\"SORENESS\"],\"worst\":\"MILD\",\"neededMedicalCare\":false,"
                        + "\"stillThere\":false}}",
                "{\"token\":\"" + token + "\",\"painNow\":3,\"sideEffects\":{\"types\":[\"OTHER\"],\"worst\":\"MILD\","
                        + "\"neededMedicalCare\":false,\"stillThere\":false}}",
                "[1,2,3]",
                "{\"token\":");
        PatientPhone kiosk = new PatientPhone(gateway); // another device, another address
        for (String body : bodies) {
            Answer refused = kiosk.postJson("/api/patient-answers", body);
            assertThat(refused.status()).as(abbreviate(body) + ": " + refused).isBetween(400, 499);
            assertThat(refused.header("Content-Type")).as(abbreviate(body)).startsWith("application/problem+json");
        }

        // nothing stored: no outcome, the visit still open, the link still usable
        assertThat(coordinator.get("no-outcome", "/api/followups/" + visitId + "/outcome").status()).isEqualTo(404);
        assertThat(new ClinicDatabases(clinic).count(ClinicService.FOLLOWUPS,
                "SELECT count(*) FROM follow_up_outcome WHERE visit_id = ?", UUID.fromString(visitId))).isZero();
        assertThat(treated.visit("MONTH_3").get("status").asString()).isNotEqualTo("COMPLETED");
        assertThat(linkState(coordinator, visitId)).isEqualTo("OPENED");

        // and a proper answer after all that is taken
        Answer thanks = phone.post(form.action, form.fill(List.of(entry(AnswerFields.PAIN_NOW, "5"))));
        assertThat(thanks.status()).as("thanks: %s", thanks).isEqualTo(200);
        JsonNode outcome = coordinator.get("outcome", "/api/followups/" + visitId + "/outcome").json();
        assertThat(outcome.get("painScore").asInt()).isEqualTo(5);
        assertThat(absent(outcome, "functionScore")).as("no PEG without its three items: %s", outcome).isTrue();
    }

    @Test
    void the_form_posted_as_a_browser_posts_it_under_no_referrer_reaches_the_page() {
        SingleTreatment treated = SingleTreatment.dueForMonth3(gateway, "Vera", "vera." + letters(8) + "@example.org");
        String visitId = treated.awaitVisit("MONTH_3").get("id").asString();
        HttpAnswer issued = treated.coordinator.post("patient-link-tablet", "/api/followups/" + visitId + "/patient-link",
                "{\"delivery\":\"IN_CLINIC\"}");
        assertThat(issued.status()).as("issue: %s", issued).isEqualTo(201);
        PatientPhone phone = new PatientPhone(gateway);
        Answer questions = phone.open(issued.json().get("link").asString());
        assertThat(questions.header("Referrer-Policy")).isEqualTo("no-referrer");
        AnswerForm form = AnswerForm.on(questions.body());

        // Origin: null, as Chromium sends it with the form under no-referrer: the same page as without an Origin
        Answer missing = phone.postAsBrowser(form.action, form.fill(List.of(entry(AnswerFields.RELIEF, "40"))));
        assertThat(missing.status()).as("pain now missing, posted as a browser: %s", missing).isEqualTo(422);
        Answer thanks = phone.postAsBrowser(form.action, form.fill(List.of(entry(AnswerFields.PAIN_NOW, "4"))));
        assertThat(thanks.status()).as("posted as a browser: %s", thanks).isEqualTo(200);
        assertThat(thanks.body()).contains("Thank you, Vera");
    }

    @Test
    void a_client_guessing_links_is_stopped_at_the_gateway_per_address_and_others_are_not() {
        OtherAddress guesser = OtherAddress.fresh(gateway);
        List<Integer> statuses = new ArrayList<>();
        Answer limited = null;
        for (int i = 0; i < 500 && limited == null; i++) {
            Answer answer = guesser.get("/answer?token=" + randomToken(), "text/html");
            statuses.add(answer.status());
            if (answer.status() == 429) {
                limited = answer;
            }
        }
        assertThat(limited).as("a 429 for %s after %s", guesser.address(), statuses).isNotNull();
        assertThat(statuses.subList(0, statuses.size() - 1)).as("before the limit").containsOnly(404);
        assertThat(statuses.size() - 1).as("guesses let through").isGreaterThanOrEqualTo(5);
        assertThat(limited.header("Retry-After")).isNotBlank();
        assertThat(limited.header("Content-Type")).startsWith("text/html");
        // the API from the same address: the same bucket, answered as a problem
        Answer api = guesser.post("/api/patient-answers/open", "application/json", "application/json",
                "{\"token\":\"" + randomToken() + "\"}");
        assertThat(api.status()).isEqualTo(429);
        assertThat(api.header("Content-Type")).startsWith("application/problem+json");
        // claiming another address in X-Forwarded-For buys nothing (forward headers are off here)
        assertThat(guesser.getClaimingToBe("/answer?token=" + randomToken(), "203.0.113." + statuses.size()).status())
                .isEqualTo(429);
        // another address is not affected
        OtherAddress neighbour = OtherAddress.fresh(gateway);
        assertThat(neighbour.get("/answer?token=" + randomToken(), "text/html").status()).isEqualTo(404);
    }

    /** The field is left out (the services leave out nulls) or null. */
    private static boolean absent(JsonNode node, String field) {
        return node.path(field).isMissingNode() || node.path(field).isNull();
    }

    private static void awaitEmailOnFile(SingleTreatment treated, String label) {
        Awaitility.await("followup-service knows the patient's e-mail address").atMost(WITHIN)
                .pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(500))
                .until(() -> treated.visit(label).path("emailOnFile").asBoolean(false));
    }

    private static String linkState(ClinicClient coordinator, String visitId) {
        HttpAnswer status = coordinator.get("link-status", "/api/followups/" + visitId + "/patient-link");
        assertThat(status.status()).as("link status: %s", status).isEqualTo(200);
        return status.json().get("state").asString();
    }

    private static List<String> patientAnsweredView(ClinicClient coordinator) {
        HttpAnswer view = coordinator.get("patient-answered", "/api/followups?view=PATIENT_ANSWERED&size=100");
        assertThat(view.status()).as("view: %s", view).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        view.json().get("content").forEach(visit -> ids.add(visit.get("id").asString()));
        return ids;
    }

    private static List<JsonNode> followUpAdverseEvents(SingleTreatment treated) {
        HttpAnswer procedure = treated.coordinator.get("procedure", "/api/procedures/" + treated.procedureId);
        assertThat(procedure.status()).as("procedure: %s", procedure).isEqualTo(200);
        List<JsonNode> found = new ArrayList<>();
        procedure.json().get("adverseEvents").forEach(event -> {
            if ("FOLLOW_UP".equals(event.path("source").asString(""))) {
                found.add(event);
            }
        });
        return found;
    }

    private static List<JsonNode> auditTrail(SingleTreatment treated) {
        ClinicClient admin = ClinicClient.signedIn("admin1", gateway, treated.requests);
        HttpAnswer trail = admin.get("audit", "/api/followups/audit?patientId=" + treated.patientId + "&size=100");
        assertThat(trail.status()).as("audit: %s", trail).isEqualTo(200);
        List<JsonNode> entries = new ArrayList<>();
        trail.json().get("content").forEach(entries::add);
        return entries;
    }

    /** What a link's token looks like: 32 random bytes, base64url without padding. */
    private static String randomToken() {
        byte[] bytes = new byte[32];
        ThreadLocalRandom.current().nextBytes(bytes);
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String abbreviate(String value) {
        return value.length() > 60 ? value.substring(0, 60) + "…(" + value.length() + ")" : value.replace(String.valueOf((char) 0), "\\0");
    }

    private static String letters(int count) {
        StringBuilder letters = new StringBuilder();
        for (int i = 0; i < count; i++) {
            letters.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
        }
        return letters.toString();
    }
}
