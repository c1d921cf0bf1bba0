package org.clinictracker.patients.patient;

import java.net.URI;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

import org.clinictracker.patients.patient.PatientRepository.SearchCriteria;
import org.clinictracker.patients.screening.CandidacyScreening;
import org.clinictracker.patients.screening.LatestScreeningResults;
import org.clinictracker.patients.screening.ScreeningResult;
import org.clinictracker.platform.paging.PageOf;
import org.clinictracker.platform.paging.PageRequest;
import org.clinictracker.platform.problem.ProblemException;
import org.clinictracker.platform.versioning.VersionTag;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.clinictracker.platform.openapi.ProblemResponses;
import org.springframework.http.HttpStatus;

@Tag(name = "Patients", description = "Patient charts: registration with the duplicate check, search and corrections")
@RestController
@RequestMapping("/api/patients")
class PatientController {

    private final PatientRegistry registry;
    private final CandidacyScreening screening;
    private final LatestScreeningResults latestScreeningResults;

    PatientController(PatientRegistry registry, CandidacyScreening screening,
            LatestScreeningResults latestScreeningResults) {
        this.registry = registry;
        this.screening = screening;
        this.latestScreeningResults = latestScreeningResults;
    }

    @Operation(summary = "Register a new patient", operationId = "registerPatient")
    @ProblemResponses({ HttpStatus.CONFLICT })
    @ResponseStatus(HttpStatus.CREATED) // documents the 201 that ResponseEntity.created answers
    @PostMapping
    ResponseEntity<PatientView> register(@Valid @RequestBody PatientDetails details) {
        Patient patient = registry.register(details);
        return ResponseEntity.created(URI.create("/api/patients/" + patient.id()))
                .eTag(VersionTag.etag(patient.version()))
                .body(PatientView.of(patient, null));
    }

    @Operation(summary = "Open a patient's chart with the latest screening", operationId = "readPatient")
    @ProblemResponses({ HttpStatus.NOT_FOUND })
    @GetMapping("/{id}")
    ResponseEntity<PatientView> read(@PathVariable UUID id) {
        Patient patient = registry.read(id);
        return ResponseEntity.ok()
                .eTag(VersionTag.etag(patient.version()))
                .body(PatientView.of(patient, screening.latest(id).orElse(null)));
    }

    /**
     * Search by MRN, name prefix ({@code q}, any order of words) and birth date; all given criteria must match.
     * Answers summaries: a list shows no contact details, address, insurance or emergency contact.
     */
    @Operation(summary = "Find patients by name, MRN or birth date", operationId = "searchPatients")
    @GetMapping
    PageOf<PatientSummary> search(
            @RequestParam(required = false) @Size(max = 200) String q,
            @RequestParam(required = false) @Size(max = 20) String mrn,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate birthDate,
            @RequestParam(defaultValue = "FAMILY_NAME") PatientSort sort,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(PageRequest.MAX_SIZE) int size) {
        List<String> words = Arrays.stream(NameNormalizer.normalize(q).split(" ")).filter(w -> !w.isEmpty()).toList();
        String canonicalMrn = mrn == null || mrn.isBlank() ? null : Mrn.canonical(mrn);
        if (mrn != null && !mrn.isBlank() && canonicalMrn == null) {
            throw ProblemException.invalidField("mrn", "is not a valid MRN (format CT-000123-0, check digit included)");
        }
        if (words.size() > 5) {
            throw ProblemException.invalidField("q", "may hold at most 5 words");
        }
        PageOf<Patient> found = registry.search(new SearchCriteria(canonicalMrn, words, birthDate, sort),
                new PageRequest(page, size));
        Map<UUID, ScreeningResult> screeningResults =
                latestScreeningResults.of(found.content().stream().map(Patient::id).toList());
        return found.map(patient -> PatientSummary.of(patient, screeningResults.get(patient.id())));
    }

    @Operation(summary = "Correct a patient's chart (If-Match)", operationId = "correctPatient")
    @ProblemResponses({ HttpStatus.NOT_FOUND, HttpStatus.CONFLICT, HttpStatus.PRECONDITION_FAILED, HttpStatus.PRECONDITION_REQUIRED })
    @PutMapping("/{id}")
    ResponseEntity<PatientView> correct(@PathVariable UUID id,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody PatientDetails details) {
        Patient patient = registry.correct(id, VersionTag.fromIfMatch(ifMatch), details);
        return ResponseEntity.ok()
                .eTag(VersionTag.etag(patient.version()))
                .body(PatientView.of(patient, screening.latest(id).orElse(null)));
    }
}
