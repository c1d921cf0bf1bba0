package org.clinictracker.systemtests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.springframework.util.FileSystemUtils;

/**
 * The run's own Kafka broker: a separate process started by the project's scripts/local-kafka.sh (KRaft, from
 * the Maven Central jars, as {@code ./clinic up} and bench/ run it) on free ports, its state under
 * {@code target/system/kafka}, emptied at every start, stopped by its PID at the end.
 * <p>
 * A process rather than spring-kafka-test's embedded broker in this JVM: the services reach it exactly as they
 * reach the clinic's broker, and a chaos test can SIGKILL it ({@link #kill()}) and start it again on the same
 * ports and data ({@link #start()}) while the test JVM keeps running.
 */
public final class KafkaBroker {

    private final Path script;
    private final Path runDir;
    private final int port = FreePorts.next();
    private final int controllerPort = FreePorts.next();

    KafkaBroker(Path root, Path workDir) {
        this.script = root.resolve("scripts/local-kafka.sh");
        this.runDir = workDir.resolve("kafka");
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    /** Starts the broker with an empty log, after stopping one that an interrupted earlier run left behind. */
    void startEmpty() {
        run("stop");
        FileSystemUtils.deleteRecursively(runDir.resolve("data").toFile());
        start();
    }

    /** Starts the broker (again) on its ports and data; returns once it serves requests. */
    public void start() {
        run("start");
    }

    /** A controlled shutdown by the script, which signals the PID it recorded. */
    public void stop() {
        run("stop");
    }

    /** SIGKILL, as a crashed broker host would go. */
    public void kill() {
        pid().flatMap(ProcessHandle::of).ifPresent(ProcessHandle::destroyForcibly);
    }

    public Optional<Long> pid() {
        Path pidFile = runDir.resolve("kafka.pid");
        try {
            return Files.exists(pidFile) ? Optional.of(Long.parseLong(Files.readString(pidFile).trim())) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void run(String command) {
        ProcessBuilder builder = new ProcessBuilder("bash", script.toString(), command).redirectErrorStream(true);
        builder.environment().put("KAFKA_PORT", String.valueOf(port));
        builder.environment().put("KAFKA_CONTROLLER_PORT", String.valueOf(controllerPort));
        builder.environment().put("KAFKA_RUN_DIR", runDir.toString());
        builder.environment().put("KAFKA_HEAP_OPTS", "-Xms64m -Xmx320m");
        try {
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(3, TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new IllegalStateException(script + " " + command + " failed:\n" + output);
            }
            System.out.print(output);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not run " + script, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while running " + script + " " + command, e);
        }
    }
}
