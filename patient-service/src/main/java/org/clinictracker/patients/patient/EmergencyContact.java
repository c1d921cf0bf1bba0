package org.clinictracker.patients.patient;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

public record EmergencyContact(
        @NotBlank @Size(max = 200) String name,
        @Size(max = 40) @Pattern(regexp = PatientDetails.PHONE, message = "must be a phone number") String phone,
        @Size(max = 60) String relationship) {
}
