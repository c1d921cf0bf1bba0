package org.clinictracker.followups.worklist;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;

import org.clinictracker.followups.Plans;
import org.clinictracker.followups.TestClock;
import org.clinictracker.testsupport.ClinicJwt;
import org.clinictracker.testsupport.ClinicServiceTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The worklist shows each visit's link to the patient's questions and lists the answers still to be reviewed. Links
 * and patient-reported outcomes are written straight into the tables, as issuing and answering leave them (those
 * have their own tests), with a token hashed as the service hashes it. The clinic's day is fixed at {@link #TODAY}
 * (noon UTC); a knee cryoneurolysis done 14 days before it has its WEEK_2 visit due today.
 */
@ClinicServiceTest
class WorklistPatientLinkTests {

    static final LocalDate TODAY = LocalDate.of(2012, 5, 16);
    static final Instant NOW = TODAY.atTime(LocalTime.NOON).toInstant(ZoneOffset.UTC);
    /** The end of WEEK_2's last day (today + 3), when its links expire. */
    static final Instant WEEK_2_EXPIRY = TODAY.plusDays(4).atStartOfDay().toInstant(ZoneOffset.UTC);
    private static final SecureRandom RANDOM = new SecureRandom();

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Plans plans;
    @Autowired
    TestClock clock;

    @BeforeEach
    void clinicDay() {
        clock.set(NOW);
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void a_visit_without_a_link_shows_none_and_whether_an_email_address_is_on_file() throws Exception {
        UUID withEmail = plans.patient("Silva, Maria", 7);
        jdbc.sql("UPDATE known_patient SET given_name = 'Maria', email = 'maria@example.org' WHERE id = ?")
                .param(withEmail).update();
        plans.start(Plans.kneeCryo(withEmail, TODAY.minusDays(14)));
        UUID withoutEmail = plans.patient("Okafor, Ada", 7);
        plans.start(Plans.kneeCryo(withoutEmail, TODAY.minusDays(14)));

        mvc.perform(worklist(withEmail).param("view", "TODAY").with(ClinicJwt.coordinator()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.content[0].label").value("WEEK_2"))
                .andExpect(jsonPath("$.content[0].patientLink").doesNotExist())
                .andExpect(jsonPath("$.content[0].emailOnFile").value(true));
        mvc.perform(worklist(withoutEmail).param("view", "TODAY").with(ClinicJwt.coordinator()))
                .andExpect(jsonPath("$.content[0].patientLink").doesNotExist())
                .andExpect(jsonPath("$.content[0].emailOnFile").value(false));
    }

    @Test
    void an_emailed_link_is_sent_until_the_patient_opens_it() throws Exception {
        Visit visit = week2("Novak, Jan");
        Instant sentAt = NOW.minus(Duration.ofHours(2));
        UUID link = link(visit, "EMAIL", NOW.minus(Duration.ofHours(3)), WEEK_2_EXPIRY);
        jdbc.sql("UPDATE patient_link SET sent_at = ? WHERE id = ?").param(Timestamp.from(sentAt)).param(link).update();

        mvc.perform(worklist(visit.patientId()).param("view", "TODAY").with(ClinicJwt.coordinator()))
                .andExpect(jsonPath("$.content[0].id").value(visit.id().toString()))
                .andExpect(jsonPath("$.content[0].patientLink.state").value("SENT"))
                .andExpect(jsonPath("$.content[0].patientLink.sentAt").value(sentAt.toString()))
                .andExpect(jsonPath("$.content[0].patientLink.expiresAt").value(WEEK_2_EXPIRY.toString()))
                .andExpect(jsonPath("$.content[0].patientLink.openedAt").doesNotExist())
                .andExpect(jsonPath("$.content[0].patientLink.answeredAt").doesNotExist());

        Instant openedAt = NOW.minus(Duration.ofMinutes(5));
        jdbc.sql("UPDATE patient_link SET opened_at = ? WHERE id = ?").param(Timestamp.from(openedAt)).param(link).update();

        mvc.perform(worklist(visit.patientId()).param("view", "TODAY").with(ClinicJwt.coordinator()))
                .andExpect(jsonPath("$.content[0].patientLink.state").value("OPENED"))
                .andExpect(jsonPath("$.content[0].patientLink.sentAt").value(sentAt.toString()))
                .andExpect(jsonPath("$.content[0].patientLink.openedAt").value(openedAt.toString()));
    }

    @Test
    void a_link_handed_over_in_the_clinic_is_issued() throws Exception {
        Visit visit = week2("Ito, Ken");
        link(visit, "IN_CLINIC", NOW.minus(Duration.ofMinutes(10)), WEEK_2_EXPIRY);

        mvc.perform(worklist(visit.patientId()).param("view", "TODAY").with(ClinicJwt.coordinator()))
                .andExpect(jsonPath("$.content[0].patientLink.state").value("ISSUED"))
                .andExpect(jsonPath("$.content[0].patientLink.sentAt").doesNotExist());
    }

    @Test
    void a_replaced_link_gives_way_to_the_new_one() throws Exception {
        Visit visit = week2("Haddad, Lina");
        UUID first = link(visit, "EMAIL", NOW.minus(Duration.ofDays(2)), WEEK_2_EXPIRY);
        jdbc.sql("UPDATE patient_link SET sent_at = issued_at, opened_at = issued_at + interval '1 hour',"
                + " revoked_at = ? WHERE id = ?").param(Timestamp.from(NOW.minus(Duration.ofHours(1)))).param(first)
                .update();
        Instant resentAt = NOW.minus(Duration.ofHours(1));
        UUID second = link(visit, "EMAIL", resentAt, WEEK_2_EXPIRY);
        jdbc.sql("UPDATE patient_link SET sent_at = issued_at WHERE id = ?").param(second).update();

        mvc.perform(worklist(visit.patientId()).param("view", "TODAY").with(ClinicJwt.coordinator()))
                .andExpect(jsonPath("$.content[0].patientLink.state").value("SENT"))
                .andExpect(jsonPath("$.content[0].patientLink.sentAt").value(resentAt.toString()))
                .andExpect(jsonPath("$.content[0].patientLink.openedAt").doesNotExist());
    }

    @Test
    void a_link_past_its_expiry_unanswered_is_expired() throws Exception {
        Visit visit = week2("Brown, Tom");
        UUID link = link(visit, "EMAIL", NOW.minus(Duration.ofDays(3)), NOW.minus(Duration.ofMinutes(1)));
        jdbc.sql("UPDATE patient_link SET sent_at = issued_at WHERE id = ?").param(link).update();

        mvc.perform(worklist(visit.patientId()).param("view", "TODAY").with(ClinicJwt.coordinator()))
                .andExpect(jsonPath("$.content[0].patientLink.state").value("EXPIRED"))
                .andExpect(jsonPath("$.content[0].patientLink.expiresAt").value(NOW.minus(Duration.ofMinutes(1)).toString()));
    }

    @Test
    void an_email_that_could_not_be_sent_shows_as_failed_though_its_link_was_withdrawn() throws Exception {
        Visit visit = week2("Moreau, Luc");
        UUID link = link(visit, "EMAIL", NOW.minus(Duration.ofMinutes(3)), WEEK_2_EXPIRY);
        jdbc.sql("UPDATE patient_link SET send_failed_at = issued_at, revoked_at = issued_at WHERE id = ?").param(link)
                .update();

        mvc.perform(worklist(visit.patientId()).param("view", "TODAY").with(ClinicJwt.coordinator()))
                .andExpect(jsonPath("$.content[0].patientLink.state").value("SEND_FAILED"))
                .andExpect(jsonPath("$.content[0].patientLink.sentAt").doesNotExist());
    }

    @Test
    void a_visit_the_patient_answered_leaves_todays_calls_and_waits_in_patient_answered_until_reviewed()
            throws Exception {
        Visit visit = week2("Kowalski, Piotr");
        Instant answeredAt = NOW.minus(Duration.ofMinutes(30));
        answered(visit, answeredAt);

        mvc.perform(worklist(visit.patientId()).param("view", "TODAY").with(ClinicJwt.coordinator()))
                .andExpect(jsonPath("$.content[*].id", not(hasItem(visit.id().toString()))));
        mvc.perform(worklist(visit.patientId()).with(ClinicJwt.coordinator()))
                .andExpect(jsonPath("$.content[*].id", not(hasItem(visit.id().toString()))));
        mvc.perform(worklist(visit.patientId()).param("view", "PATIENT_ANSWERED").with(ClinicJwt.coordinator()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.page.totalElements").value(1))
                .andExpect(jsonPath("$.content[*].id", contains(visit.id().toString())))
                .andExpect(jsonPath("$.content[0].status").value("COMPLETED"))
                .andExpect(jsonPath("$.content[0].patientLink.state").value("ANSWERED"))
                .andExpect(jsonPath("$.content[0].patientLink.answeredAt").value(answeredAt.toString()));

        jdbc.sql("UPDATE follow_up_outcome SET reviewed_by = 'coordinator1', reviewed_at = ? WHERE visit_id = ?")
                .param(Timestamp.from(NOW)).param(visit.id()).update();

        mvc.perform(worklist(visit.patientId()).param("view", "PATIENT_ANSWERED").with(ClinicJwt.coordinator()))
                .andExpect(jsonPath("$.page.totalElements").value(0));
        // still answered: the link's state does not depend on the review
        mvc.perform(worklist(visit.patientId()).param("status", "COMPLETED").with(ClinicJwt.coordinator()))
                .andExpect(jsonPath("$.content[?(@.id == '" + visit.id() + "')].patientLink.state").value("ANSWERED"));
    }

    @Test
    void patient_answered_lists_the_oldest_answer_first_pages_them_and_leaves_out_the_clinics_own_entries()
            throws Exception {
        UUID patientId = plans.patient("Ferreira, Rui", 8);
        UUID planId = plans.start(Plans.kneeCryo(patientId, TODAY.minusDays(100)));
        Visit day2 = new Visit(plans.visit(planId, "DAY_2"), patientId, planId);
        Visit week2 = new Visit(plans.visit(planId, "WEEK_2"), patientId, planId);
        Visit week6 = new Visit(plans.visit(planId, "WEEK_6"), patientId, planId);
        Visit month3 = new Visit(plans.visit(planId, "MONTH_3"), patientId, planId);
        answered(week6, NOW.minus(Duration.ofDays(3)));
        answered(day2, NOW.minus(Duration.ofDays(1)));
        answered(month3, NOW.minus(Duration.ofDays(2)));
        // documented by a coordinator on the phone: nothing to review
        jdbc.sql("UPDATE follow_up_visit SET state = 'COMPLETED' WHERE id = ?").param(week2.id()).update();
        outcome(week2, "STAFF", "coordinator1", NOW.minus(Duration.ofDays(4)));

        mvc.perform(worklist(patientId).param("view", "PATIENT_ANSWERED").with(ClinicJwt.coordinator()))
                .andExpect(jsonPath("$.page.totalElements").value(3))
                .andExpect(jsonPath("$.content[*].label", contains("WEEK_6", "MONTH_3", "DAY_2")));
        mvc.perform(worklist(patientId).param("view", "PATIENT_ANSWERED").param("size", "2").param("page", "1")
                        .with(ClinicJwt.coordinator()))
                .andExpect(jsonPath("$.page.totalElements").value(3))
                .andExpect(jsonPath("$.content[*].label", contains("DAY_2")));
        mvc.perform(worklist(patientId).param("view", "PATIENT_ANSWERED").param("size", "2")
                        .with(ClinicJwt.coordinator()))
                .andExpect(jsonPath("$.page.totalElements").value(3))
                .andExpect(jsonPath("$.content[*].label", contains("WEEK_6", "MONTH_3")));
        // the view combines with the other filters like every view
        mvc.perform(worklist(patientId).param("view", "PATIENT_ANSWERED").param("status", "MISSED")
                        .with(ClinicJwt.coordinator()))
                .andExpect(jsonPath("$.page.totalElements").value(0));
        mvc.perform(worklist(patientId).param("view", "PATIENT_ANSWERED").param("modality", "RADIOFREQUENCY_ABLATION")
                        .with(ClinicJwt.coordinator()))
                .andExpect(jsonPath("$.page.totalElements").value(0));
    }

    @Test
    void the_api_document_describes_the_link_the_email_and_the_new_view() throws Exception {
        mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.components.schemas.WorklistItem.properties.patientLink").exists())
                .andExpect(jsonPath("$.components.schemas.WorklistItem.properties.emailOnFile.type").value("boolean"))
                .andExpect(jsonPath("$.components.schemas.PatientLinkState.properties.state.enum", contains("ISSUED",
                        "SENT", "SEND_FAILED", "OPENED", "ANSWERED", "EXPIRED")))
                .andExpect(jsonPath("$.paths['/api/followups'].get.parameters[?(@.name == 'view')].schema.enum[*]",
                        hasItem("PATIENT_ANSWERED")));
    }

    private record Visit(UUID id, UUID patientId, UUID planId) {
    }

    /** A patient with an e-mail address whose knee was treated 14 days ago: the plan's WEEK_2 visit is due today. */
    private Visit week2(String displayName) {
        UUID patientId = plans.patient(displayName, 7);
        jdbc.sql("UPDATE known_patient SET given_name = 'Pat', email = 'pat@example.org' WHERE id = ?").param(patientId)
                .update();
        UUID planId = plans.start(Plans.kneeCryo(patientId, TODAY.minusDays(14)));
        return new Visit(plans.visit(planId, "WEEK_2"), patientId, planId);
    }

    /** A link as issuing stores it: only the SHA-256 of a fresh token. */
    private UUID link(Visit visit, String delivery, Instant issuedAt, Instant expiresAt) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO patient_link (id, visit_id, patient_id, token_hash, delivery, issued_by, issued_at, expires_at)
                VALUES (?, ?, ?, ?, ?, 'coordinator1', ?, ?)""")
                .param(id).param(visit.id()).param(visit.patientId()).param(tokenHash()).param(delivery)
                .param(Timestamp.from(issuedAt)).param(Timestamp.from(expiresAt)).update();
        return id;
    }

    /** The visit answered through an e-mailed link at {@code answeredAt}, as submitting the answers leaves it. */
    private void answered(Visit visit, Instant answeredAt) {
        UUID link = link(visit, "EMAIL", answeredAt.minus(Duration.ofHours(1)), answeredAt.plus(Duration.ofDays(5)));
        jdbc.sql("""
                UPDATE patient_link SET sent_at = issued_at, opened_at = ?, answered_at = ? WHERE id = ?""")
                .param(Timestamp.from(answeredAt.minus(Duration.ofMinutes(5)))).param(Timestamp.from(answeredAt))
                .param(link).update();
        jdbc.sql("UPDATE follow_up_visit SET state = 'COMPLETED' WHERE id = ?").param(visit.id()).update();
        outcome(visit, "PATIENT", "patient", answeredAt);
    }

    private void outcome(Visit visit, String reportedBy, String recordedBy, Instant recordedAt) {
        jdbc.sql("""
                INSERT INTO follow_up_outcome (visit_id, plan_id, patient_id, procedure_id, assessed_on, pain_score,
                       documented_late, recorded_by, recorded_at, reported_by)
                SELECT v.id, v.plan_id, v.patient_id, v.procedure_id, ?, 3, false, ?, ?, ?
                FROM follow_up_visit v WHERE v.id = ?""")
                .param(Date.valueOf(LocalDate.ofInstant(recordedAt, ZoneOffset.UTC))).param(recordedBy)
                .param(Timestamp.from(recordedAt)).param(reportedBy).param(visit.id()).update();
    }

    private static String tokenHash() {
        byte[] token = new byte[32];
        RANDOM.nextBytes(token);
        String link = Base64.getUrlEncoder().withoutPadding().encodeToString(token);
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(link.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static MockHttpServletRequestBuilder worklist(UUID patientId) {
        return get("/api/followups").param("patientId", patientId.toString());
    }
}
