package org.clinictracker.platform.security;

import java.util.List;

/** The Keycloak realm roles of the clinic (architecture.md, "Roles"). */
public final class ClinicRoles {

    public static final String FRONT_DESK = "front-desk";
    public static final String PROCEDURALIST = "proceduralist";
    public static final String COORDINATOR = "coordinator";
    public static final String CLINIC_ADMIN = "clinic-admin";

    public static final List<String> ALL = List.of(FRONT_DESK, PROCEDURALIST, COORDINATOR, CLINIC_ADMIN);

    private ClinicRoles() {
    }
}
