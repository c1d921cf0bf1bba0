package org.clinictracker.systemtests;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * One part of the clinic run as in production: {@code java -jar} of its Boot jar on a free port with the
 * environment {@code ./clinic} gives it, its output in {@code target/system/<module>.log} and its PID in
 * {@code <module>.pid} (so the next run can stop one an interrupted run left behind).
 */
public final class ServiceProcess {

    /** Small heaps and the quick C1 compiler: five JVMs, a broker and the tests share two cores. */
    private static final List<String> JVM_FLAGS = List.of("-Xmx384m", "-Xss512k", "-XX:TieredStopAtLevel=1",
            "-XX:+UseSerialGC", "-Dspring.output.ansi.enabled=never");
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    private final ClinicService service;
    private final Path jar;
    private final Path log;
    private final Path pidFile;
    private final int port;
    private final Map<String, String> environment;
    private Process process;

    ServiceProcess(ClinicService service, Path jar, int port, Path workDir, Map<String, String> environment) {
        this.service = service;
        this.port = port;
        this.jar = jar;
        this.log = workDir.resolve(service.module() + ".log");
        this.pidFile = workDir.resolve(service.module() + ".pid");
        this.environment = Map.copyOf(environment);
        try {
            Files.deleteIfExists(log); // a new run, a new log; restarts within the run append to it
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public ClinicService service() {
        return service;
    }

    public int port() {
        return port;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public Path log() {
        return log;
    }

    /** Launches the JVM (appending to its log); {@link #awaitHealthy} tells when it serves. */
    public synchronized void start() {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException(service.module() + " is already running (pid " + process.pid() + ")");
        }
        stopLeftover();
        List<String> command = new ArrayList<>(List.of(javaExecutable()));
        command.addAll(JVM_FLAGS);
        command.addAll(List.of("-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        builder.environment().put("SERVER_PORT", String.valueOf(port));
        try {
            process = builder.start();
            Files.writeString(pidFile, String.valueOf(process.pid()));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start " + service.module() + " from " + jar, e);
        }
    }

    /** Waits until {@code /actuator/health} answers 200; fails at once, with the log's tail, if the JVM exits. */
    public void awaitHealthy(Duration timeout) {
        await(service.module() + " healthy at " + baseUrl() + " (log: " + log + ")")
                .atMost(timeout)
                .pollInterval(Duration.ofMillis(500))
                .failFast(() -> {
                    if (!process.isAlive()) {
                        throw new AssertionError(service.module() + " exited with " + process.exitValue()
                                + " during start-up; last lines of " + log + ":\n" + tail(40));
                    }
                })
                .until(this::healthy);
    }

    public boolean healthy() {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health"))
                    .timeout(Duration.ofSeconds(2)).build();
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** SIGTERM (Boot shuts down gracefully), SIGKILL if it has not gone after 20 s. */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        forgetPid();
    }

    /** SIGKILL, as a crash or an OOM killer would end it: no graceful shutdown. */
    public synchronized void kill() {
        if (process != null) {
            process.destroyForcibly();
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            forgetPid();
        }
    }

    /** The JVM's process id: the same before and after a fault means it was not restarted. */
    public synchronized long pid() {
        if (process == null) {
            throw new IllegalStateException(service.module() + " was never started");
        }
        return process.pid();
    }

    public boolean alive() {
        return process != null && process.isAlive();
    }

    public String tail(int lines) {
        try {
            List<String> all = Files.readAllLines(log);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** A JVM of this jar that an interrupted earlier run left running (its PID file survived). */
    private void stopLeftover() {
        if (!Files.exists(pidFile)) {
            return;
        }
        try {
            long pid = Long.parseLong(Files.readString(pidFile).trim());
            Optional<ProcessHandle> leftover = ProcessHandle.of(pid)
                    .filter(handle -> handle.info().commandLine().map(line -> line.contains(jar.toString())).orElse(false));
            leftover.ifPresent(handle -> {
                handle.destroyForcibly();
                handle.onExit().orTimeout(10, TimeUnit.SECONDS).join();
            });
        } catch (IOException | NumberFormatException e) {
            // an unreadable PID file: nothing we can match to a process
        }
        forgetPid();
    }

    private void forgetPid() {
        try {
            Files.deleteIfExists(pidFile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
