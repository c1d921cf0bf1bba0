package org.clinictracker.patients.patient;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.clinictracker.vocabulary.Laterality;
import org.clinictracker.vocabulary.IndicationEntry;

/**
 * What the front desk records about a patient, at registration ({@code POST}) and when correcting it
 * ({@code PUT}). Names, birth date and sex are required; the rest of intake may be completed later.
 *
 * @param notDuplicateOf patients the clerk checked and confirmed to be someone else; without it a
 *                       registration matching an existing chart is refused as a possible duplicate
 */
public record PatientDetails(
        @NotBlank @Size(max = 100) String givenName,
        @NotBlank @Size(max = 100) String familyName,
        @NotNull @PastOrPresent LocalDate birthDate,
        @NotNull Sex sex,
        @Size(max = 40) @Pattern(regexp = PHONE, message = "must be a phone number") String phone,
        @Email @Size(max = 254) String email,
        @Valid Address address,
        @Size(max = 35) @Pattern(regexp = LANGUAGE_TAG, message = "must be a language tag such as en or pt-BR") String preferredLanguage,
        @Valid EmergencyContact emergencyContact,
        @Valid Insurance insurance,
        @Size(max = 200) String referringClinician,
        @Valid IndicationEntry indication,
        @Size(max = 200) String painLocation,
        Laterality laterality,
        @Min(0) @Max(1200) Integer painDurationMonths,
        @Min(0) @Max(10) Integer baselinePainScore,
        @DecimalMin("0") @DecimalMax("10000") @Digits(integer = 5, fraction = 2) BigDecimal opioidMmePerDay,
        Boolean anticoagulated,
        @Size(max = 20) List<@NotNull Therapy> currentTherapies,
        @Size(max = 20) List<@NotNull UUID> notDuplicateOf) {

    static final String PHONE = "^\\+?[0-9 ()./-]{3,40}$";
    static final String LANGUAGE_TAG = "^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$";
    static final LocalDate EARLIEST_BIRTH_DATE = LocalDate.of(1900, 1, 1);

    public PatientDetails {
        // Copies that keep null elements, so validation (not a NullPointerException) names them.
        currentTherapies = currentTherapies == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(currentTherapies));
        notDuplicateOf = notDuplicateOf == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(notDuplicateOf));
    }
}
