package org.clinictracker.followups.patientlink;

import jakarta.validation.Valid;

import org.clinictracker.followups.patientlink.PatientAnswers.Answered;
import org.clinictracker.platform.openapi.ProblemResponses;
import org.clinictracker.platform.security.Clinician;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The public call a patient's answer page makes (no account: the link's token is the only key). */
@Tag(name = "Patient answers", description = "A patient answers a follow-up visit's questions through their link")
@RestController
class PatientAnswersController {

    private final PatientAnswers answers;

    PatientAnswersController(PatientAnswers answers) {
        this.answers = answers;
    }

    @Operation(summary = "Send the patient's answers (the link's token in the body; single use)",
            description = "Records the visit's outcome as reported by the patient. 404 patient-link-unknown, 410 "
                    + "patient-link-used or patient-link-expired; nothing is stored on any refusal.",
            operationId = "submitPatientAnswers")
    @ProblemResponses({ HttpStatus.NOT_FOUND, HttpStatus.GONE, HttpStatus.UNPROCESSABLE_CONTENT })
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/api/patient-answers")
    Answered submit(@Valid @RequestBody PatientAnswerSubmission submission) {
        // the patient is the actor of all it causes (a repeat candidate, a patient followed again), not "system"
        return Clinician.actingAs(Clinician.PATIENT, () -> answers.submit(submission));
    }
}
