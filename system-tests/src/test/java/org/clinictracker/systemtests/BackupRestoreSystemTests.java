package org.clinictracker.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;
import org.clinictracker.testsupport.TestInfrastructure.PostgresDatabase;
import org.clinictracker.testsupport.keycloak.KeycloakTokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code ./clinic backup} of the running clinic's three databases, {@code ./clinic restore} into empty databases of
 * other names: every table reads back the same rows, and exactly the events that occurred after the backup's snapshot
 * (minus the margin) are queued to be published again, so the consumers get what their dumps may lack.
 */
class BackupRestoreSystemTests {

    private static final List<ClinicService> SERVICES = ClinicService.BEHIND_GATEWAY;
    /** The rows that restore changes on purpose: compared on what they say, not on their delivery state. */
    private static final Map<String, String> COMPARED_AS = Map.of(
            "outbox_event", "SELECT event_id, topic, message_key, event_type, payload::text, occurred_at FROM outbox_event",
            "processed_event", "SELECT event_id, event_type FROM processed_event");

    private static ClinicSystem clinic;
    private static Path root;

    @BeforeAll
    static void startTheClinic() {
        clinic = ClinicSystem.start();
        root = Path.of(System.getProperty("clinic.system.root", "..")).toAbsolutePath().normalize();
        // the databases to restore into, beside the clinic's on the run's own server (new for every run)
        clinic.postgres().createDatabases(SystemDatabases.ROLE, SERVICES.stream().map(BackupRestoreSystemTests::restoredName).toList());
    }

    @Test
    void a_backup_restored_into_empty_databases_reads_back_every_row_and_replays_what_followed_its_snapshot()
            throws Exception {
        // before: a patient treated, everything published and applied
        UUID treated = registerScreenAndConsent("Backup");
        recordCryoneurolysis(treated);
        awaitQuiet();
        Instant lastEventBefore = latestEvent();
        Awaitility.await("the clock passes the events before").atMost(Duration.ofSeconds(10))
                .until(() -> Instant.now().isAfter(lastEventBefore.plusSeconds(3)));
        // after: one more registration, also applied everywhere
        UUID registeredLater = registerScreenAndConsent("Later");
        awaitQuiet();

        Path backup = Files.createTempDirectory(Path.of(System.getProperty("clinic.system.work-dir", "target/system")),
                "backup").resolve("clinic.tar.gz");
        Script backedUp = run(environmentFor(SystemDatabases::nameFor), "backup", backup.toString());
        assertThat(backedUp.exitCode()).as(backedUp.output()).isZero();
        Instant firstSnapshot = Instant.parse(manifest(backup).get("first_snapshot_not_before"));
        // a margin that puts the replay's start between the two batches
        long margin = Duration.between(lastEventBefore.plusMillis(1500), firstSnapshot).toSeconds();
        Instant cutoff = firstSnapshot.minusSeconds(margin);

        Map<ClinicService, PostgresDatabase> restored = new EnumMap<>(ClinicService.class);
        SERVICES.forEach(service -> restored.put(service, emptyDatabase(restoredName(service))));
        Map<String, String> environment = environmentFor(BackupRestoreSystemTests::restoredName);
        environment.put("CLINIC_RESTORE_REPLAY_MARGIN_SECONDS", String.valueOf(margin));
        Script restoredRun = run(environment, "restore", backup.toString());
        assertThat(restoredRun.exitCode()).as(restoredRun.output()).isZero();

        Set<String> requeued = new TreeSet<>();
        Set<String> publishedAfterCutoff = new TreeSet<>();
        for (ClinicService service : SERVICES) {
            PostgresDatabase source = clinic.database(service);
            try (Connection from = open(source); Connection to = open(restored.get(service))) {
                List<String> tables = rows(from, "SELECT tablename FROM pg_tables WHERE schemaname = 'public'");
                assertThat(rows(to, "SELECT tablename FROM pg_tables WHERE schemaname = 'public'"))
                        .as("%s tables", service).containsExactlyInAnyOrderElementsOf(tables);
                for (String table : tables) {
                    String select = COMPARED_AS.getOrDefault(table, "SELECT t::text FROM " + table + " t");
                    assertThat(rows(to, select)).as("%s.%s", service, table)
                            .containsExactlyInAnyOrderElementsOf(rows(from, select));
                }
                requeued.addAll(rows(to, "SELECT event_id FROM outbox_event WHERE status = 'PENDING'"));
                publishedAfterCutoff.addAll(rows(from, "SELECT event_id FROM outbox_event WHERE status = 'PUBLISHED'"
                        + " AND occurred_at > '" + cutoff + "'::timestamptz"));
            }
        }
        assertThat(requeued).isNotEmpty().isEqualTo(publishedAfterCutoff);
        try (Connection patients = open(restored.get(ClinicService.PATIENTS))) {
            // the later registration, screening and consent; nothing of the patient treated before
            assertThat(rows(patients, "SELECT message_key FROM outbox_event WHERE status = 'PENDING'"))
                    .hasSize(3).containsOnly(registeredLater.toString());
            assertThat(rows(patients, "SELECT status FROM outbox_event WHERE message_key = '" + treated + "'"))
                    .isNotEmpty().containsOnly("PUBLISHED");
        }
    }

    @Test
    void restore_refuses_databases_that_are_not_empty_or_in_use() throws Exception {
        Path backup = Files.createTempDirectory(Path.of(System.getProperty("clinic.system.work-dir", "target/system")),
                "backup").resolve("clinic.tar.gz");
        assertThat(run(environmentFor(SystemDatabases::nameFor), "backup", backup.toString()).exitCode()).isZero();

        Script intoRunningClinic = run(environmentFor(SystemDatabases::nameFor), "restore", backup.toString());
        assertThat(intoRunningClinic.exitCode()).isEqualTo(1);
        assertThat(intoRunningClinic.output()).contains("other connections to");

        Map<String, String> restoredNames = environmentFor(BackupRestoreSystemTests::restoredName);
        SERVICES.forEach(service -> emptyDatabase(restoredName(service)));
        assertThat(run(restoredNames, "restore", backup.toString()).exitCode()).isZero();
        Script again = run(restoredNames, "restore", backup.toString());
        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(again.output()).contains("is not empty");
    }

    private static String restoredName(ClinicService service) {
        return service.database().orElseThrow() + "_restored";
    }

    private UUID registerScreenAndConsent(String familyPrefix) {
        String frontDesk = KeycloakTokens.accessToken("frontdesk1");
        String familyName = familyPrefix + UUID.randomUUID().toString().replaceAll("[^a-f]", "").substring(0, 6);
        HttpAnswer registered = post("/api/patients", frontDesk, """
                {"givenName":"Ines","familyName":"%s","birthDate":"1959-02-11","sex":"FEMALE",
                 "indication":{"code":"KNEE_OSTEOARTHRITIS"},"laterality":"LEFT","baselinePainScore":7,"anticoagulated":false}
                """.formatted(familyName));
        UUID patientId = UUID.fromString(registered.json().get("id").asString());
        post("/api/patients/" + patientId + "/screenings", frontDesk, """
                {"chronicPainMonths":24,"peripheralNerveDistribution":true,"refractoryToMedication":true,
                 "refractoryToPhysicalTherapy":true,"activeInfection":false,"coagulopathy":false,
                 "severePeripheralVascularDisease":false,"coldIntolerance":false}
                """);
        post("/api/patients/" + patientId + "/consents", frontDesk, """
                {"procedure":"CRYONEUROLYSIS","signedOn":"%s","witness":"A. Reyes, RN"}""".formatted(LocalDate.now()));
        return patientId;
    }

    private void recordCryoneurolysis(UUID patientId) {
        String proceduralist = KeycloakTokens.accessToken("proceduralist1");
        String body = """
                {"patientId":"%s","performedAt":"%s","modality":"CRYONEUROLYSIS",
                 "targets":[{"nerve":"SUPEROMEDIAL_GENICULAR","laterality":"LEFT"}],"imagingGuidance":"ULTRASOUND",
                 "cryo":{"probeTemperatureCelsius":-88,"cycles":[{"seconds":90},{"seconds":90}]},"painBefore":7,"painAfter":2}
                """.formatted(patientId, Instant.now().minusSeconds(3600));
        Awaitility.await("procedure-service knows the consented patient").atMost(Duration.ofSeconds(30))
                .until(() -> HttpAnswer.callWithJson("POST", gateway() + "/api/procedures", proceduralist, body).status() == 201);
    }

    private static HttpAnswer post(String path, String token, String json) {
        HttpAnswer answer = HttpAnswer.callWithJson("POST", gateway() + path, token, json);
        assertThat(answer.status()).as("POST %s answered %s", path, answer).isEqualTo(201);
        return answer;
    }

    private static String gateway() {
        return clinic.baseUrl(ClinicService.GATEWAY);
    }

    /** Every event published and applied by every consumer of it: nothing in flight while the backup runs. */
    private static void awaitQuiet() {
        Awaitility.await("every event published and applied").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500)).until(() -> {
                    for (ClinicService service : SERVICES) {
                        try (Connection db = open(clinic.database(service))) {
                            if (!rows(db, "SELECT 1 FROM outbox_event WHERE status <> 'PUBLISHED' LIMIT 1").isEmpty()) {
                                return false;
                            }
                        }
                    }
                    try (Connection procedures = open(clinic.database(ClinicService.PROCEDURES));
                            Connection followups = open(clinic.database(ClinicService.FOLLOWUPS));
                            Connection patients = open(clinic.database(ClinicService.PATIENTS))) {
                        List<String> patientEvents = rows(patients, "SELECT event_id FROM outbox_event");
                        List<String> procedureEvents = rows(procedures, "SELECT event_id FROM outbox_event");
                        return rows(procedures, "SELECT event_id FROM processed_event").containsAll(patientEvents)
                                && rows(followups, "SELECT event_id FROM processed_event").containsAll(patientEvents)
                                && rows(followups, "SELECT event_id FROM processed_event").containsAll(procedureEvents);
                    }
                });
    }

    private static Instant latestEvent() throws SQLException {
        Instant latest = Instant.EPOCH;
        for (ClinicService service : SERVICES) {
            try (Connection db = open(clinic.database(service));
                    Statement statement = db.createStatement();
                    ResultSet result = statement.executeQuery("SELECT max(occurred_at) FROM outbox_event")) {
                result.next();
                Timestamp at = result.getTimestamp(1);
                if (at != null && at.toInstant().isAfter(latest)) {
                    latest = at.toInstant();
                }
            }
        }
        return latest;
    }

    /** The script's database settings for these database names, on the server the system tests use. */
    private static Map<String, String> environmentFor(java.util.function.Function<ClinicService, String> names) {
        PostgresDatabase any = clinic.database(ClinicService.PATIENTS); // the run's own server; same role for all
        URI server = URI.create(any.jdbcUrl().substring("jdbc:".length()));
        Map<String, String> environment = new HashMap<>();
        environment.put("CLINIC_DB_HOST", server.getHost());
        environment.put("CLINIC_DB_PORT", String.valueOf(server.getPort()));
        environment.put("CLINIC_DB_USER", any.username());
        environment.put("CLINIC_DB_PASSWORD", any.password());
        for (ClinicService service : SERVICES) {
            environment.put("CLINIC_DB_" + service.database().orElseThrow().toUpperCase(), names.apply(service));
        }
        return environment;
    }

    private record Script(int exitCode, String output) {
    }

    private static Script run(Map<String, String> environment, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("bash", root.resolve("clinic").toString()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).as("./clinic %s finished", arguments[0]).isTrue();
        System.out.print(output);
        return new Script(process.exitValue(), output);
    }

    private static Map<String, String> manifest(Path backup) throws IOException, InterruptedException {
        Process tar = new ProcessBuilder("tar", "-xOzf", backup.toString(), "manifest.properties").start();
        String text = new String(tar.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(tar.waitFor()).isZero();
        Map<String, String> values = new HashMap<>();
        text.lines().filter(line -> line.contains("=")).forEach(line ->
                values.put(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1)));
        return values;
    }

    /** A database of this name on the run's own server (created with the clinic), emptied. */
    private static PostgresDatabase emptyDatabase(String name) {
        PostgresDatabase database = clinic.postgres().database(name, SystemDatabases.ROLE, SystemDatabases.PASSWORD);
        try (Connection connection = open(database); Statement statement = connection.createStatement()) {
            statement.execute("DROP OWNED BY CURRENT_USER CASCADE");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not empty " + name, e);
        }
        return database;
    }

    private static Connection open(PostgresDatabase database) throws SQLException {
        return DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password());
    }

    private static List<String> rows(Connection connection, String select) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(select)) {
            int columns = result.getMetaData().getColumnCount();
            while (result.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= columns; i++) {
                    row.append(i > 1 ? " | " : "").append(result.getString(i));
                }
                rows.add(row.toString());
            }
        }
        return rows;
    }
}
