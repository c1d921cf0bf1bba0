package org.clinictracker.systemtests.journey;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

/**
 * What the crash tests measured, written as a small markdown table to {@code target/system/service-crashes.md}
 * (docs/resilience.md quotes one run).
 */
final class CrashFigures {

    record Undisturbed(Duration journey, long calls, long eventsPublished, Duration slowestEvent) {
    }

    record Crash(String part, String when, Duration downFor, long callsThatWaited, Duration longestWait,
            Duration slowestEvent, Duration journey, long eventsPublished, long countsShort, long countsOver) {
    }

    private Undisturbed undisturbed;
    private final List<Crash> crashes = new ArrayList<>();

    synchronized void undisturbed(Undisturbed figures) {
        undisturbed = figures;
    }

    synchronized void add(Crash crash) {
        crashes.add(crash);
    }

    /** How many of the ledger's counts are below the undisturbed journey's (lost) and above them (applied twice). */
    static long[] shortAndOver(PatientLedger expected, PatientLedger actual) {
        long[] shortAndOver = new long[2];
        compare(expected.eventsPublished(), actual.eventsPublished(), shortAndOver);
        compare(expected.changesAudited(), actual.changesAudited(), shortAndOver);
        compare(expected.consumed(), actual.consumed(), shortAndOver);
        return shortAndOver;
    }

    private static void compare(Map<String, Long> expected, Map<String, Long> actual, long[] shortAndOver) {
        Set<String> keys = new TreeSet<>(expected.keySet());
        keys.addAll(actual.keySet());
        for (String key : keys) {
            long difference = actual.getOrDefault(key, 0L) - expected.getOrDefault(key, 0L);
            shortAndOver[0] += Math.max(0, -difference);
            shortAndOver[1] += Math.max(0, difference);
        }
    }

    synchronized void write(Path file) {
        StringBuilder text = new StringBuilder();
        text.append("# Service crashes (ServiceCrashSystemTests)\n\n")
                .append("Run ").append(Instant.now().truncatedTo(ChronoUnit.SECONDS)).append(", commit ").append(commit())
                .append(", ").append(Runtime.getRuntime().availableProcessors()).append(" cores.\n\n");
        if (undisturbed != null) {
            text.append("Undisturbed journey: ").append(seconds(undisturbed.journey())).append(", ")
                    .append(undisturbed.calls()).append(" calls through the gateway, ")
                    .append(undisturbed.eventsPublished()).append(" events published about the patient, the slowest ")
                    .append(seconds(undisturbed.slowestEvent())).append(" from written to published.\n\n");
        }
        text.append("| part killed (SIGKILL) | just after | healthy again after | calls retried | longest wait of a call "
                + "| slowest event, written to published | journey took | events published | counts short (lost) "
                + "| counts over (applied twice) |\n")
                .append("|---|---|---|---|---|---|---|---|---|---|\n");
        for (Crash crash : crashes) {
            text.append("| ").append(crash.part()).append(" | ").append(crash.when()).append(" | ")
                    .append(seconds(crash.downFor())).append(" | ").append(crash.callsThatWaited()).append(" | ")
                    .append(seconds(crash.longestWait())).append(" | ").append(seconds(crash.slowestEvent())).append(" | ")
                    .append(seconds(crash.journey())).append(" | ")
                    .append(crash.eventsPublished()).append(" | ").append(crash.countsShort()).append(" | ")
                    .append(crash.countsOver()).append(" |\n");
        }
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.out.print(text);
    }

    private static String seconds(Duration duration) {
        return String.format("%.1f s", duration.toMillis() / 1000.0);
    }

    private static String commit() {
        try {
            Process git = new ProcessBuilder("git", "rev-parse", "--short", "HEAD").redirectErrorStream(true).start();
            String id = new String(git.getInputStream().readAllBytes()).trim();
            return git.waitFor(5, TimeUnit.SECONDS) && git.exitValue() == 0 ? id : "unknown";
        } catch (IOException e) {
            return "unknown";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }
}
