package org.clinictracker.web.procedure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clinictracker.web.ClinicUsers.coordinator;
import static org.clinictracker.web.ClinicUsers.frontDesk;
import static org.clinictracker.web.ClinicUsers.proceduralist;
import static org.clinictracker.web.chart.ClinicAnswers.PATIENT_ID;
import static org.clinictracker.web.chart.ClinicAnswers.PROCEDURE_ID;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.clinictracker.web.RenderedPage;
import org.clinictracker.web.api.ClinicApi;
import org.clinictracker.web.chart.ClinicAnswers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

@SpringBootTest
@AutoConfigureMockMvc
class ProcedureRecordPageTest {

    private static final UUID PROCEDURE = UUID.fromString(PROCEDURE_ID);

    @Autowired
    MockMvc mvc;

    @MockitoBean
    ClinicApi api;

    @BeforeEach
    void aProcedureAmendedOnce() {
        Map<String, Object> first = ClinicAnswers.object(ClinicAnswers.procedureJson(0, "-80", "400"));
        Map<String, Object> amended = ClinicAnswers.procedure();
        when(api.get("/api/procedures/{id}", PROCEDURE)).thenReturn(amended);
        when(api.getArray("/api/procedures/{id}/history", PROCEDURE)).thenReturn(List.of(
                Map.of("version", 0, "author", "proceduralist1", "at", "2026-11-22T10:00:00Z", "record", first),
                Map.of("version", 1, "author", "proceduralist2", "at", "2026-11-23T08:15:00Z",
                        "amendmentReason", "Temperature and first cycle misread from the console", "record", amended)));
        when(api.get(eq("/api/patients/{id}"), any(Object[].class))).thenReturn(ClinicAnswers.patientNeedingReview());
        when(api.getArray("/api/procedures/catalogue/nerves")).thenReturn(ClinicAnswers.nerves());
    }

    @Test
    void the_record_reads_in_words_with_its_serious_event_standing_out_and_every_version_with_what_it_changed() throws Exception {
        String html = mvc.perform(get("/procedures/" + PROCEDURE_ID).with(proceduralist()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        RenderedPage page = RenderedPage.of(html);

        assertThat(page.text("//h1")).isEqualTo("Cryoneurolysis on 2026-11-22");
        assertThat(page.text("//*[@data-mrn]")).isEqualTo("CT-000024-0");
        assertThat(page.text("//a[@href='/patients/%s']".formatted(PATIENT_ID))).isEqualTo("Murphy, Seán");
        assertThat(page.has("//div[@data-serious-adverse-event]")).isTrue();
        assertThat(page.has("//div[@data-early-repeat]")).isTrue();
        assertThat(page.text("//div[@data-warnings]//li")).contains("longer than the typical");
        assertThat(page.text("//section[@id='adverse-events']//tbody/tr/th")).isEqualTo("Permanent nerve injury");
        assertThat(page.text("//section[@id='adverse-events']//tbody/tr/td[2]")).isEqualTo("Serious");
        assertThat(html).contains("Intercostal nerve", "−88 °C".replace('−', '-'), "90 s", "Ultrasound", "Cryo probe 190",
                "Lidocaine 1 %", "7 / 10", "Foot drop").doesNotContain("PERMANENT_NERVE_INJURY", "ULTRASOUND");

        assertThat(page.count("//ol[@class='versions']/li")).isEqualTo(2);
        assertThat(page.text("//li[@data-version='2']//*[@data-amendment-reason]"))
                .isEqualTo("Reason: “Temperature and first cycle misread from the console”");
        assertThat(page.text("//li[@data-version='2']/h3")).contains("proceduralist2", "2026-11-23 08:15 UTC");
        assertThat(page.text("//li[@data-version='2']//tr[th[@scope='row']='Probe temperature']"))
                .isEqualTo("Probe temperature -80 °C -88 °C");
        assertThat(page.text("//li[@data-version='2']//tr[th[@scope='row']='Freeze cycles']"))
                .isEqualTo("Freeze cycles 400 s, 90 s 90 s, 90 s");
        assertThat(page.count("//li[@data-version='2']//tbody/tr")).isEqualTo(2);
        assertThat(page.text("//li[@data-version='1']/h3")).startsWith("Version 1, as first recorded");

        assertThat(page.text("//a[@href='/procedures/%s/amend']".formatted(PROCEDURE_ID))).isEqualTo("Amend");
        assertThat(page.text("//a[@href='/procedures/%s/adverse-events/new']".formatted(PROCEDURE_ID)))
                .isEqualTo("Report an adverse event");
        assertThat(page.has("//a[@href='/procedures/%s/adverse-events/%s/edit']"
                .formatted(PROCEDURE_ID, ClinicAnswers.ADVERSE_EVENT_ID))).isTrue();
    }

    @Test
    void a_coordinator_reads_the_record_but_is_offered_no_amendment_or_report() throws Exception {
        String html = mvc.perform(get("/procedures/" + PROCEDURE_ID).with(coordinator()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        RenderedPage page = RenderedPage.of(html);

        assertThat(page.has("//a[contains(@href, '/amend')]")).isFalse();
        assertThat(page.has("//a[contains(@href, '/adverse-events/')]")).isFalse();
        assertThat(page.count("//ol[@class='versions']/li")).isEqualTo(2);
    }

    @Test
    void front_desk_may_not_open_a_procedure() throws Exception {
        mvc.perform(get("/procedures/" + PROCEDURE_ID).with(frontDesk())).andExpect(status().isForbidden());
    }
}
