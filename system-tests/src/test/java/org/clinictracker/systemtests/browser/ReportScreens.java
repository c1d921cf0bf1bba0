package org.clinictracker.systemtests.browser;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The outcome reports screen ({@code /reports}), as the clinic admin (or a coordinator, a proceduralist) uses it:
 * opened from the main navigation, narrowed with the filter form, read as a table beside the published figures and
 * as two charts. Each method waits until the page shows what it returns.
 */
public final class ReportScreens {

    private final ClinicBrowser browser;

    public ReportScreens(ClinicBrowser browser) {
        this.browser = browser;
    }

    /** "Reports" in the main navigation; returns the page's heading. */
    public String openFromTheNavigation() {
        browser.waitFor(By.cssSelector("nav[aria-label='Main'] a[href='/reports']")).click();
        return browser.waitFor(By.id("report-filters")).findElement(By.xpath("//h1")).getText();
    }

    /**
     * The filter form filled as a person does (modality, indication, performed from–to as ISO days; null leaves a
     * filter alone) and "Show the report"; returns the address the report now has (a link to share).
     */
    public String showReport(String modality, String indication, String from, String to) {
        if (modality != null) {
            new Select(browser.waitFor(By.id("modality"))).selectByValue(modality);
        }
        if (indication != null) {
            new Select(browser.waitFor(By.id("indication"))).selectByValue(indication);
        }
        typeDay("from", from);
        typeDay("to", to);
        browser.waitFor(By.cssSelector("#report-filters button[type='submit']")).click();
        new WebDriverWait(browser.driver(), ClinicBrowser.WAIT)
                .until(driver -> browser.currentPath().startsWith("/reports?"));
        browser.waitFor(By.id("report-filters"));
        return browser.currentPath();
    }

    /** The figures of one group's table ({@code group-all-all} is the whole scope): figure → its cells' text. */
    public Map<String, List<String>> groupFigures(String groupId) {
        WebElement table = browser.waitFor(By.id(groupId));
        Map<String, List<String>> figures = new LinkedHashMap<>();
        for (WebElement row : table.findElements(By.cssSelector("tbody tr"))) {
            figures.put(row.findElement(By.tagName("th")).getText(),
                    row.findElements(By.tagName("td")).stream().map(WebElement::getText).toList());
        }
        return figures;
    }

    /** Waits until both charts are drawn; returns how many points each has (relief curves, pain over time). */
    public List<Integer> chartsDrawn() {
        return List.of(browser.waitForChart(By.id("relief-duration-chart")),
                browser.waitForChart(By.id("pain-over-time-chart")));
    }

    /** The "Download CSV" link fetched as the browser would: its status, type and Content-Disposition. */
    public String downloadCsvHeaders() {
        String href = browser.waitFor(By.id("download-csv")).getDomAttribute("href");
        Object answer = browser.driver().executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + " fetch(arguments[0], {credentials: 'same-origin'})"
                        + " .then(r => r.text().then(body => done(r.status + ' ' + r.headers.get('content-type') + ' '"
                        + " + r.headers.get('content-disposition') + '\\n' + body.split('\\n')[0])))"
                        + " .catch(e => done('failed ' + e));",
                href);
        return String.valueOf(answer);
    }

    private void typeDay(String id, String day) {
        if (day == null) {
            return;
        }
        WebElement input = browser.waitFor(By.id(id));
        // a date input takes the day as the browser's locale shows it; set its value as a script would instead
        browser.script("arguments[0].value = arguments[1];", input, day);
    }
}
