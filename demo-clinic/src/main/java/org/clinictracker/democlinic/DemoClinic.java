package org.clinictracker.democlinic;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import tools.jackson.databind.json.JsonMapper;

/**
 * {@code ./clinic seed}: loads the demo clinic ({@link DemoClinicPatients}) through the gateway, as the dev users
 * would type it in. Running it again adds nothing: each demo patient is registered first, and the clinic's own
 * duplicate check (same name and birth date) tells that the patient is already there, so that patient's story is
 * skipped. Patients are loaded a few at a time; each one's story runs in order.
 */
public final class DemoClinic {

    /**
     * Where the clinic answers and how to sign in.
     *
     * @param gateway     the gateway's base URL ({@code CLINIC_GATEWAY_URL}, default {@code http://localhost:8080})
     * @param tokenUri    the realm's token endpoint ({@code KEYCLOAK_URL}, default {@code http://localhost:8180}, realm clinic)
     * @param password    the dev users' password ({@code CLINIC_PASSWORD}, default {@code clinic-dev})
     * @param zone        the clinic's time zone ({@code CLINIC_TIME_ZONE}, default UTC): days count back from its today
     * @param parallelism how many patients are loaded at once ({@code CLINIC_SEED_PARALLELISM}, default 4)
     */
    public record Settings(URI gateway, URI tokenUri, String password, ZoneId zone, int parallelism) {

        public static Settings fromEnvironment() {
            return new Settings(URI.create(env("CLINIC_GATEWAY_URL", "http://localhost:8080")),
                    URI.create(env("KEYCLOAK_URL", "http://localhost:8180") + "/realms/clinic/protocol/openid-connect/token"),
                    env("CLINIC_PASSWORD", "clinic-dev"), ZoneId.of(env("CLINIC_TIME_ZONE", "UTC")),
                    Integer.parseInt(env("CLINIC_SEED_PARALLELISM", "4")));
        }

        private static String env(String name, String fallback) {
            String value = System.getenv(name);
            return value == null || value.isBlank() ? fallback : value;
        }
    }

    private DemoClinic() {
    }

    public static void main(String[] args) throws InterruptedException {
        Settings settings = Settings.fromEnvironment();
        System.out.println("[seed] loading the demo clinic through " + settings.gateway());
        LoadReport report;
        try {
            report = load(settings);
        } catch (IllegalStateException e) {
            System.err.println("[seed] " + e.getMessage());
            System.exit(1);
            return;
        }
        System.out.print(report.summary());
        System.exit(report.failures().isEmpty() ? 0 : 1);
    }

    /**
     * Loads every demo patient not yet there; a patient's failure is reported, not thrown, so the others still load.
     *
     * @throws IllegalStateException if the gateway does not answer at all
     */
    public static LoadReport load(Settings settings) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        JsonMapper json = JsonMapper.builder().build();
        ClinicApi api = new ClinicApi(settings.gateway(), new DevUserTokens(settings.tokenUri(), settings.password(), http, json),
                http, json);
        if (!api.answers()) {
            throw new IllegalStateException("the gateway does not answer at " + settings.gateway() + " (./clinic up?)");
        }
        LocalDate today = LocalDate.now(settings.zone());
        List<DemoPatient> patients = DemoClinicPatients.all();
        LoadReport report = new LoadReport();
        ExecutorService workers = Executors.newFixedThreadPool(Math.max(1, settings.parallelism()));
        try {
            for (int i = 0; i < patients.size(); i++) {
                DemoPatient patient = patients.get(i);
                PatientStory story = new PatientStory(api, patient, i + 1, today, settings.zone(), report);
                workers.submit(() -> {
                    try {
                        story.play();
                    } catch (RuntimeException e) {
                        report.failed(e.getMessage());
                    }
                });
            }
        } finally {
            workers.shutdown();
        }
        if (!workers.awaitTermination(15, TimeUnit.MINUTES)) {
            workers.shutdownNow();
            report.failed("the seed did not finish within 15 minutes");
        }
        return report;
    }
}
