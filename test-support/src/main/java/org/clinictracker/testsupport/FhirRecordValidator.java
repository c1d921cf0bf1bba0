package org.clinictracker.testsupport;

import java.util.List;

import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.r5.utils.validation.constants.BestPracticeWarningLevel;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import ca.uhn.fhir.validation.ValidationResult;

/**
 * HAPI's own FHIR R4 validator, fully offline: the R4 StructureDefinitions and HL7's code systems are in the jars;
 * LOINC, ICD-10, SNOMED and the clinic's catalogues are not checked here (HAPI reports them as unknown, a
 * warning). Built once per JVM (the first validation loads the definitions, seconds); thread-safe afterwards.
 */
public final class FhirRecordValidator {

    private static final FhirContext R4 = FhirContext.forR4Cached();
    private static final FhirValidator VALIDATOR = build();

    private FhirRecordValidator() {
    }

    private static FhirValidator build() {
        ValidationSupportChain chain = new ValidationSupportChain(new DefaultProfileValidationSupport(R4),
                new CommonCodeSystemsTerminologyService(R4), new InMemoryTerminologyServerValidationSupport(R4),
                new SnapshotGeneratingValidationSupport(R4));
        FhirInstanceValidator instanceValidator = new FhirInstanceValidator(chain);
        // narrative, performer-on-observation and similar advice are not errors of the record
        instanceValidator.setBestPracticeWarningLevel(BestPracticeWarningLevel.Ignore);
        FhirValidator validator = R4.newValidator();
        validator.registerValidatorModule(instanceValidator);
        return validator;
    }

    /** Every message at ERROR or FATAL for this resource (JSON as served); empty when it is valid FHIR R4. */
    public static List<String> errors(String json) {
        ValidationResult result = VALIDATOR.validateWithResult(json);
        return result.getMessages().stream()
                .filter(message -> message.getSeverity() == ResultSeverityEnum.ERROR
                        || message.getSeverity() == ResultSeverityEnum.FATAL)
                .map(FhirRecordValidator::describe)
                .toList();
    }

    private static String describe(SingleValidationMessage message) {
        return message.getSeverity() + " " + message.getLocationString() + ": " + message.getMessage();
    }
}
