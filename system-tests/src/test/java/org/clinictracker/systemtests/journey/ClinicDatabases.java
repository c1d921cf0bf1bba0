package org.clinictracker.systemtests.journey;

import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.clinictracker.systemtests.ClinicService;
import org.clinictracker.systemtests.ClinicSystem;
import org.clinictracker.testsupport.TestInfrastructure.PostgresDatabase;

/**
 * Read-only looks into the services' own databases of the running clinic (the {@code *_system} databases), for the
 * bookkeeping an API does not show: outbox rows, the consumers' processed event ids, the replicas.
 */
final class ClinicDatabases {

    private final ClinicSystem clinic;

    ClinicDatabases(ClinicSystem clinic) {
        this.clinic = clinic;
    }

    long count(ClinicService service, String sql, Object... parameters) {
        return query(service, sql, parameters, rs -> rs.getLong(1)).get(0);
    }

    /** {@code sql} selects a text and a count per row: the counts by text. */
    Map<String, Long> counts(ClinicService service, String sql, Object... parameters) {
        Map<String, Long> counts = new TreeMap<>();
        query(service, sql, parameters, rs -> counts.put(rs.getString(1), rs.getLong(2)));
        return counts;
    }

    List<UUID> ids(ClinicService service, String sql, Object... parameters) {
        return query(service, sql, parameters, rs -> rs.getObject(1, UUID.class));
    }

    List<Integer> integers(ClinicService service, String sql, Object... parameters) {
        return query(service, sql, parameters, rs -> rs.getObject(1, Integer.class));
    }

    private interface Row<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private <T> List<T> query(ClinicService service, String sql, Object[] parameters, Row<T> row) {
        PostgresDatabase database = clinic.database(service);
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.username(),
                database.password());
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                Object parameter = parameters[i];
                if (parameter instanceof Collection<?> ids) {
                    Array array = connection.createArrayOf("uuid", ids.toArray());
                    statement.setArray(i + 1, array);
                } else {
                    statement.setObject(i + 1, parameter);
                }
            }
            List<T> rows = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    rows.add(row.read(rs));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not query " + service.module() + "'s database: " + sql, e);
        }
    }
}
