package org.clinictracker.testsupport;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.clinictracker.testsupport.TestInfrastructure.PostgresDatabase;
import org.testcontainers.postgresql.PostgreSQLContainer;

/** PostgreSQL 15 in a container, one per database and test JVM, for machines with a Docker engine. */
final class ContainerPostgres {

    private static final Map<String, PostgreSQLContainer> RUNNING = new ConcurrentHashMap<>();

    private ContainerPostgres() {
    }

    static PostgresDatabase start(String database) {
        PostgreSQLContainer container = RUNNING.computeIfAbsent(database, name -> {
            PostgreSQLContainer started = new PostgreSQLContainer("postgres:15-alpine")
                    .withDatabaseName(name).withUsername("clinic").withPassword("clinic");
            started.start();
            return started;
        });
        return new PostgresDatabase(container.getJdbcUrl(), container.getUsername(), container.getPassword());
    }
}
