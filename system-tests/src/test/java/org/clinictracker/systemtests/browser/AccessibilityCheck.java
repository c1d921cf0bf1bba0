package org.clinictracker.systemtests.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.openqa.selenium.WebDriver;

import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * axe-core (the copy bundled in Deque's axe-core Selenium library) on the page the browser shows: WCAG 2.1 A and AA
 * rules decide, best practices are reported only. Every page's full result goes to
 * {@code target/accessibility/<name>.json} for review; a serious or critical WCAG violation fails the test.
 */
final class AccessibilityCheck {

    /** WCAG 2.0 and 2.1, levels A and AA (axe's tag names), plus best practices, which only report. */
    static final List<String> TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice");
    private static final Set<String> DECIDING_TAGS = Set.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");
    private static final Set<String> FAILING_IMPACTS = Set.of("serious", "critical");
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    static final Path REPORTS = Path.of("target", "accessibility");

    private AccessibilityCheck() {
    }

    /** Runs axe, writes the report, and returns the violations that fail a test (empty when the page passes). */
    static List<Rule> failingViolations(WebDriver driver, String name) {
        Results results = new AxeBuilder().withTags(TAGS).analyze(driver);
        if (results.isErrored()) {
            throw new IllegalStateException("axe-core could not check " + name + ": " + results.getErrorMessage());
        }
        Path report = write(results, name);
        List<Rule> failing = results.getViolations().stream().filter(AccessibilityCheck::fails).toList();
        List<Rule> reportedOnly = results.getViolations().stream().filter(rule -> !fails(rule)).toList();
        if (!reportedOnly.isEmpty()) {
            System.out.printf("[axe] %s: %d violation(s) reported only (not serious/critical WCAG), see %s:%n%s%n",
                    name, reportedOnly.size(), report, describe(reportedOnly));
        }
        return failing;
    }

    static boolean fails(Rule rule) {
        return rule.getImpact() != null && FAILING_IMPACTS.contains(rule.getImpact())
                && rule.getTags() != null && rule.getTags().stream().anyMatch(DECIDING_TAGS::contains);
    }

    /** One line per rule (id, impact, help), then the offending nodes' CSS targets. */
    static String describe(List<Rule> rules) {
        return rules.stream().map(rule -> "- " + rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp()
                        + " " + rule.getHelpUrl() + "\n" + rule.getNodes().stream()
                        .map(node -> "    at " + target(node) + ": " + firstLine(node.getFailureSummary()))
                        .collect(Collectors.joining("\n")))
                .collect(Collectors.joining("\n"));
    }

    private static String target(CheckedNode node) {
        Object target = node.getTarget();
        return target instanceof List<?> selectors
                ? selectors.stream().map(String::valueOf).collect(Collectors.joining(" >> "))
                : String.valueOf(target);
    }

    private static String firstLine(String summary) {
        return summary == null ? "" : summary.replace('\n', ' ');
    }

    private static Path write(Results results, String name) {
        try {
            Path report = Files.createDirectories(REPORTS.toAbsolutePath()).resolve(name + ".json");
            JSON.writeValue(report.toFile(), results);
            return report;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
