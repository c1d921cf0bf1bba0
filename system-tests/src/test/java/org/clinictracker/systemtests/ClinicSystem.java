package org.clinictracker.systemtests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.clinictracker.testsupport.TestInfrastructure.PostgresDatabase;
import org.clinictracker.testsupport.keycloak.KeycloakAdmin;
import org.clinictracker.testsupport.keycloak.KeycloakAdmin.ClientCopy;
import org.clinictracker.testsupport.keycloak.LocalKeycloak;

/**
 * The whole clinic for the system tests, started once per test JVM by the first test class that asks
 * ({@link #start()}) and stopped by a shutdown hook when the JVM ends: the run's own PostgreSQL server with an
 * empty database per service (its own so that a chaos test may restart it), the run's own Kafka broker, the real
 * Keycloak, an SMTP server (GreenMail, {@link ClinicMailServer}) for the patients' links, and the three services,
 * the gateway and the web app from the Boot jars the build made, on free ports, with the environment
 * {@code ./clinic up} gives them.
 * <p>
 * Tokens are checked with a 1 s clock skew ({@code CLINIC_TOKEN_CLOCK_SKEW}) so an expired token is refused
 * within seconds of its expiry.
 */
public final class ClinicSystem {

    static final Duration START_TIMEOUT = Duration.ofMinutes(3);
    private static ClinicSystem running;
    private static RuntimeException failedStart;

    private final Path root;
    private final Path workDir;
    private final String version;
    private final KafkaBroker kafka;
    private final PostgresCluster postgres;
    private ClinicMailServer mail;
    private final Map<ClinicService, ServiceProcess> processes = new EnumMap<>(ClinicService.class);
    private ClientCopy webClient;

    private ClinicSystem(Path root, Path workDir, String version) {
        this.root = root;
        this.workDir = workDir;
        this.version = version;
        this.kafka = new KafkaBroker(root, workDir);
        this.postgres = new PostgresCluster(workDir);
    }

    /** The running clinic, started on first call. */
    public static synchronized ClinicSystem start() {
        if (failedStart != null) {
            throw new IllegalStateException("The clinic did not start for an earlier test class", failedStart);
        }
        if (running == null) {
            Path root = Path.of(System.getProperty("clinic.system.root", "..")).toAbsolutePath().normalize();
            Path workDir = Path.of(System.getProperty("clinic.system.work-dir", "target/system")).toAbsolutePath();
            ClinicSystem system = new ClinicSystem(root, workDir, System.getProperty("clinic.system.version", "0.1.0-SNAPSHOT"));
            Runtime.getRuntime().addShutdownHook(new Thread(system::stop, "stop-clinic-system"));
            try {
                system.startEverything();
            } catch (RuntimeException | AssertionError e) {
                failedStart = e instanceof RuntimeException runtime ? runtime : new IllegalStateException(e);
                throw e;
            }
            running = system;
        }
        return running;
    }

    public ServiceProcess gateway() {
        return processes.get(ClinicService.GATEWAY);
    }

    /** The web app on its own port (a bearer token opens its pages there); browsers use it through {@link #browserUrl()}. */
    public ServiceProcess web() {
        return processes.get(ClinicService.WEB);
    }

    public ServiceProcess service(ClinicService service) {
        return processes.get(service);
    }

    public String baseUrl(ClinicService service) {
        return processes.get(service).baseUrl();
    }

    /**
     * The gateway as a browser reaches it: by the name {@code localhost}, which the redirect and post-logout URIs of
     * its Keycloak client (a copy of {@code clinic-web} for this run's port) name.
     */
    public String browserUrl() {
        return "http://localhost:" + gateway().port();
    }

    /** The clinic's SMTP server (GreenMail, in this JVM), where followup-service sends the patients' links. */
    public ClinicMailServer mail() {
        return mail;
    }

    public KafkaBroker kafka() {
        return kafka;
    }

    /** {@code target/system}: the parts' logs, the broker's and the database server's data, the chaos tests' figures. */
    public Path workDir() {
        return workDir;
    }

    /** The run's own PostgreSQL server, which only this clinic uses: a test may restart or kill it. */
    public PostgresCluster postgres() {
        return postgres;
    }

    /** The service's database, as the service reaches it (role {@code clinic}), for a test that checks its rows. */
    public PostgresDatabase database(ClinicService service) {
        return SystemDatabases.of(postgres, service);
    }

    private void startEverything() {
        Instant started = Instant.now();
        Map<ClinicService, Path> jars = BootJars.locate(root, version);
        createWorkDir();
        LocalKeycloak.ensureRunning();
        kafka.startEmpty();
        postgres.create();
        SystemDatabases.createIn(postgres);
        mail = ClinicMailServer.start();

        Map<String, String> common = Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(),
                "KEYCLOAK_ISSUER", LocalKeycloak.issuer(),
                "CLINIC_TOKEN_CLOCK_SKEW", "1s");
        Map<ClinicService, Integer> ports = new EnumMap<>(ClinicService.class);
        ClinicService.BEHIND_GATEWAY.forEach(service -> ports.put(service, FreePorts.next()));
        int gatewayPort = FreePorts.next();
        int webPort = FreePorts.next();
        for (ClinicService service : ClinicService.BEHIND_GATEWAY) {
            PostgresDatabase database = database(service);
            Map<String, String> environment = new HashMap<>(common);
            environment.put("DB_URL", database.jdbcUrl());
            environment.put("DB_USER", database.username());
            environment.put("DB_PASSWORD", database.password());
            environment.put("DB_POOL_SIZE", "5"); // five JVMs, a broker and PostgreSQL share two cores
            if (service == ClinicService.PATIENTS) {
                // the FHIR record's assembler fetches the other parts itself and names the record under the gateway
                environment.put("PROCEDURE_SERVICE_URL", "http://127.0.0.1:" + ports.get(ClinicService.PROCEDURES));
                environment.put("FOLLOWUP_SERVICE_URL", "http://127.0.0.1:" + ports.get(ClinicService.FOLLOWUPS));
                environment.put("CLINIC_FHIR_BASE_URL", "http://localhost:" + gatewayPort + "/api/fhir");
            }
            if (service == ClinicService.FOLLOWUPS) {
                // patient links: e-mailed through the run's SMTP server, naming the answer page on this run's gateway
                environment.put("SPRING_MAIL_HOST", "127.0.0.1");
                environment.put("SPRING_MAIL_PORT", String.valueOf(mail.port()));
                environment.put("PATIENT_MAIL_FROM", "Northside Pain Clinic <followup@northside-pain.example>");
                environment.put("CLINIC_NAME", "Northside Pain Clinic");
                environment.put("PATIENT_ANSWER_PAGE_URL", "http://localhost:" + gatewayPort + "/answer");
            }
            processes.put(service, new ServiceProcess(service, jars.get(service), ports.get(service), workDir, environment));
        }
        // clinic-web's redirect URIs name the dev port 8080; Keycloak checks them exactly, so this run's gateway signs
        // browsers in through a copy of it naming its own port (deleted at the end)
        webClient = KeycloakAdmin.copyClient("clinic-web", "http://localhost:" + gatewayPort, Map.of());
        Map<String, String> gatewayEnvironment = new HashMap<>(common);
        gatewayEnvironment.put("CLINIC_WEB_CLIENT_ID", webClient.clientId());
        gatewayEnvironment.put("CLINIC_WEB_CLIENT_SECRET", webClient.secret());
        gatewayEnvironment.put("PATIENT_SERVICE_URL", processes.get(ClinicService.PATIENTS).baseUrl());
        gatewayEnvironment.put("PROCEDURE_SERVICE_URL", processes.get(ClinicService.PROCEDURES).baseUrl());
        gatewayEnvironment.put("FOLLOWUP_SERVICE_URL", processes.get(ClinicService.FOLLOWUPS).baseUrl());
        gatewayEnvironment.put("WEB_APP_URL", "http://127.0.0.1:" + webPort);
        processes.put(ClinicService.GATEWAY,
                new ServiceProcess(ClinicService.GATEWAY, jars.get(ClinicService.GATEWAY), gatewayPort, workDir, gatewayEnvironment));
        // the web app calls the API through this run's gateway, with the user's token it checks as the services do
        Map<String, String> webEnvironment = new HashMap<>(common);
        webEnvironment.remove("KAFKA_BOOTSTRAP_SERVERS");
        webEnvironment.put("CLINIC_API_URL", "http://127.0.0.1:" + gatewayPort);
        // the patients' answer page calls followup-service's public API directly (the gateway limits it per address)
        webEnvironment.put("FOLLOWUP_SERVICE_URL", processes.get(ClinicService.FOLLOWUPS).baseUrl());
        processes.put(ClinicService.WEB,
                new ServiceProcess(ClinicService.WEB, jars.get(ClinicService.WEB), webPort, workDir, webEnvironment));

        // all at once: their start-ups overlap; neither the gateway nor the web app needs another part to start
        processes.values().forEach(ServiceProcess::start);
        processes.values().forEach(process -> process.awaitHealthy(START_TIMEOUT));
        System.out.printf("[system] clinic up in %d s: gateway %s, web app %s, patients %s, procedures %s, followups %s,"
                + " kafka %s, postgres 127.0.0.1:%d %s%n",
                Duration.between(started, Instant.now()).toSeconds(), baseUrl(ClinicService.GATEWAY),
                baseUrl(ClinicService.WEB), baseUrl(ClinicService.PATIENTS), baseUrl(ClinicService.PROCEDURES), baseUrl(ClinicService.FOLLOWUPS),
                kafka.bootstrapServers(), postgres.port(), SystemDatabases.names());
    }

    /**
     * Web app and gateway first (no new calls), then the services, then the broker they write to and their database
     * server.
     */
    private void stop() {
        List.of(ClinicService.WEB, ClinicService.GATEWAY, ClinicService.FOLLOWUPS, ClinicService.PROCEDURES, ClinicService.PATIENTS).stream()
                .map(processes::get)
                .filter(process -> process != null)
                .forEach(ServiceProcess::stop);
        try {
            kafka.stop();
        } finally {
            postgres.drop();
        }
        if (mail != null) {
            mail.stop();
        }
        if (webClient != null) {
            webClient.close();
        }
    }

    private void createWorkDir() {
        try {
            Files.createDirectories(workDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
