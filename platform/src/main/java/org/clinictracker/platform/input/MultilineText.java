package org.clinictracker.platform.input;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a free-text field of a request body (notes, a reason) that may hold line breaks and tabs.
 * Every other text field is one line: {@link StorableTextCheck} refuses {@code \n}, {@code \r} and
 * {@code \t} there like any other control character.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD })
public @interface MultilineText {
}
