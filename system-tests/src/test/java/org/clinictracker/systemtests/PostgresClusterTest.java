package org.clinictracker.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.clinictracker.testsupport.TestInfrastructure.PostgresDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The system tests' own PostgreSQL server on its own: made and started with the login role and a database, it lets
 * the role create pg_trgm (patient-service's migration does), keeps what was committed across a restart and a
 * SIGKILL, clears away what a crashed run left, and is gone after {@link PostgresCluster#drop()}.
 */
class PostgresClusterTest {

    /** Not a {@code @TempDir} (private to root): the server's user must reach the data directory. */
    private final Path workDir = Path.of(System.getProperty("clinic.system.work-dir", "target/system"))
            .toAbsolutePath().resolve("cluster-test");
    private PostgresCluster cluster;

    @AfterEach
    void dropTheCluster() {
        if (cluster != null) {
            cluster.drop();
        }
    }

    @Test
    void what_was_committed_survives_a_restart_and_a_kill_and_a_crashed_runs_leftover_is_cleared() throws Exception {
        Path leftover = Files.createDirectories(workDir.resolve("postgres-" + deadPid()).resolve("data"));
        cluster = new PostgresCluster(workDir);
        cluster.create();
        cluster.createRoleAndDatabases("clinic", "clinic", List.of("patients_system"));
        PostgresDatabase database = cluster.database("patients_system", "clinic", "clinic");

        assertThat(leftover.getParent()).as("a crashed run's cluster").doesNotExist();
        try (Connection connection = connect(database); Statement statement = connection.createStatement()) {
            statement.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm");
            statement.execute("CREATE TABLE chart (mrn text PRIMARY KEY)");
            statement.execute("INSERT INTO chart VALUES ('CT-000001-8')");
        }

        cluster.restart();
        assertThat(charts(database)).containsExactly("CT-000001-8");

        cluster.kill();
        assertThat(cluster.running()).isFalse();
        cluster.start();
        assertThat(charts(database)).containsExactly("CT-000001-8");

        cluster.drop();
        assertThat(cluster.running()).isFalse();
        try (Stream<Path> left = Files.list(workDir)) {
            assertThat(left).as("nothing left in " + workDir).isEmpty();
        }
        cluster = null;
    }

    private static List<String> charts(PostgresDatabase database) throws SQLException {
        try (Connection connection = connect(database); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT mrn FROM chart WHERE similarity(mrn, 'CT-000001') > 0.3")) {
            List<String> mrns = new ArrayList<>();
            while (rows.next()) {
                mrns.add(rows.getString(1));
            }
            return mrns;
        }
    }

    private static Connection connect(PostgresDatabase database) throws SQLException {
        return DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password());
    }

    /** The id of a process that has ended: what a crashed run's JVM leaves in its cluster's name. */
    private static long deadPid() throws Exception {
        Process process = new ProcessBuilder("true").start();
        process.waitFor();
        return process.pid();
    }
}
