package org.clinictracker.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.HibernateValidatorConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import jakarta.validation.constraints.NotBlank;

/** The platform's validation customizer makes Jakarta's {@code @NotBlank} mean visible text. */
class VisibleNotBlankTest {

    record Reason(@NotBlank String reason) {
    }

    private ValidatorFactory factory;
    private Validator validator;

    @BeforeEach
    void customisedAsBootWould() {
        HibernateValidatorConfiguration configuration = Validation.byProvider(HibernateValidator.class).configure();
        new PlatformAutoConfiguration().visibleNotBlank().customize(configuration);
        factory = configuration.buildValidatorFactory();
        validator = factory.getValidator();
    }

    @AfterEach
    void close() {
        factory.close();
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "  ", "\u200B", "\u00A0\u00A0", "\u0301", "\u0301\u0301", "\uFEFF", "\u2800", "\u200D",
            "\u3000", "\u3164" })
    void a_reason_of_invisible_characters_is_refused_as_blank(String reason) {
        assertThat(validator.validate(new Reason(reason)))
                .singleElement()
                .satisfies(violation -> {
                    assertThat(violation.getPropertyPath()).hasToString("reason");
                    assertThat(violation.getMessage()).isEqualTo("must not be blank");
                });
    }

    @Test
    void a_missing_reason_is_still_refused() {
        assertThat(validator.validate(new Reason(null))).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = { "patient asked", "\u200Bmoved", "é", "7", "?" })
    void a_reason_that_says_something_is_valid(String reason) {
        assertThat(validator.validate(new Reason(reason))).isEmpty();
    }
}
