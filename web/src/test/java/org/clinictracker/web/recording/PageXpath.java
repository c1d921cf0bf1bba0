package org.clinictracker.web.recording;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.test.util.XpathExpectationsHelper;
import org.springframework.test.web.servlet.ResultMatcher;

/**
 * XPath on a rendered page or htmx answer. HTML is not XML (void elements, attributes without a value), so the page's
 * {@code <main>} (or the whole htmx answer) is first written as XML: void elements closed, every attribute given a
 * value, all under one root. Only for tests: the markup is ours and well-formed apart from those HTML freedoms.
 */
final class PageXpath {

    private static final Pattern START_TAG = Pattern.compile(
            "<([a-zA-Z][a-zA-Z0-9-]*)((?:\\s+[^\\s=/>]+(?:\\s*=\\s*(?:\"[^\"]*\"|'[^']*'|[^\\s\"'>]+))?)*)\\s*(/?)>");
    private static final Pattern ATTRIBUTE = Pattern.compile(
            "\\s+([^\\s=/>]+)(?:\\s*=\\s*(\"[^\"]*\"|'[^']*'|[^\\s\"'>]+))?");
    private static final Set<String> VOID = Set.of("input", "link", "meta", "br", "hr", "img", "col", "source", "wbr");

    private final String expression;

    private PageXpath(String expression) {
        this.expression = expression;
    }

    static PageXpath html(String expression) {
        return new PageXpath(expression);
    }

    ResultMatcher string(String expected) {
        return result -> helper().assertString(xml(result.getResponse().getContentAsString()), "UTF-8", expected);
    }

    ResultMatcher string(org.hamcrest.Matcher<? super String> matcher) {
        return result -> helper().assertString(xml(result.getResponse().getContentAsString()), "UTF-8", matcher);
    }

    ResultMatcher exists() {
        return result -> helper().exists(xml(result.getResponse().getContentAsString()), "UTF-8");
    }

    ResultMatcher doesNotExist() {
        return result -> helper().doesNotExist(xml(result.getResponse().getContentAsString()), "UTF-8");
    }

    ResultMatcher nodeCount(int count) {
        return result -> helper().assertNodeCount(xml(result.getResponse().getContentAsString()), "UTF-8", count);
    }

    private XpathExpectationsHelper helper() throws Exception {
        return new XpathExpectationsHelper(expression, null);
    }

    static byte[] xml(String html) {
        int main = html.indexOf("<main");
        String part = main >= 0 ? html.substring(main, html.indexOf("</main>", main) + "</main>".length()) : html;
        Matcher tags = START_TAG.matcher(part.replace("&nbsp;", "&#160;"));
        StringBuilder xml = new StringBuilder("<root>");
        while (tags.find()) {
            String name = tags.group(1);
            StringBuilder tag = new StringBuilder("<").append(name);
            Matcher attributes = ATTRIBUTE.matcher(tags.group(2));
            while (attributes.find()) {
                String value = attributes.group(2);
                if (value == null) {
                    value = "\"\"";
                } else if (!value.startsWith("\"") && !value.startsWith("'")) {
                    value = "\"" + value + "\"";
                }
                tag.append(' ').append(attributes.group(1)).append('=').append(value);
            }
            tag.append(VOID.contains(name.toLowerCase()) || !tags.group(3).isEmpty() ? "/>" : ">");
            tags.appendReplacement(xml, Matcher.quoteReplacement(tag.toString()));
        }
        tags.appendTail(xml);
        return xml.append("</root>").toString().getBytes(StandardCharsets.UTF_8);
    }
}
