package org.clinictracker.procedures.fhir;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.TimeZone;
import java.util.UUID;

import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

import ca.uhn.fhir.model.api.TemporalPrecisionEnum;

/**
 * Ids, references and times of the procedure record's FHIR resources. A resource that is a row here keeps the row's
 * id; one derived from part of a row (a target's BodyStructure, a pain score's Observation) gets a name-based UUID of
 * what it is derived from, so two exports of the same record are identical. References are relative.
 */
final class RecordIds {

    private RecordIds() {
    }

    /** A stable id for the resource {@code kind} derived from {@code from} (e.g. "pain-before", procedure id). */
    static String derived(String kind, Object... from) {
        StringBuilder name = new StringBuilder(kind);
        for (Object part : from) {
            name.append(':').append(part);
        }
        return UUID.nameUUIDFromBytes(name.toString().getBytes(UTF_8)).toString();
    }

    static Reference patient(UUID patientId) {
        return new Reference("Patient/" + patientId);
    }

    static Reference to(Resource resource) {
        return new Reference(resource.fhirType() + "/" + resource.getIdPart());
    }

    static Reference procedure(UUID procedureId) {
        return new Reference("Procedure/" + procedureId);
    }

    /** An instant as FHIR writes it, to the second in UTC. */
    static DateTimeType dateTime(Instant instant) {
        return new DateTimeType(Date.from(instant), TemporalPrecisionEnum.SECOND, TimeZone.getTimeZone("UTC"));
    }

    /** A day, as a day: the clinic records onsets and resolutions by date. */
    static DateTimeType day(LocalDate date) {
        return new DateTimeType(date.toString());
    }
}
