package org.clinictracker.systemtests.browser;

import java.util.function.Supplier;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * For a test class that keeps one browser for all its tests: a failed test leaves a screenshot of what the browser
 * showed, {@code target/screenshots/failed-<class>-<test>.png}.
 * <pre>
 * private static ClinicBrowser browser;
 * &#64;RegisterExtension
 * static ScreenshotOnFailure screenshots = new ScreenshotOnFailure(() -> browser);
 * </pre>
 */
public final class ScreenshotOnFailure implements TestWatcher {

    private final Supplier<ClinicBrowser> browser;

    public ScreenshotOnFailure(Supplier<ClinicBrowser> browser) {
        this.browser = browser;
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        ClinicBrowser shown = browser.get();
        if (shown == null) {
            return;
        }
        String name = "failed-" + context.getRequiredTestClass().getSimpleName() + "-"
                + context.getDisplayName().replaceAll("[^A-Za-z0-9_]+", "-");
        try {
            System.out.println("[browser] " + context.getDisplayName() + " failed; the browser showed: " + shown.screenshot(name));
        } catch (RuntimeException e) {
            System.out.println("[browser] no screenshot of the failed " + context.getDisplayName() + ": " + e.getMessage());
        }
    }
}
