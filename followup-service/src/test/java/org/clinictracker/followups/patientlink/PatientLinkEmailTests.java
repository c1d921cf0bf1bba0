package org.clinictracker.followups.patientlink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.clinictracker.followups.Plans;
import org.clinictracker.followups.TestClock;
import org.clinictracker.followups.plan.PlanAmended;
import org.clinictracker.testsupport.ClinicJwt;
import org.clinictracker.testsupport.ClinicServiceTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.transaction.support.TransactionTemplate;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.internet.MimeMessage;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A coordinator sends a patient their visit's link through a real SMTP server (GreenMail), and the patient opens
 * it: what the message says and does not say, what is stored of the token, and every way a link stops working.
 */
@ClinicServiceTest
class PatientLinkEmailTests {

    static final LocalDate PERFORMED = LocalDate.of(2033, 3, 1);
    /** Day 15: WEEK_2 (due day 14, window days 11..17) is due. */
    static final LocalDate TODAY = PERFORMED.plusDays(15);
    static final Pattern LINK = Pattern.compile("http://localhost:8080/answer\\?token=([A-Za-z0-9_-]{43})");

    static final int SMTP_PORT = freePort();

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(SMTP_PORT, "127.0.0.1", "smtp"))
            .withPerMethodLifecycle(false);

    @DynamicPropertySource
    static void smtpServer(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP_PORT);
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Plans plans;

    @Autowired
    TestClock clock;

    @Autowired
    PatientLinks links;

    @Autowired
    MeterRegistry meters;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    ApplicationEventPublisher events;

    UUID patientId;
    UUID planId;
    UUID week2;
    /** Each patient's own mail domain, so a test reads only its own messages. */
    String domain;

    @BeforeEach
    void aPatientWithAnEMailAddressWhoseWeek2VisitIsDue() {
        clock.set(PERFORMED);
        patientId = plans.patient("Lindqvist, Hannah", 8);
        domain = "p" + UUID.randomUUID().toString().substring(0, 8) + ".example.org";
        jdbc.sql("UPDATE known_patient SET given_name = 'Hannah', email = ? WHERE id = ?")
                .param("hannah@" + domain).param(patientId).update();
        planId = plans.start(Plans.kneeCryo(patientId, PERFORMED));
        week2 = plans.visit(planId, "WEEK_2");
        clock.set(TODAY);
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void an_emailed_link_reaches_the_patient_without_clinical_detail_and_opens_their_page() throws Exception {
        issue(week2, "EMAIL")
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "/api/followups/" + week2 + "/patient-link"))
                .andExpect(jsonPath("$.visitId").value(week2.toString()))
                .andExpect(jsonPath("$.delivery").value("EMAIL"))
                .andExpect(jsonPath("$.state").value("SENT"))
                .andExpect(jsonPath("$.issuedBy").value("coordinator1"))
                .andExpect(jsonPath("$.sentTo").value("h•••@" + domain))
                .andExpect(jsonPath("$.sentAt").isNotEmpty())
                .andExpect(jsonPath("$.expiresAt").value("2033-03-19T00:00:00Z")) // end of day 17, the window's last
                .andExpect(jsonPath("$.link").doesNotExist());

        MimeMessage message = onlyMessageTo(domain);
        assertThat(message.getRecipients(RecipientType.TO)).extracting(Object::toString)
                .containsExactly("hannah@" + domain);
        assertThat(message.getFrom()).extracting(Object::toString)
                .containsExactly("Clinic follow-up <followup@clinic.example>");
        assertThat(message.getSubject()).isEqualTo("Your follow-up questions from the clinic");
        assertThat(message.getContentType()).contains("text/plain").containsIgnoringCase("utf-8");
        String text = GreenMailUtil.getBody(message);
        assertThat(text).contains("Hello Hannah,").contains("until the end of Friday 18 March 2033");
        assertThat(text.toLowerCase()).doesNotContain("knee", "genicular", "nerve", "cryo", "pain", "lindqvist",
                "procedure");
        String token = tokenIn(text);

        // only the token's SHA-256 is stored, and nothing in the row gives the token away
        assertThat(jdbc.sql("""
                SELECT count(*) FROM patient_link
                WHERE visit_id = ? AND token_hash = encode(sha256(convert_to(?, 'UTF8')), 'hex')""")
                .param(week2).param(token).query(Integer.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM patient_link l WHERE strpos(row_to_json(l)::text, ?) > 0")
                .param(token).query(Integer.class).single()).isZero();

        open(token)
                .andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", "no-store"))
                .andExpect(jsonPath("$.givenName").value("Hannah"))
                .andExpect(jsonPath("$.visitDate").value(PERFORMED.plusDays(14).toString()))
                .andExpect(jsonPath("$.expiresAt").value("2033-03-19T00:00:00Z"))
                .andExpect(jsonPath("$.length()").value(3));
        open(token).andExpect(status().isOk()); // opening again is fine: only answering uses the link up

        mvc.perform(get("/api/followups/{id}/patient-link", week2).with(ClinicJwt.proceduralist()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("OPENED"))
                .andExpect(jsonPath("$.openedAt").isNotEmpty())
                .andExpect(jsonPath("$.link").doesNotExist());
        assertThat(audited("PATIENT_LINK_ISSUED")).containsExactly("coordinator1");
        assertThat(audited("PATIENT_LINK_SENT")).containsExactly("coordinator1");
        assertThat(audited("PATIENT_LINK_OPENED")).containsExactly("patient", "patient");
        assertThat(audited("PATIENT_LINK_READ")).containsExactly("proceduralist1");
    }

    @Test
    void an_in_clinic_link_is_shown_once_and_kept_nowhere() throws Exception {
        String key = UUID.randomUUID().toString();
        String answer = mvc.perform(post("/api/followups/{id}/patient-link", week2).with(ClinicJwt.coordinator())
                        .header("Idempotency-Key", key).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"delivery\":\"IN_CLINIC\"}"))
                .andExpect(status().isCreated())
                .andExpect(header().string("Cache-Control", "no-store"))
                .andExpect(jsonPath("$.state").value("ISSUED"))
                .andExpect(jsonPath("$.sentTo").doesNotExist())
                .andReturn().getResponse().getContentAsString();
        String token = tokenIn(json.readTree(answer).get("link").asString());

        assertThat(smtp.getReceivedMessagesForDomain(domain)).isEmpty();
        mvc.perform(get("/api/followups/{id}/patient-link", week2).with(ClinicJwt.coordinator()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.delivery").value("IN_CLINIC"))
                .andExpect(jsonPath("$.state").value("ISSUED"))
                .andExpect(jsonPath("$.link").doesNotExist());
        // not even the Idempotency-Key's stored answer keeps it: a retry issues a new link instead of replaying
        assertThat(jdbc.sql("SELECT count(*) FROM idempotent_request WHERE strpos(convert_from(body, 'UTF8'), ?) > 0")
                .param(token).query(Integer.class).single()).isZero();
        String retried = mvc.perform(post("/api/followups/{id}/patient-link", week2).with(ClinicJwt.coordinator())
                        .header("Idempotency-Key", key).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"delivery\":\"IN_CLINIC\"}"))
                .andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        assertThat(tokenIn(json.readTree(retried).get("link").asString())).isNotEqualTo(token);
        open(token).andExpect(status().isGone()).andExpect(jsonPath("$.code").value("patient-link-expired"));
    }

    @Test
    void retrying_an_emailed_link_with_its_idempotency_key_sends_no_second_message() throws Exception {
        String key = UUID.randomUUID().toString();
        for (int attempt = 0; attempt < 2; attempt++) {
            mvc.perform(post("/api/followups/{id}/patient-link", week2).with(ClinicJwt.coordinator())
                            .header("Idempotency-Key", key).contentType(MediaType.APPLICATION_JSON)
                            .content("{\"delivery\":\"EMAIL\"}"))
                    .andExpect(status().isCreated())
                    .andExpect(jsonPath("$.state").value("SENT"));
        }
        onlyMessageTo(domain);
        assertThat(jdbc.sql("SELECT count(*) FROM patient_link WHERE visit_id = ?").param(week2)
                .query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void a_link_works_until_the_end_of_the_visits_last_day() throws Exception {
        String token = inClinicLink(week2);
        Instant endOfDay17 = Instant.parse("2033-03-19T00:00:00Z");

        clock.set(endOfDay17.minusSeconds(1));
        open(token).andExpect(status().isOk());

        clock.set(endOfDay17);
        open(token)
                .andExpect(status().isGone())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("patient-link-expired"));
        mvc.perform(get("/api/followups/{id}/patient-link", week2).with(ClinicJwt.coordinator()))
                .andExpect(jsonPath("$.state").value("EXPIRED"));
    }

    @Test
    void issuing_again_replaces_the_earlier_link() throws Exception {
        String first = inClinicLink(week2);
        issue(week2, "EMAIL").andExpect(status().isCreated());
        String second = tokenIn(GreenMailUtil.getBody(onlyMessageTo(domain)));

        open(first)
                .andExpect(status().isGone())
                .andExpect(jsonPath("$.code").value("patient-link-expired"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.not(
                        org.hamcrest.Matchers.containsString("Hannah"))));
        open(second).andExpect(status().isOk());
        assertThat(jdbc.sql("SELECT count(*) FROM patient_link WHERE visit_id = ? AND revoked_at IS NULL")
                .param(week2).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void unknown_and_malformed_tokens_are_not_found_and_counted() throws Exception {
        double before = refused("unknown");
        String unknown = new LinkTokens().issue().token();
        for (String body : new String[] { "{\"token\":\"" + unknown + "\"}", "{\"token\":\"abc\"}", "{}",
                "{\"token\":\"" + unknown + "'; DROP TABLE patient_link;--\"}", "{\"token\":null}" }) {
            mvc.perform(post("/api/patient-answers/open").contentType(MediaType.APPLICATION_JSON).content(body))
                    .andExpect(status().isNotFound())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.code").value("patient-link-unknown"));
        }
        assertThat(refused("unknown") - before).isEqualTo(5);
    }

    @Test
    void a_link_whose_visit_the_clinic_documented_or_that_was_answered_is_used() throws Exception {
        String token = inClinicLink(week2);
        mvc.perform(post("/api/followups/{id}/outcome", week2).with(ClinicJwt.coordinator())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"painScore\":3}"))
                .andExpect(status().isCreated());

        open(token).andExpect(status().isGone()).andExpect(jsonPath("$.code").value("patient-link-used"));
        mvc.perform(get("/api/followups/{id}/patient-link", week2).with(ClinicJwt.coordinator()))
                .andExpect(jsonPath("$.state").value("REPLACED"));

        UUID another = plans.patient("Berger, Paul", 6); // treated yesterday: DAY_2 (days 1..3) is due
        UUID day2 = plans.visit(plans.start(Plans.kneeCryo(another, TODAY.minusDays(1))), "DAY_2");
        String answered = inClinicLink(day2);
        jdbc.sql("UPDATE patient_link SET answered_at = now() WHERE visit_id = ?").param(day2).update();
        open(answered).andExpect(status().isGone()).andExpect(jsonPath("$.code").value("patient-link-used"));
        assertThat(refused("used")).isGreaterThanOrEqualTo(2);
    }

    @Test
    void a_cancelled_visits_link_leads_nowhere_and_is_withdrawn_with_the_plans_amendment() throws Exception {
        String token = inClinicLink(week2);
        jdbc.sql("UPDATE follow_up_visit SET state = 'CANCELLED' WHERE id = ?").param(week2).update();
        open(token).andExpect(status().isGone()).andExpect(jsonPath("$.code").value("patient-link-used"));

        transaction.executeWithoutResult(status -> events.publishEvent(new PlanAmended(planId, null, patientId)));
        mvc.perform(get("/api/followups/{id}/patient-link", week2).with(ClinicJwt.coordinator()))
                .andExpect(jsonPath("$.state").value("REPLACED"));
    }

    @Test
    void when_the_mail_server_refuses_the_link_is_withdrawn() throws Exception {
        String earlier = inClinicLink(week2);
        smtp.stop();
        try {
            issue(week2, "EMAIL")
                    .andExpect(status().isServiceUnavailable())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.code").value("message-not-sent"));
        } finally {
            smtp.start();
        }
        assertThat(jdbc.sql("""
                SELECT count(*) FROM patient_link
                WHERE visit_id = ? AND delivery = 'EMAIL' AND send_failed_at IS NOT NULL AND revoked_at IS NOT NULL
                  AND sent_at IS NULL""")
                .param(week2).query(Integer.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM patient_link WHERE visit_id = ? AND revoked_at IS NULL")
                .param(week2).query(Integer.class).single()).isZero();
        open(earlier).andExpect(status().isGone()); // replaced by the link that never left
        mvc.perform(get("/api/followups/{id}/patient-link", week2).with(ClinicJwt.coordinator()))
                .andExpect(jsonPath("$.state").value("SEND_FAILED"))
                .andExpect(jsonPath("$.sentTo").value("h•••@" + domain));
        assertThat(audited("PATIENT_LINK_NOT_SENT")).containsExactly("coordinator1");
    }

    @Test
    void links_are_only_for_open_visits_whose_window_has_started() throws Exception {
        issue(plans.visit(planId, "MONTH_3"), "IN_CLINIC")
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("visit-not-open"));

        UUID day2 = plans.visit(planId, "DAY_2"); // window days 1..3: over, not marked missed yet
        issue(day2, "IN_CLINIC").andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("visit-missed"));
        jdbc.sql("UPDATE follow_up_visit SET state = 'MISSED' WHERE id = ?").param(day2).update();
        issue(day2, "EMAIL").andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("visit-missed"));

        UUID cancelled = plans.visit(planId, "MONTH_6");
        jdbc.sql("UPDATE follow_up_visit SET state = 'CANCELLED' WHERE id = ?").param(cancelled).update();
        issue(cancelled, "IN_CLINIC")
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("visit-cancelled"));

        mvc.perform(post("/api/followups/{id}/outcome", week2).with(ClinicJwt.coordinator())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"painScore\":3}"))
                .andExpect(status().isCreated());
        issue(week2, "EMAIL")
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("outcome-already-recorded"));

        issue(UUID.randomUUID(), "IN_CLINIC").andExpect(status().isNotFound());
        assertThat(jdbc.sql("SELECT count(*) FROM patient_link WHERE patient_id = ?").param(patientId)
                .query(Integer.class).single()).isZero();
        assertThat(smtp.getReceivedMessagesForDomain(domain)).isEmpty();
    }

    @Test
    void a_patient_without_an_email_address_gets_a_link_in_the_clinic_only() throws Exception {
        jdbc.sql("UPDATE known_patient SET email = NULL WHERE id = ?").param(patientId).update();
        issue(week2, "EMAIL")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("no-email-on-file"));
        assertThat(jdbc.sql("SELECT count(*) FROM patient_link WHERE visit_id = ?").param(week2)
                .query(Integer.class).single()).isZero();
        for (String unusable : new String[] { "hannah", "hannah@" + domain + ", mallory@evil.example",
                "Mallory <mallory@evil.example>", "hannah@" + domain + "\r\nBcc: mallory@evil.example" }) {
            jdbc.sql("UPDATE known_patient SET email = ? WHERE id = ?").param(unusable).param(patientId).update();
            issue(week2, "EMAIL")
                    .andExpect(status().isUnprocessableContent())
                    .andExpect(jsonPath("$.code").value("no-email-on-file"));
        }
        assertThat(jdbc.sql("SELECT count(*) FROM patient_link WHERE visit_id = ?").param(week2)
                .query(Integer.class).single()).isZero();
        issue(week2, "IN_CLINIC").andExpect(status().isCreated());

        assertThat(links.currentOf(java.util.List.of(week2, UUID.randomUUID())))
                .containsOnlyKeys(week2)
                .hasEntrySatisfying(week2, link -> assertThat(link.state()).isEqualTo(PatientLinkStatus.State.ISSUED));
    }

    @Test
    void a_delivery_the_clinic_does_not_have_is_a_bad_request() throws Exception {
        for (String body : new String[] { "{\"delivery\":\"SMS\"}", "{}", "{\"delivery\":null}", "not json" }) {
            mvc.perform(post("/api/followups/{id}/patient-link", week2).with(ClinicJwt.coordinator())
                            .contentType(MediaType.APPLICATION_JSON).content(body))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        }
        assertThat(jdbc.sql("SELECT count(*) FROM patient_link WHERE visit_id = ?").param(week2)
                .query(Integer.class).single()).isZero();
    }

    @Test
    void only_a_coordinator_issues_links_and_the_clinical_readers_see_them() throws Exception {
        String body = "{\"delivery\":\"IN_CLINIC\"}";
        mvc.perform(post("/api/followups/{id}/patient-link", week2).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isUnauthorized());
        mvc.perform(post("/api/followups/{id}/patient-link", week2).with(ClinicJwt.frontDesk())
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/followups/{id}/patient-link", week2).with(ClinicJwt.proceduralist())
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isForbidden());
        assertThat(jdbc.sql("SELECT count(*) FROM patient_link WHERE visit_id = ?").param(week2)
                .query(Integer.class).single()).isZero();

        mvc.perform(get("/api/followups/{id}/patient-link", week2).with(ClinicJwt.coordinator()))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("patient-link-not-found"));
        inClinicLink(week2);
        mvc.perform(get("/api/followups/{id}/patient-link", week2).with(ClinicJwt.clinicAdmin()))
                .andExpect(status().isOk());
        mvc.perform(get("/api/followups/{id}/patient-link", week2).with(ClinicJwt.frontDesk()))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/followups/{id}/patient-link", week2)).andExpect(status().isUnauthorized());
    }

    @Test
    void the_automatic_sender_emails_each_due_visit_once() throws Exception {
        // another patient, lost to follow-up: left to the coordinator
        UUID lost = plans.patient("Okafor, Ada", 7);
        jdbc.sql("UPDATE known_patient SET given_name = 'Ada', email = ?, lost_to_follow_up_since = ? WHERE id = ?")
                .param("ada@" + domain).param(PERFORMED).param(lost).update();
        clock.set(PERFORMED);
        UUID lostPlan = plans.start(Plans.kneeCryo(lost, PERFORMED));
        clock.set(TODAY);

        links.sendDue(1); // batches of one: the run goes on until no visit is left
        links.sendDue(50);

        MimeMessage message = onlyMessageTo(domain);
        assertThat(message.getRecipients(RecipientType.TO)).extracting(Object::toString)
                .containsExactly("hannah@" + domain);
        assertThat(jdbc.sql("SELECT issued_by FROM patient_link WHERE visit_id = ?").param(week2)
                .query(String.class).single()).isEqualTo("system");
        assertThat(jdbc.sql("SELECT count(*) FROM patient_link WHERE visit_id = ?")
                .param(plans.visit(lostPlan, "WEEK_2")).query(Integer.class).single()).isZero();
        assertThat(audited("PATIENT_LINK_SENT")).containsExactly("system");
        open(tokenIn(GreenMailUtil.getBody(message))).andExpect(status().isOk());
    }

    @Test
    void two_automatic_senders_at_once_send_a_visit_one_message() throws Exception {
        var runs = java.util.stream.IntStream.range(0, 2)
                .mapToObj(i -> java.util.concurrent.CompletableFuture.supplyAsync(() -> links.sendDue(1)))
                .toList();
        runs.forEach(java.util.concurrent.CompletableFuture::join);

        onlyMessageTo(domain);
        assertThat(jdbc.sql("SELECT count(*) FROM patient_link WHERE visit_id = ?").param(week2)
                .query(Integer.class).single()).isEqualTo(1);
    }

    private ResultActions issue(UUID visitId, String delivery) throws Exception {
        return mvc.perform(post("/api/followups/{id}/patient-link", visitId).with(ClinicJwt.coordinator())
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(Map.of("delivery", delivery))));
    }

    private String inClinicLink(UUID visitId) throws Exception {
        String answer = issue(visitId, "IN_CLINIC").andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        JsonNode link = json.readTree(answer).get("link");
        return tokenIn(link.asString());
    }

    private ResultActions open(String token) throws Exception {
        return mvc.perform(post("/api/patient-answers/open").contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(Map.of("token", token))));
    }

    private MimeMessage onlyMessageTo(String mailDomain) {
        MimeMessage[] messages = smtp.getReceivedMessagesForDomain(mailDomain);
        assertThat(messages).hasSize(1);
        return messages[0];
    }

    private static String tokenIn(String text) {
        Matcher matcher = LINK.matcher(text);
        assertThat(matcher.find()).as("a link in %s", text).isTrue();
        return matcher.group(1);
    }

    private java.util.List<String> audited(String action) {
        return jdbc.sql("SELECT actor FROM audit_entry WHERE patient_id = ? AND action = ? ORDER BY at")
                .param(patientId).param(action).query(String.class).list();
    }

    private double refused(String reason) {
        var counter = meters.find(PatientLinkGate.REFUSED_METRIC).tag("reason", reason).counter();
        return counter == null ? 0 : counter.count();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
