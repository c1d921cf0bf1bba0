package org.clinictracker.patients.patient;

/** The orders a patient list can be sorted in; each ends with a unique column so pages never overlap. */
public enum PatientSort {

    FAMILY_NAME("lower(family_name), lower(given_name), mrn"),
    GIVEN_NAME("lower(given_name), lower(family_name), mrn"),
    BIRTH_DATE("birth_date, mrn"),
    MRN("mrn"),
    REGISTERED_AT("registered_at DESC, mrn");

    private final String orderBy;

    PatientSort(String orderBy) {
        this.orderBy = orderBy;
    }

    String orderBy() {
        return orderBy;
    }
}
