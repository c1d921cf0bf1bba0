package org.clinictracker.systemtests.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.openqa.selenium.Dimension;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Starts Debian's Chromium, headless, through Debian's chromedriver named explicitly: with the driver's path given,
 * Selenium skips Selenium Manager (which would otherwise look up, and possibly download, a browser and a driver).
 * Each browser gets a fresh profile, so no cookie or Keycloak session leaks from one test class to the next.
 */
final class HeadlessChromium {

    /**
     * The screens the clinic's pages must read well on: staff use desktops and tablets; patients answer their
     * questions on a phone (390×844, a common one) down to the narrowest still sold (320 wide).
     */
    enum Screen {
        DESKTOP(1280, 800), TABLET(820, 1180), PHONE(390, 844), NARROW_PHONE(320, 640);

        final Dimension size;

        Screen(int width, int height) {
            this.size = new Dimension(width, height);
        }
    }

    /**
     * Selenium warns at every start that it has no DevTools classes for Debian's Chromium version; the browser tests
     * use none (screenshots go through chromedriver's plain CDP command), so the warning is noise. Held here: the
     * logging framework keeps loggers only weakly.
     */
    private static final Logger CDP_VERSION_FINDER = Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder");

    static {
        CDP_VERSION_FINDER.setLevel(Level.SEVERE);
    }

    private HeadlessChromium() {
    }

    static ChromeDriver start(Screen screen, Path profile, Path driverLog) {
        ChromiumInstall.ensureInstalled();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(ChromiumInstall.CHROMIUM.toFile());
        options.addArguments(
                "--headless=new",
                "--window-size=" + screen.size.getWidth() + "," + screen.size.getHeight(),
                "--lang=en",
                "--user-data-dir=" + profile,
                // /dev/shm is small in containers; Chromium falls back to /tmp
                "--disable-dev-shm-usage",
                // a test browser talks to the clinic only: no sync, component updates or other background traffic
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--no-default-browser-check", "--disable-extensions", "--disable-gpu",
                // screenshots show the page as a tablet would, without a desktop scrollbar taking 15 px of its width
                "--hide-scrollbars");
        if (runningAsRoot()) {
            // Chromium refuses to start its sandbox as root (CI containers); an ordinary user keeps the sandbox
            options.addArguments("--no-sandbox");
        }
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "en"));
        options.setExperimentalOption("excludeSwitches", List.of("enable-automation"));
        LoggingPreferences logging = new LoggingPreferences();
        logging.enable(LogType.BROWSER, Level.ALL); // console messages, CSP violations among them
        options.setCapability("goog:loggingPrefs", logging);

        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(ChromiumInstall.CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .withLogFile(driverLog.toFile())
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        fitViewport(driver, screen.size);
        return driver;
    }

    /** Sizes the window so that the page itself (the viewport) gets the screen's size, whatever the frame takes. */
    private static void fitViewport(ChromeDriver driver, Dimension viewport) {
        @SuppressWarnings("unchecked")
        List<Number> inner = (List<Number>) driver.executeScript("return [window.innerWidth, window.innerHeight]");
        Dimension window = driver.manage().window().getSize();
        driver.manage().window().setSize(new Dimension(window.getWidth() + viewport.getWidth() - inner.get(0).intValue(),
                window.getHeight() + viewport.getHeight() - inner.get(1).intValue()));
    }

    static Path freshProfile() {
        try {
            Path browsers = Files.createDirectories(Path.of("target", "browser-profiles").toAbsolutePath());
            return Files.createTempDirectory(browsers, "chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean runningAsRoot() {
        return "root".equals(System.getProperty("user.name"));
    }
}
