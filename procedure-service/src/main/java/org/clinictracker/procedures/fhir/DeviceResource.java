package org.clinictracker.procedures.fhir;

import java.util.Optional;
import java.util.UUID;

import org.clinictracker.procedures.procedure.Device;
import org.clinictracker.vocabulary.Modality;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Device.DeviceNameType;

/**
 * The probe, electrode or needle of one procedure (Procedure.focalDevice): the model the proceduralist logged and the
 * gauge. The clinic logs no serial or UDI, so each procedure's device is its own resource.
 */
final class DeviceResource {

    private DeviceResource() {
    }

    /** Empty when the procedure names no device. */
    static Optional<org.hl7.fhir.r4.model.Device> of(UUID procedureId, UUID patientId, Modality modality,
            Device logged) {
        if (logged == null || (isBlank(logged.model()) && isBlank(logged.gauge()))) {
            return Optional.empty();
        }
        org.hl7.fhir.r4.model.Device device = new org.hl7.fhir.r4.model.Device();
        device.setId(RecordIds.derived("device", procedureId));
        device.setPatient(RecordIds.patient(patientId));
        device.setType(new CodeableConcept().setText(kind(modality)));
        if (!isBlank(logged.model())) {
            device.addDeviceName().setName(logged.model()).setType(DeviceNameType.MODELNAME);
        }
        if (!isBlank(logged.gauge())) {
            device.addProperty().setType(new CodeableConcept().setText("Needle gauge"))
                    .addValueCode(new CodeableConcept().setText(logged.gauge()));
        }
        return Optional.of(device);
    }

    private static String kind(Modality modality) {
        return switch (modality) {
            case CRYONEUROLYSIS -> "Cryoneurolysis probe";
            case RADIOFREQUENCY_ABLATION -> "Radiofrequency electrode";
            case NERVE_BLOCK -> "Block needle";
        };
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }
}
