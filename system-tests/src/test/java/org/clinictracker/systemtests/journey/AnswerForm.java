package org.clinictracker.systemtests.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The questions page's form as a browser without JavaScript would send it: where it posts, its hidden fields (the
 * link's token) as the page wrote them, and the names and values the page offers, so that a test answers only
 * with choices the page really has (a field the page does not offer fails the test, not the clinic).
 */
final class AnswerForm {

    private static final Pattern FORM = Pattern.compile("<form\\b([^>]*)>(.*?)</form>", Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
    private static final Pattern INPUT = Pattern.compile("<(input|textarea|select)\\b([^>]*)>", Pattern.CASE_INSENSITIVE);
    private static final Pattern SELECT = Pattern.compile("<select\\b([^>]*)>(.*?)</select>", Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
    private static final Pattern OPTION = Pattern.compile("<option\\b([^>]*)>", Pattern.CASE_INSENSITIVE);

    final String action;
    final Map<String, String> hidden;
    /** Every field name the form has, with the values offered where the page fixes them (radios, checkboxes, options). */
    final Map<String, Set<String>> offered;

    private AnswerForm(String action, Map<String, String> hidden, Map<String, Set<String>> offered) {
        this.action = action;
        this.hidden = hidden;
        this.offered = offered;
    }

    /** The page's form that posts (the questions); fails when the page has none. */
    static AnswerForm on(String page) {
        Matcher form = FORM.matcher(page);
        while (form.find()) {
            String attributes = form.group(1);
            if (!"post".equalsIgnoreCase(attribute(attributes, "method"))) {
                continue;
            }
            Map<String, String> hidden = new LinkedHashMap<>();
            Map<String, Set<String>> offered = new LinkedHashMap<>();
            Matcher input = INPUT.matcher(form.group(2));
            while (input.find()) {
                String name = attribute(input.group(2), "name");
                if (name == null) {
                    continue;
                }
                String type = attribute(input.group(2), "type");
                Set<String> values = offered.computeIfAbsent(name, any -> new LinkedHashSet<>());
                if ("hidden".equalsIgnoreCase(type)) {
                    hidden.put(name, unescape(attribute(input.group(2), "value")));
                } else if ("radio".equalsIgnoreCase(type) || "checkbox".equalsIgnoreCase(type)) {
                    values.add(unescape(attribute(input.group(2), "value")));
                }
            }
            Matcher select = SELECT.matcher(form.group(2));
            while (select.find()) {
                String name = attribute(select.group(1), "name");
                Matcher option = OPTION.matcher(select.group(2));
                while (name != null && option.find()) {
                    offered.get(name).add(unescape(attribute(option.group(1), "value")));
                }
            }
            String action = attribute(attributes, "action");
            return new AnswerForm(action == null || action.isEmpty() ? "/answer" : unescape(action), hidden, offered);
        }
        throw new AssertionError("No form that posts on the page:\n" + page);
    }

    /** The hidden fields, then {@code answers} (name, value; a name may repeat), each checked against the page. */
    List<Map.Entry<String, String>> fill(List<Map.Entry<String, String>> answers) {
        List<Map.Entry<String, String>> fields = new ArrayList<>(hidden.entrySet());
        for (Map.Entry<String, String> answer : answers) {
            assertThat(offered).as("the page's form fields").containsKey(answer.getKey());
            Set<String> values = offered.get(answer.getKey());
            if (!values.isEmpty()) {
                assertThat(values).as("the choices of %s", answer.getKey()).contains(answer.getValue());
            }
            fields.add(answer);
        }
        return fields;
    }

    /** The hidden fields and {@code fields} as given, unchecked: what a hostile client sends. */
    List<Map.Entry<String, String>> forge(List<Map.Entry<String, String>> fields) {
        List<Map.Entry<String, String>> all = new ArrayList<>(hidden.entrySet());
        all.addAll(fields);
        return all;
    }

    private static String attribute(String attributes, String name) {
        Matcher matcher = Pattern.compile("(?:^|\\s)" + name + "\\s*=\\s*(\"([^\"]*)\"|'([^']*)'|([^\\s>]+))",
                Pattern.CASE_INSENSITIVE).matcher(attributes);
        if (!matcher.find()) {
            return null;
        }
        return matcher.group(2) != null ? matcher.group(2) : matcher.group(3) != null ? matcher.group(3) : matcher.group(4);
    }

    private static String unescape(String value) {
        return value == null ? "" : value.replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<")
                .replace("&gt;", ">").replace("&amp;", "&");
    }
}
