package org.clinictracker.testsupport;

/**
 * Signed bearer tokens for the clinic's dev users, one per role (see {@link ClinicToken}): the services
 * under test decode them with their production decoder, so a test passes only if a real token would.
 */
public final class ClinicJwt {

    private ClinicJwt() {
    }

    public static ClinicToken as(String username, String... roles) {
        return new ClinicToken(username, roles);
    }

    public static ClinicToken frontDesk() {
        return as("frontdesk1", "front-desk");
    }

    public static ClinicToken proceduralist() {
        return as("proceduralist1", "proceduralist");
    }

    public static ClinicToken coordinator() {
        return as("coordinator1", "coordinator");
    }

    public static ClinicToken clinicAdmin() {
        return as("admin1", "clinic-admin");
    }
}
