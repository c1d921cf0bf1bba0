package org.clinictracker.systemtests.browser;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Debian's Chromium and its chromedriver, the only browser the browser tests drive. Where either is missing the
 * project's {@code scripts/local-chromium.sh} installs them (as {@code .ci/run} does before the build), so a fresh
 * machine runs the browser tests instead of skipping them; if that fails the test fails saying why.
 */
final class ChromiumInstall {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private static boolean checked;

    private ChromiumInstall() {
    }

    static synchronized void ensureInstalled() {
        if (checked) {
            return;
        }
        if (!installed()) {
            runInstallScript();
            if (!installed()) {
                throw new IllegalStateException("scripts/local-chromium.sh ran but " + CHROMIUM + " or " + CHROMEDRIVER
                        + " is still missing; install Debian's chromium and chromium-driver packages");
            }
        }
        checked = true;
    }

    private static boolean installed() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    private static void runInstallScript() {
        Path script = findScript();
        Path log = Path.of("target", "chromium-install.log").toAbsolutePath();
        try {
            Files.createDirectories(log.getParent());
            Process process = new ProcessBuilder("bash", script.toString())
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            // apt-get update and the install take a minute or two on a fresh machine
            if (!process.waitFor(10, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException(script + " did not finish within 10 minutes; see " + log);
            }
            String output = Files.readString(log, StandardCharsets.UTF_8);
            if (process.exitValue() != 0) {
                throw new IllegalStateException(script + " failed (exit " + process.exitValue()
                        + "; apt-get needs root or password-less sudo):\n" + output);
            }
            System.out.print(output);
        } catch (IOException e) {
            throw new IllegalStateException("Could not run " + script, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while " + script + " ran", e);
        }
    }

    /** The tests run in the module's folder; the script lives in the repository's {@code scripts/}. */
    private static Path findScript() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("scripts/local-chromium.sh");
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("scripts/local-chromium.sh not found above " + Path.of("").toAbsolutePath());
    }
}
