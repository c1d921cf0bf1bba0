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
 * schema in {@code clinic.test.schema}; Flyway creates it.
 */
public class TestDatabaseInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        String database = context.getEnvironment().getRequiredProperty("clinic.test.database");
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
}
