package org.clinictracker.patients.fhir;

import org.clinictracker.patients.consent.Consent;
import org.clinictracker.platform.fhir.ClinicCodeSystems;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Consent.ConsentProvisionType;
import org.hl7.fhir.r4.model.Consent.ConsentState;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Reference;

/**
 * A signed procedure consent as a FHIR {@code Consent}: treatment consent, permitting the kind of procedure
 * (the clinic's modality code), signed on its day, under the clinic's consent form and its version. A new consent
 * never replaces an old one, so every consent is active.
 */
final class ConsentAsFhir {

    private static final String CONSENT_SCOPE = "http://terminology.hl7.org/CodeSystem/consentscope";

    private ConsentAsFhir() {
    }

    static org.hl7.fhir.r4.model.Consent of(Consent consent) {
        var fhir = new org.hl7.fhir.r4.model.Consent();
        fhir.setId(consent.id().toString());
        fhir.setStatus(ConsentState.ACTIVE);
        fhir.setScope(new CodeableConcept(new Coding(CONSENT_SCOPE, "treatment", "Treatment")));
        fhir.addCategory(new CodeableConcept(new Coding(ClinicCodeSystems.LOINC, "59284-0", "Consent Document")));
        fhir.setPatient(new Reference("Patient/" + consent.patientId()));
        fhir.setDateTimeElement(new DateTimeType(consent.signedOn().toString()));
        // R4 wants the rule the consent was given under (ppc-1): the clinic's procedure consent form
        fhir.setPolicyRule(new CodeableConcept().setText("Clinic procedure consent form"
                + (consent.formVersion() == null ? "" : " " + consent.formVersion())));
        fhir.getProvision().setType(ConsentProvisionType.PERMIT)
                .addCode(new CodeableConcept(new Coding(ClinicCodeSystems.MODALITY, consent.procedure().name(), null)));
        return fhir;
    }
}
