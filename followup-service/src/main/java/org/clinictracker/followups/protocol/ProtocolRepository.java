package org.clinictracker.followups.protocol;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.clinictracker.vocabulary.Modality;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Protocol versions and their visits (tables protocol_version, protocol_visit). */
@Repository
class ProtocolRepository {

    private final JdbcClient jdbc;

    ProtocolRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The newest version number, with the modality locked so that two concurrent changes cannot both build on
     * it. The lock is taken on the first version (never superseded by a row of its own), and the number read
     * afterwards in a fresh statement, which sees a version committed while this one waited.
     */
    Optional<Integer> lockLatestVersion(Modality modality) {
        boolean exists = jdbc.sql("SELECT version FROM protocol_version WHERE modality = :modality AND version = 1 FOR UPDATE")
                .param("modality", modality.name())
                .query(Integer.class).optional().isPresent();
        if (!exists) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT max(version) FROM protocol_version WHERE modality = :modality")
                .param("modality", modality.name())
                .query(Integer.class).optional();
    }

    List<Protocol> latestOfEach() {
        return jdbc.sql("""
                SELECT DISTINCT ON (modality) modality, version, changed_by, changed_at FROM protocol_version
                ORDER BY modality, version DESC""")
                .query((rs, row) -> header(rs)).list().stream().map(this::withVisits).toList();
    }

    Optional<Protocol> latest(Modality modality) {
        return jdbc.sql("""
                SELECT modality, version, changed_by, changed_at FROM protocol_version WHERE modality = :modality
                ORDER BY version DESC LIMIT 1""")
                .param("modality", modality.name())
                .query((rs, row) -> header(rs)).optional().map(this::withVisits);
    }

    /** Every version, newest first. */
    List<Protocol> versions(Modality modality) {
        return jdbc.sql("""
                SELECT modality, version, changed_by, changed_at FROM protocol_version WHERE modality = :modality
                ORDER BY version DESC""")
                .param("modality", modality.name())
                .query((rs, row) -> header(rs)).list().stream().map(this::withVisits).toList();
    }

    void insert(Modality modality, int version, List<ProtocolVisit> visits, String changedBy, Instant changedAt) {
        jdbc.sql("""
                INSERT INTO protocol_version (modality, version, changed_by, changed_at)
                VALUES (:modality, :version, :changedBy, :changedAt)""")
                .param("modality", modality.name()).param("version", version)
                .param("changedBy", changedBy).param("changedAt", Timestamp.from(changedAt))
                .update();
        for (int i = 0; i < visits.size(); i++) {
            ProtocolVisit visit = visits.get(i);
            jdbc.sql("""
                    INSERT INTO protocol_visit (modality, version, position, label, offset_days, window_before_days, window_after_days)
                    VALUES (:modality, :version, :position, :label, :offset, :before, :after)""")
                    .param("modality", modality.name()).param("version", version).param("position", i + 1)
                    .param("label", visit.label()).param("offset", visit.offsetDays())
                    .param("before", visit.windowBeforeDays()).param("after", visit.windowAfterDays())
                    .update();
        }
    }

    private static Protocol header(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Protocol(Modality.valueOf(rs.getString("modality")), rs.getInt("version"), List.of(),
                rs.getString("changed_by"), rs.getTimestamp("changed_at").toInstant());
    }

    private Protocol withVisits(Protocol header) {
        List<ProtocolVisit> visits = jdbc.sql("""
                SELECT label, offset_days, window_before_days, window_after_days FROM protocol_visit
                WHERE modality = :modality AND version = :version ORDER BY position""")
                .param("modality", header.modality().name()).param("version", header.version())
                .query((rs, row) -> new ProtocolVisit(rs.getString("label"), rs.getInt("offset_days"),
                        rs.getInt("window_before_days"), rs.getInt("window_after_days")))
                .list();
        return new Protocol(header.modality(), header.version(), visits, header.changedBy(), header.changedAt());
    }
}
