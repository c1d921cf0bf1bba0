package org.clinictracker.web.security;

import org.clinictracker.testsupport.ClinicJwt;
import org.clinictracker.testsupport.ClinicToken;

/** The four clinic roles with their dev user, signing in with a real token the production decoder checks. */
enum ClinicRole {

    FRONT_DESK("frontdesk1", "front-desk"),
    PROCEDURALIST("proceduralist1", "proceduralist"),
    COORDINATOR("coordinator1", "coordinator"),
    CLINIC_ADMIN("admin1", "clinic-admin");

    final String username;
    final String role;

    ClinicRole(String username, String role) {
        this.username = username;
        this.role = role;
    }

    ClinicToken token() {
        return ClinicJwt.as(username, role);
    }

    @Override
    public String toString() {
        return role;
    }
}
