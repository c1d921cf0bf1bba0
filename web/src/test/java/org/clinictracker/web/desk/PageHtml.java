package org.clinictracker.web.desk;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.test.web.servlet.MvcResult;

/**
 * A rendered page read the way the tests need it, without an HTML parser on the classpath (the pages are HTML5,
 * not XML, so MockMvc's xpath cannot read them): start tags found by an attribute, an element's text by id.
 */
record PageHtml(String html) {

    static PageHtml of(MvcResult result) throws Exception {
        return new PageHtml(result.getResponse().getContentAsString());
    }

    /** Every start tag carrying {@code attribute="value"} (attributes as Thymeleaf wrote them, double-quoted). */
    List<String> tagsWith(String attribute, String value) {
        Pattern tag = Pattern.compile("<[a-zA-Z][^>]*\\s" + Pattern.quote(attribute) + "=\"" + Pattern.quote(value) + "\"[^>]*>");
        Matcher matcher = tag.matcher(html);
        List<String> tags = new ArrayList<>();
        while (matcher.find()) {
            tags.add(matcher.group());
        }
        return tags;
    }

    /** The start tag of the element with this id ("" when there is none). */
    String tag(String id) {
        List<String> tags = tagsWith("id", id);
        return tags.isEmpty() ? "" : tags.get(0);
    }

    /** An attribute of the element with this id, or null. */
    String attribute(String id, String attribute) {
        Matcher matcher = Pattern.compile("\\s" + Pattern.quote(attribute) + "=\"([^\"]*)\"").matcher(tag(id));
        return matcher.find() ? unescape(matcher.group(1)) : null;
    }

    /** The text inside the element with this id (tags stripped, whitespace collapsed), or null. */
    String text(String id) {
        Matcher matcher = Pattern.compile("<([a-zA-Z0-9]+)[^>]*\\sid=\"" + Pattern.quote(id) + "\"[^>]*>(.*?)</\\1>",
                Pattern.DOTALL).matcher(html);
        return matcher.find() ? unescape(matcher.group(2).replaceAll("<[^>]*>", "").replaceAll("\\s+", " ").trim()) : null;
    }

    private static String unescape(String text) {
        return text.replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&amp;", "&");
    }
}
