package org.clinictracker.testsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;

import org.clinictracker.testsupport.TestInfrastructure.PostgresDatabase;

/**
 * The machine's own PostgreSQL, made ready the way a new user's first {@code ./mvnw verify} needs it:
 * if the test database does not answer, the project's {@code scripts/local-postgres.sh} installs the
 * Debian package where missing, starts the cluster and creates the role and databases. That script is
 * the same one {@code .ci/run} and {@code ./clinic up} use.
 */
final class LocalPostgres {

    private static final String HOST_URL = "jdbc:postgresql://127.0.0.1:5432/";
    private static final String USER = env("CLINIC_TEST_DB_USER", "clinic");
    private static final String PASSWORD = env("CLINIC_TEST_DB_PASSWORD", "clinic");

    private LocalPostgres() {
    }

    static synchronized PostgresDatabase ensureReady(String database) {
        PostgresDatabase target = new PostgresDatabase(HOST_URL + database, USER, PASSWORD);
        if (!answers(target)) {
            runSetupScript(database);
            if (!answers(target)) {
                throw new IllegalStateException("PostgreSQL database " + database
                        + " still does not answer at 127.0.0.1:5432 after scripts/local-postgres.sh ran");
            }
        }
        return target;
    }

    private static boolean answers(PostgresDatabase database) {
        try (var connection = DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password())) {
            return connection.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    private static void runSetupScript(String database) {
        Path script = findSetupScript();
        try {
            ProcessBuilder builder = new ProcessBuilder("bash", script.toString()).redirectErrorStream(true);
            builder.environment().put("CLINIC_EXTRA_DATABASES", database);
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new IllegalStateException(script + " failed:\n" + output);
            }
            System.out.println(output);
        } catch (IOException e) {
            throw new IllegalStateException("Could not run " + script, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while preparing PostgreSQL", e);
        }
    }

    /** The tests run in a module folder; the script lives in the repository's {@code scripts/}. */
    private static Path findSetupScript() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("scripts/local-postgres.sh");
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("scripts/local-postgres.sh not found above " + Path.of("").toAbsolutePath());
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
