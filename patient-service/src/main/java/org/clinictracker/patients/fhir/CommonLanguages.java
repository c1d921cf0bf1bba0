package org.clinictracker.patients.fhir;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;

/**
 * The language tags R4 codes a patient's language with (ValueSet {@code languages}, "Common Languages"): HAPI's
 * validator refuses any other, although every BCP-47 tag is a language ({@code pt-PT}, {@code fr-CA}). So a tag
 * outside the list is coded by its language alone ({@code pt}) and the tag as intake recorded it stays the text.
 */
final class CommonLanguages {

    static final String SYSTEM = "urn:ietf:bcp:47";

    /** http://hl7.org/fhir/R4/valueset-languages.html */
    static final Map<String, String> R4_COMMON = Stream.of("ar", "bn", "cs", "da", "de", "de-AT", "de-CH", "de-DE",
                    "el", "en", "en-AU", "en-CA", "en-GB", "en-IN", "en-NZ", "en-SG", "en-US", "es", "es-AR", "es-ES",
                    "es-UY", "fi", "fr", "fr-BE", "fr-CH", "fr-FR", "fy", "fy-NL", "hi", "hr", "it", "it-CH", "it-IT",
                    "ja", "ko", "nl", "nl-BE", "nl-NL", "no", "no-NO", "pa", "pl", "pt", "pt-BR", "ru", "ru-RU", "sr",
                    "sr-RS", "sv", "sv-SE", "te", "zh", "zh-CN", "zh-HK", "zh-SG", "zh-TW")
            .collect(Collectors.toUnmodifiableMap(tag -> tag.toLowerCase(Locale.ROOT), Function.identity()));

    private CommonLanguages() {
    }

    static CodeableConcept of(String tag) {
        CodeableConcept language = new CodeableConcept().setText(tag);
        code(tag).ifPresent(code -> language.addCoding(new Coding(SYSTEM, code, null)));
        return language;
    }

    private static Optional<String> code(String tag) {
        String exact = R4_COMMON.get(tag.toLowerCase(Locale.ROOT));
        if (exact != null) {
            return Optional.of(exact);
        }
        String primary = tag.split("-", 2)[0].toLowerCase(Locale.ROOT);
        return Optional.ofNullable(R4_COMMON.get(primary));
    }
}
