import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;

/**
 * Part of bench/followups.sh: the time from a ProcedureRecorded committed in procedure-service to its plan being
 * readable in followup-service.
 *
 * <pre>java -cp postgresql.jar bench/PlanLatency.java PROCEDURES_JDBC_URL FOLLOWUPS_JDBC_URL COUNT INTERVAL_MS OUT_FILE</pre>
 *
 * Every INTERVAL_MS (open loop: the pace does not wait for plans) it commits one ProcedureRecorded envelope into
 * procedure-service's outbox_event, exactly the row EventOutbox.append writes in the transaction that records a
 * procedure, in a transaction of its own (auto-commit), and notes the instant the commit returned. The procedure is
 * for an existing patient of the data set, on a nerve (SURAL) the data set never treats, with no previous procedure:
 * it is nobody's repeat, so it closes no candidate and cancels no visit. From there the path is the real one:
 * procedure-service's outbox relay publishes it, followup-service's consumer makes the plan and commits.
 * <p>
 * A second connection polls followup-service's database every POLL_MS for the plans still awaited (one unique-index
 * lookup per procedure). A plan first seen by a poll was committed before that poll's snapshot and after the previous
 * poll's, so "readable" is the start of the first poll that sees it: late by at most one poll period (POLL_MS plus
 * the query's time, both printed). The pieces (commit to Kafka's acknowledgement as the relay records it, then to
 * the consumer's created_at) come from the two databases afterwards; all clocks are this machine's.
 * <p>
 * Prints "RESULT key=value ..." (milliseconds) and writes one line per procedure to OUT_FILE.
 */
public class PlanLatency {

    static final long POLL_MS = Long.getLong("poll.ms", 2);
    static final String[] MODALITIES = { "CRYONEUROLYSIS", "RADIOFREQUENCY_ABLATION", "NERVE_BLOCK" };

    record Sent(UUID eventId, UUID procedureId, UUID patientId, Instant committed) {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 1 && args[0].equals("--sample")) { // one envelope, to size Kafka's own measurement
            UUID id = UUID.randomUUID();
            System.out.print(envelope(id, UUID.randomUUID(), UUID.randomUUID(), Instant.now(), MODALITIES[1]));
            return;
        }
        String proceduresUrl = args[0];
        String followupsUrl = args[1];
        int count = Integer.parseInt(args[2]);
        long intervalMs = Long.parseLong(args[3]);
        Path out = Path.of(args[4]);
        String user = System.getProperty("db.user", "clinic");
        String password = System.getProperty("db.password", "clinic");

        try (Connection procedures = DriverManager.getConnection(proceduresUrl, user, password);
             Connection followups = DriverManager.getConnection(followupsUrl, user, password);
             Connection poller = DriverManager.getConnection(followupsUrl, user, password)) {
            List<UUID> patients = patients(followups, count);
            Map<UUID, Instant> seen = new ConcurrentHashMap<>();
            Map<UUID, Sent> awaited = new ConcurrentHashMap<>();
            long[] pollStats = new long[3]; // polls, total query nanos, max query nanos
            Thread polling = new Thread(() -> poll(poller, awaited, seen, pollStats), "plan-poller");
            polling.setDaemon(true);
            polling.start();

            List<Sent> sent = new ArrayList<>(count);
            procedures.setAutoCommit(true);
            try (PreparedStatement insert = procedures.prepareStatement("""
                    INSERT INTO outbox_event (event_id, topic, message_key, event_type, payload, occurred_at)
                    VALUES (?, 'clinic.procedures.v1', ?, 'ProcedureRecorded', CAST(? AS json), ?)""")) {
                long start = System.nanoTime();
                for (int i = 0; i < count; i++) {
                    LockSupport.parkNanos(start + i * intervalMs * 1_000_000 - System.nanoTime());
                    UUID eventId = UUID.randomUUID();
                    UUID procedureId = UUID.randomUUID();
                    UUID patientId = patients.get(i);
                    Instant occurredAt = Instant.now();
                    insert.setObject(1, eventId);
                    insert.setString(2, patientId.toString());
                    insert.setString(3, envelope(eventId, procedureId, patientId, occurredAt, MODALITIES[i % 3]));
                    insert.setTimestamp(4, Timestamp.from(occurredAt));
                    insert.executeUpdate(); // auto-commit: returns once committed
                    Sent s = new Sent(eventId, procedureId, patientId, Instant.now());
                    awaited.put(procedureId, s);
                    sent.add(s);
                }
            }
            long deadline = System.nanoTime() + 120_000_000_000L;
            while (!awaited.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            polling.interrupt();
            polling.join(5_000);

            Map<UUID, Instant> published = instants(procedures,
                    "SELECT event_id, published_at FROM outbox_event WHERE event_id = ANY(?)",
                    sent.stream().map(Sent::eventId).toArray(UUID[]::new));
            Map<UUID, Instant> created = instants(followups,
                    "SELECT procedure_id, created_at FROM follow_up_plan WHERE procedure_id = ANY(?)",
                    sent.stream().map(Sent::procedureId).toArray(UUID[]::new));
            report(sent, seen, published, created, pollStats, out);
        }
    }

    /** Random patients of the data set, one per procedure (repeating if there are fewer). */
    static List<UUID> patients(Connection followups, int count) throws SQLException {
        List<UUID> ids = new ArrayList<>(count);
        try (PreparedStatement q = followups.prepareStatement(
                "SELECT id FROM known_patient TABLESAMPLE SYSTEM (5) LIMIT ?")) {
            q.setInt(1, count);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getObject(1, UUID.class));
                }
            }
        }
        if (ids.isEmpty()) {
            throw new IllegalStateException("no patients in followup-service's database");
        }
        for (int i = 0; ids.size() < count; i++) {
            ids.add(ids.get(i));
        }
        return ids;
    }

    /** The envelope procedure-service writes (clinic.procedures.v1/ProcedureRecorded.schema.json; nulls left out). */
    static String envelope(UUID eventId, UUID procedureId, UUID patientId, Instant occurredAt, String modality) {
        Instant performedAt = occurredAt.minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        return """
                {"id":"%s","type":"ProcedureRecorded","occurredAt":"%s","subject":"%s","data":{"procedureId":"%s",\
                "patientId":"%s","performedAt":"%s","modality":"%s","indicationCode":"PERIPHERAL_NEUROPATHY",\
                "targets":[{"nerve":"SURAL","laterality":"LEFT"}],"painBefore":7,"treatmentNumber":1,\
                "earlyRepeat":false,"version":0}}""".formatted(eventId, occurredAt, patientId, procedureId, patientId,
                performedAt, modality);
    }

    static void poll(Connection poller, Map<UUID, Sent> awaited, Map<UUID, Instant> seen, long[] stats) {
        try (PreparedStatement q = poller.prepareStatement(
                "SELECT procedure_id FROM follow_up_plan WHERE procedure_id = ANY(?)")) {
            while (!Thread.currentThread().isInterrupted()) {
                if (!awaited.isEmpty()) {
                    Array ids = poller.createArrayOf("uuid", awaited.keySet().toArray());
                    Instant snapshot = Instant.now();
                    long t0 = System.nanoTime();
                    q.setArray(1, ids);
                    try (ResultSet rs = q.executeQuery()) {
                        while (rs.next()) {
                            UUID id = rs.getObject(1, UUID.class);
                            seen.putIfAbsent(id, snapshot);
                            awaited.remove(id);
                        }
                    }
                    long took = System.nanoTime() - t0;
                    stats[0]++;
                    stats[1] += took;
                    stats[2] = Math.max(stats[2], took);
                }
                LockSupport.parkNanos(POLL_MS * 1_000_000);
            }
        } catch (SQLException e) {
            if (!Thread.currentThread().isInterrupted()) {
                throw new IllegalStateException(e);
            }
        }
    }

    static Map<UUID, Instant> instants(Connection db, String sql, UUID[] ids) throws SQLException {
        Map<UUID, Instant> result = new ConcurrentHashMap<>();
        try (PreparedStatement q = db.prepareStatement(sql)) {
            q.setArray(1, db.createArrayOf("uuid", ids));
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    Timestamp t = rs.getTimestamp(2);
                    if (t != null) {
                        result.put(rs.getObject(1, UUID.class), t.toInstant());
                    }
                }
            }
        }
        return result;
    }

    static double ms(Instant from, Instant to) {
        return ChronoUnit.MICROS.between(from, to) / 1000.0;
    }

    static void report(List<Sent> sent, Map<UUID, Instant> seen, Map<UUID, Instant> published,
            Map<UUID, Instant> created, long[] pollStats, Path out) throws IOException {
        List<Double> total = new ArrayList<>();
        List<Double> toKafka = new ArrayList<>();
        List<Double> toPlan = new ArrayList<>();
        List<Double> toReadable = new ArrayList<>();
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(out))) {
            w.println("procedure_id committed published_ms plan_created_ms readable_ms");
            for (Sent s : sent) {
                Instant r = seen.get(s.procedureId());
                Instant p = published.get(s.eventId());
                Instant c = created.get(s.procedureId());
                w.printf("%s %s %s %s %s%n", s.procedureId(), s.committed(), p == null ? "-" : ms(s.committed(), p),
                        c == null ? "-" : ms(s.committed(), c), r == null ? "-" : ms(s.committed(), r));
                if (r != null) {
                    total.add(ms(s.committed(), r));
                }
                if (p != null) {
                    toKafka.add(ms(s.committed(), p));
                    if (c != null) {
                        toPlan.add(ms(p, c));
                        if (r != null) {
                            toReadable.add(ms(c, r));
                        }
                    }
                }
            }
        }
        // The relay publishes what it claimed in one pass at once (one published_at); the consumer then makes those
        // plans one after the other, so the spacing of their created_at is its time per plan.
        List<Instant[]> byCreation = new ArrayList<>();
        for (Sent s : sent) {
            Instant p = published.get(s.eventId());
            Instant c = created.get(s.procedureId());
            if (p != null && c != null) {
                byCreation.add(new Instant[] { p, c });
            }
        }
        byCreation.sort((x, y) -> x[1].compareTo(y[1]));
        List<Double> perPlan = new ArrayList<>();
        List<Double> burstSizes = new ArrayList<>();
        int burst = 1;
        for (int i = 1; i < byCreation.size(); i++) {
            if (Math.abs(ms(byCreation.get(i - 1)[0], byCreation.get(i)[0])) < 2) {
                perPlan.add(ms(byCreation.get(i - 1)[1], byCreation.get(i)[1]));
                burst++;
            } else {
                burstSizes.add((double) burst);
                burst = 1;
            }
        }
        if (!byCreation.isEmpty()) {
            burstSizes.add((double) burst);
        }
        System.out.printf("CONSUMER per_plan_p50_ms=%s per_plan_p90_ms=%s burst_p50=%s burst_max=%s%n", pct(perPlan, 50),
                pct(perPlan, 90), pct(burstSizes, 50), pct(burstSizes, 100));
        System.out.printf("RESULT sent=%d readable=%d published=%d p50_ms=%s p90_ms=%s p99_ms=%s max_ms=%s "
                        + "kafka_p50_ms=%s kafka_p99_ms=%s plan_p50_ms=%s plan_p99_ms=%s readable_p50_ms=%s "
                        + "readable_p99_ms=%s polls=%d poll_mean_ms=%.2f poll_max_ms=%.2f poll_interval_ms=%d%n",
                sent.size(), total.size(), toKafka.size(), pct(total, 50), pct(total, 90), pct(total, 99), pct(total, 100),
                pct(toKafka, 50), pct(toKafka, 99), pct(toPlan, 50), pct(toPlan, 99), pct(toReadable, 50),
                pct(toReadable, 99), pollStats[0], pollStats[0] == 0 ? 0.0 : pollStats[1] / 1e6 / pollStats[0],
                pollStats[2] / 1e6, POLL_MS);
    }

    /** Nearest-rank percentile, "-" when there is nothing. */
    static String pct(List<Double> values, int p) {
        if (values.isEmpty()) {
            return "-";
        }
        double[] v = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(v);
        int rank = (int) Math.ceil(p / 100.0 * v.length);
        return String.format("%.1f", v[Math.max(0, Math.min(v.length - 1, rank - 1))]);
    }
}
