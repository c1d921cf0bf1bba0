package org.clinictracker.platform.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import tools.jackson.databind.DatabindException;
import tools.jackson.databind.json.JsonMapper;

class StrictJsonTypesTest {

    enum Modality { CRYONEUROLYSIS, RADIOFREQUENCY_ABLATION }

    record Body(String name, Integer painScore, Boolean anticoagulated, BigDecimal temperature, Modality modality,
            Instant performedAt, LocalDate birthDate, Integer cycles) {
    }

    record Counted(int cycles) {
    }

    record About(java.util.UUID patientId) {
    }

    private final JsonMapper json = strictMapper();

    private static JsonMapper strictMapper() {
        JsonMapper.Builder builder = JsonMapper.builder();
        new StrictJsonTypes().customize(builder);
        return builder.build();
    }

    @Test
    void values_of_the_right_type_are_read() {
        Body body = json.readValue("""
                {"name":"Maria","painScore":7,"anticoagulated":false,"temperature":-88,"modality":"CRYONEUROLYSIS",
                 "performedAt":"2026-11-20T09:30:00Z","birthDate":"1961-04-17","cycles":2}""", Body.class);

        assertThat(body).isEqualTo(new Body("Maria", 7, false, new BigDecimal("-88"), Modality.CRYONEUROLYSIS,
                Instant.parse("2026-11-20T09:30:00Z"), LocalDate.of(1961, 4, 17), 2));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"name\":12345}", "{\"name\":1.5}", "{\"name\":true}",
            "{\"painScore\":7.5}", "{\"painScore\":7.0}", "{\"painScore\":\"7\"}", "{\"painScore\":true}",
            "{\"painScore\":\"\"}",
            "{\"anticoagulated\":1}", "{\"anticoagulated\":0}", "{\"anticoagulated\":\"true\"}",
            "{\"anticoagulated\":\"\"}",
            "{\"temperature\":\"-88\"}", "{\"temperature\":false}",
            "{\"modality\":0}", "{\"modality\":\"\"}",
            "{\"performedAt\":1700000000}", "{\"performedAt\":1700000000.5}",
            "{\"birthDate\":20000}", "{\"birthDate\":[1961,4,17]}",
            "{\"cycles\":2.5}",
            "{\"painScore\":2,\"painScore\":9}",
            "{\"name\":[\"Maria\"]}", "{\"name\":{\"given\":\"Maria\"}}",
            "{\"temperature\":1e400}", "{\"temperature\":1E+2147483647}", "{\"temperature\":1e-400}",
            "{\"temperature\":1234567890123456}", "{\"temperature\":0.0000000000000001}" })
    void a_value_of_the_wrong_type_is_refused_not_converted(String body) {
        assertThatThrownBy(() -> json.readValue(body, Body.class)).isInstanceOf(tools.jackson.core.JacksonException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = { "-88", "0.25", "123456789012345", "0.000000000000001", "-0", "1e3" })
    void decimals_of_up_to_fifteen_digits_either_side_of_the_point_are_read_exactly(String number) {
        assertThat(json.readValue("{\"temperature\":" + number + "}", Body.class).temperature())
                .isEqualByComparingTo(new BigDecimal(number));
    }

    @ParameterizedTest
    @ValueSource(strings = { "\"\"", "\" \"", "\"\\u0000\"", "\"\\u001F\\u0001\"" })
    void an_empty_or_control_only_string_is_no_id(String value) {
        assertThatThrownBy(() -> json.readValue("{\"patientId\":" + value + "}", About.class))
                .isInstanceOf(tools.jackson.core.JacksonException.class);
        assertThat(json.readValue("{\"patientId\":\"7b0c1f36-0000-4000-8000-000000000031\"}", About.class).patientId())
                .hasToString("7b0c1f36-0000-4000-8000-000000000031");
    }

    @Test
    void a_missing_or_null_count_is_not_read_as_zero() {
        assertThatThrownBy(() -> json.readValue("{\"cycles\":null}", Counted.class)).isInstanceOf(DatabindException.class);
        assertThatThrownBy(() -> json.readValue("{}", Counted.class)).isInstanceOf(DatabindException.class);
    }

    @Test
    void absent_values_stay_absent() {
        assertThat(json.readValue("{}", Body.class)).isEqualTo(new Body(null, null, null, null, null, null, null, null));
    }

    @Test
    void the_refusal_names_the_field() {
        assertThatThrownBy(() -> json.readValue("{\"painScore\":7.5}", Body.class))
                .isInstanceOfSatisfying(DatabindException.class,
                        ex -> assertThat(ex.getPath()).extracting(reference -> reference.getPropertyName())
                                .containsExactly("painScore"));
    }
}
