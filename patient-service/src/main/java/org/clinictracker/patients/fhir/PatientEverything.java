package org.clinictracker.patients.fhir;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

import org.clinictracker.patients.consent.Consent;
import org.clinictracker.patients.consent.ConsentRecords;
import org.clinictracker.patients.fhir.RecordPartClient.RecordCaller;
import org.clinictracker.patients.patient.Patient;
import org.clinictracker.patients.patient.PatientRepository;
import org.clinictracker.platform.audit.AuditTrail;
import org.clinictracker.platform.fhir.FhirRecordProperties;
import org.clinictracker.platform.fhir.RecordPart;
import org.clinictracker.platform.problem.ProblemException;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleType;
import org.hl7.fhir.r4.model.Bundle.SearchEntryMode;
import org.hl7.fhir.r4.model.Resource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A patient's whole record as FHIR R4, as {@code Patient/$everything} answers it: a {@code searchset} Bundle of the
 * chart's own resources and the parts procedure-service and followup-service hold, fetched at once with the
 * caller's token. All or nothing: a physician handed a record takes it for the whole record, so if a part cannot
 * be fetched nothing is exported (503), never a record with the procedures or follow-ups silently missing.
 */
@Service
public class PatientEverything {

    static final String AUDIT_ACTION = "FHIR_RECORD_EXPORTED";

    private final PatientRepository patients;
    private final ConsentRecords consents;
    private final RecordPartClient parts;
    private final RecordSources sources;
    private final FhirRecordProperties fhir;
    private final AuditTrail audit;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final Executor partFetcher;

    public PatientEverything(PatientRepository patients, ConsentRecords consents, RecordPartClient parts,
            RecordSources sources, FhirRecordProperties fhir, AuditTrail audit, TransactionTemplate transaction,
            Clock clock, RecordPartFetcher partFetcher) {
        this.patients = patients;
        this.consents = consents;
        this.parts = parts;
        this.sources = sources;
        this.fhir = fhir;
        this.audit = audit;
        this.transaction = transaction;
        this.clock = clock;
        this.partFetcher = partFetcher;
    }

    private record Chart(Patient patient, List<Consent> consents) {
    }

    /** The record, audited as exported once it is whole; 404 for an unknown patient before any part is asked for. */
    public Bundle export(UUID patientId, String bearerToken) {
        Chart chart = transaction.execute(status -> new Chart(
                patients.findById(patientId).orElseThrow(() -> ProblemException.notFound("Patient", patientId)),
                consents.signedBy(patientId)));
        RecordCaller caller = parts.caller(bearerToken);
        CompletableFuture<Bundle> procedures = CompletableFuture.supplyAsync(
                () -> parts.fetch(sources.procedures(), patientId, caller), partFetcher);
        Bundle followups = parts.fetch(sources.followups(), patientId, caller);
        Bundle record = assemble(chart, List.of(join(procedures), followups));
        transaction.executeWithoutResult(status -> audit.record(patientId, AUDIT_ACTION, "FHIR record"));
        return record;
    }

    private static Bundle join(CompletableFuture<Bundle> part) {
        try {
            return part.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException refusal) {
                throw refusal;
            }
            throw e;
        }
    }

    /**
     * The searchset: the Patient is the match, everything else is included with it. Every entry's fullUrl is
     * re-derived from this service's FHIR base, so the bundle names its resources one way whatever each part's
     * service was configured with.
     */
    private Bundle assemble(Chart chart, List<Bundle> otherParts) {
        UUID patientId = chart.patient().id();
        Bundle bundle = new Bundle().setType(BundleType.SEARCHSET);
        bundle.setId(UUID.randomUUID().toString());
        bundle.getMeta().setLastUpdated(Date.from(Instant.now(clock)));
        bundle.addLink().setRelation("self").setUrl(fhir.baseUrl() + "/Patient/" + patientId + "/$everything");
        List<Resource> own = new ArrayList<>(ChartAsFhir.resources(chart.patient()));
        chart.consents().forEach(consent -> own.add(ConsentAsFhir.of(consent)));
        for (Resource resource : own) {
            add(bundle, resource);
        }
        for (Bundle part : otherParts) {
            part.getEntry().forEach(entry -> add(bundle, entry.getResource()));
        }
        // total counts the matches (R4 Bundle.total): the one patient; the rest are its inclusions
        bundle.setTotal(1);
        return bundle;
    }

    private void add(Bundle bundle, Resource resource) {
        if (resource == null) {
            return;
        }
        boolean match = resource instanceof org.hl7.fhir.r4.model.Patient;
        bundle.addEntry().setFullUrl(RecordPart.fullUrl(fhir, resource)).setResource(resource).getSearch()
                .setMode(match ? SearchEntryMode.MATCH : SearchEntryMode.INCLUDE);
    }
}
