package org.clinictracker.web.layout;

import java.util.List;

import org.clinictracker.platform.security.ClinicRoles;

/** Who is using the page: Keycloak's username and the clinic roles of their token, for what the page offers. */
public record SignedInUser(String username, List<String> roles) {

    public boolean has(String role) {
        return roles.contains(role);
    }

    public boolean isFrontDesk() {
        return has(ClinicRoles.FRONT_DESK);
    }

    public boolean isProceduralist() {
        return has(ClinicRoles.PROCEDURALIST);
    }

    public boolean isCoordinator() {
        return has(ClinicRoles.COORDINATOR);
    }

    public boolean isAdmin() {
        return has(ClinicRoles.CLINIC_ADMIN);
    }

    /** Where the user's day starts: the screen of their main job. */
    public String startPage() {
        if (isCoordinator()) {
            return "/worklist";
        }
        return "/patients";
    }
}
