package org.clinictracker.testsupport;

import java.util.Locale;

/**
 * The one switch between the two ways integration tests get their PostgreSQL: {@code local} (the
 * default) uses, and if need be installs and starts, the machine's own server; {@code testcontainers}
 * starts a container where a Docker engine exists. Set it with the environment variable
 * {@code CLINIC_TEST_INFRA} or the system property {@code clinic.test.infra}.
 * Kafka is an embedded KRaft broker either way.
 */
public final class TestInfrastructure {

    public enum Mode { LOCAL, TESTCONTAINERS }

    private TestInfrastructure() {
    }

    public static Mode mode() {
        String chosen = System.getProperty("clinic.test.infra", System.getenv("CLINIC_TEST_INFRA"));
        if (chosen == null || chosen.isBlank()) {
            return Mode.LOCAL;
        }
        return Mode.valueOf(chosen.trim().toUpperCase(Locale.ROOT));
    }

    /** A PostgreSQL database ready for the tests, created on first use. */
    public static PostgresDatabase postgres(String database) {
        return switch (mode()) {
            case LOCAL -> LocalPostgres.ensureReady(database);
            case TESTCONTAINERS -> ContainerPostgres.start(database);
        };
    }

    public record PostgresDatabase(String jdbcUrl, String username, String password) {
    }
}
