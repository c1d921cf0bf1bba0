package org.clinictracker.systemtests;

import java.util.List;

import org.clinictracker.testsupport.TestInfrastructure.PostgresDatabase;

/**
 * Each service's own database in the run's {@link PostgresCluster} ({@code patients_system} and so on), owned by
 * the login role {@code clinic} as {@code scripts/local-postgres.sh} makes them for {@code ./clinic up}, and empty:
 * the cluster is new for every run and Flyway builds the tables when the service starts.
 */
final class SystemDatabases {

    static final String ROLE = "clinic";
    static final String PASSWORD = "clinic"; // dev-only, as in scripts/local-postgres.sh

    private SystemDatabases() {
    }

    static String nameFor(ClinicService service) {
        return service.database().orElseThrow() + "_system";
    }

    /** The login role and one empty database per service. */
    static void createIn(PostgresCluster cluster) {
        cluster.createRoleAndDatabases(ROLE, PASSWORD, ClinicService.BEHIND_GATEWAY.stream().map(SystemDatabases::nameFor).toList());
    }

    static PostgresDatabase of(PostgresCluster cluster, ClinicService service) {
        return cluster.database(nameFor(service), ROLE, PASSWORD);
    }

    /** For the log: which databases the run uses. */
    static List<String> names() {
        return ClinicService.BEHIND_GATEWAY.stream().map(SystemDatabases::nameFor).toList();
    }
}
