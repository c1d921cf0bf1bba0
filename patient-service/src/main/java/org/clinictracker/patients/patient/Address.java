package org.clinictracker.patients.patient;

import jakarta.validation.constraints.Size;

public record Address(
        @Size(max = 200) String line1,
        @Size(max = 200) String line2,
        @Size(max = 100) String city,
        @Size(max = 100) String region,
        @Size(max = 20) String postalCode,
        @Size(max = 60) String country) {
}
