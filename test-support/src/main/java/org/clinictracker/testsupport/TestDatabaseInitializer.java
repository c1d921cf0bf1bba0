package org.clinictracker.testsupport;

import java.util.HashMap;
import java.util.Map;

import org.clinictracker.testsupport.TestInfrastructure.PostgresDatabase;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Points the service under test at its test database ({@code clinic.test.database}, e.g.
 * {@code patients_test}) on whichever infrastructure {@link TestInfrastructure} chose. A test whose
 * context must not share tables with the others (its outbox relay would race theirs) names its own
 * schema in {@code clinic.test.schema}; Flyway creates it. Two checkouts whose migrations differ can
 * run their tests side by side on one server by giving each its own {@code CLINIC_TEST_DB_SUFFIX}
 * (e.g. {@code _b} makes {@code patients_test_b}).
 */
public class TestDatabaseInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        String database = context.getEnvironment().getRequiredProperty("clinic.test.database") + checkoutSuffix();
        String schema = context.getEnvironment().getProperty("clinic.test.schema");
        PostgresDatabase postgres = TestInfrastructure.postgres(database);
        Map<String, Object> properties = new HashMap<>();
        properties.put("spring.datasource.username", postgres.username());
        properties.put("spring.datasource.password", postgres.password());
        if (schema == null) {
            properties.put("spring.datasource.url", postgres.jdbcUrl());
        } else {
            // public stays on the path for extensions (pg_trgm) installed there
            properties.put("spring.datasource.url", postgres.jdbcUrl() + "?currentSchema=" + schema + ",public");
            properties.put("spring.flyway.schemas", schema);
        }
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("clinicTestDatabase", properties));
    }

    /** This checkout's {@code CLINIC_TEST_DB_SUFFIX}, or "" (for tests that open a database themselves). */
    public static String checkoutSuffix() {
        String suffix = System.getenv("CLINIC_TEST_DB_SUFFIX");
        if (suffix == null || suffix.isBlank()) {
            return "";
        }
        if (!suffix.matches("[a-z0-9_]{1,20}")) {
            throw new IllegalStateException("CLINIC_TEST_DB_SUFFIX must be 1-20 of a-z, 0-9 and _: " + suffix);
        }
        return suffix;
    }
}
