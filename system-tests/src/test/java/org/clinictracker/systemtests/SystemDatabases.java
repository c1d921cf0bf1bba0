package org.clinictracker.systemtests;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import org.clinictracker.testsupport.TestDatabaseInitializer;
import org.clinictracker.testsupport.TestInfrastructure;
import org.clinictracker.testsupport.TestInfrastructure.PostgresDatabase;

/**
 * Each service's own database for a system run ({@code patients_system} and so on, plus the checkout's
 * {@code CLINIC_TEST_DB_SUFFIX}), empty at the start so every run begins from nothing; Flyway builds the
 * tables when the service starts. The databases are emptied rather than dropped and created again: the
 * login role {@code clinic} owns them but may not create databases (scripts/local-postgres.sh creates them as
 * {@code postgres}, on first use, through {@link TestInfrastructure}), and dropping everything it owns needs no
 * more than ownership.
 */
final class SystemDatabases {

    private SystemDatabases() {
    }

    static String nameFor(ClinicService service) {
        return service.database().orElseThrow() + "_system" + TestDatabaseInitializer.checkoutSuffix();
    }

    /** The service's database, created if missing and emptied. */
    static PostgresDatabase emptyDatabaseFor(ClinicService service) {
        PostgresDatabase database = TestInfrastructure.postgres(nameFor(service));
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password());
                Statement statement = connection.createStatement()) {
            // tables, sequences, schemas Flyway made, the pg_trgm extension (trusted: the migration installs it again)
            statement.execute("DROP OWNED BY CURRENT_USER CASCADE");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not empty " + database.jdbcUrl() + " for the system tests", e);
        }
        return database;
    }
}
