package org.clinictracker.platform.input;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.constraints.NotBlank;

/**
 * Jakarta's {@link NotBlank} judged by {@link VisibleText}: a zero-width space or a lone combining accent is as blank
 * as spaces. Registered in place of Hibernate Validator's own validator by the platform's auto-configuration, so
 * every {@code @NotBlank} in every service follows one rule. Null is invalid, as for the built-in one.
 */
public class VisibleNotBlank implements ConstraintValidator<NotBlank, CharSequence> {

    @Override
    public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
        return VisibleText.hasText(value);
    }
}
