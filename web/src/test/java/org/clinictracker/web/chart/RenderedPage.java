package org.clinictracker.web.chart;

import java.io.StringReader;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;

import org.w3c.dom.Document;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * XPath over what a page rendered: its {@code <main>}, or the whole answer when it is a fragment (a form sent back to
 * htmx). HTML is not XML (valueless attributes such as {@code data-mrn}, unclosed {@code <input>}), so the tags are
 * first written the XML way; text between tags is left as Thymeleaf escaped it.
 */
public final class RenderedPage {

    private final Document document;

    private RenderedPage(Document document) {
        this.document = document;
    }

    public static RenderedPage of(String html) {
        int start = html.indexOf("<main");
        int end = html.lastIndexOf("</main>");
        String part = asXml(start >= 0 && end > start ? html.substring(start, end + "</main>".length()) : html.trim());
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return new RenderedPage(factory.newDocumentBuilder().parse(new InputSource(new StringReader(part))));
        } catch (Exception notXml) {
            throw new AssertionError("the page's part is not well-formed: " + notXml.getMessage() + "\n" + part, notXml);
        }
    }

    private static final java.util.Set<String> VOID = java.util.Set.of("area", "br", "col", "embed", "hr", "img",
            "input", "link", "meta", "source", "track", "wbr");

    /** Every attribute given a value ({@code data-mrn} → {@code data-mrn=""}), every void element closed. */
    static String asXml(String html) {
        StringBuilder xml = new StringBuilder(html.length() + 64);
        int i = 0;
        while (i < html.length()) {
            char c = html.charAt(i);
            boolean startTag = c == '<' && i + 1 < html.length() && Character.isLetter(html.charAt(i + 1));
            if (!startTag) {
                xml.append(c);
                i++;
                continue;
            }
            int j = i + 1;
            while (j < html.length() && !Character.isWhitespace(html.charAt(j)) && html.charAt(j) != '>' && html.charAt(j) != '/') {
                j++;
            }
            String name = html.substring(i + 1, j);
            xml.append('<').append(name);
            boolean closed = false;
            while (j < html.length()) {
                char d = html.charAt(j);
                if (Character.isWhitespace(d)) {
                    j++;
                } else if (d == '/') {
                    closed = true;
                    j++;
                } else if (d == '>') {
                    j++;
                    break;
                } else {
                    int k = j;
                    while (k < html.length() && "=/> \t\n\r".indexOf(html.charAt(k)) < 0) {
                        k++;
                    }
                    String attribute = html.substring(j, k);
                    j = k;
                    while (j < html.length() && Character.isWhitespace(html.charAt(j))) {
                        j++;
                    }
                    if (j < html.length() && html.charAt(j) == '=') {
                        j++;
                        while (Character.isWhitespace(html.charAt(j))) {
                            j++;
                        }
                        char quote = html.charAt(j);
                        int valueEnd = quote == '"' || quote == '\'' ? html.indexOf(quote, j + 1) + 1 : j;
                        if (valueEnd == j) {
                            while (valueEnd < html.length() && "> \t\n\r".indexOf(html.charAt(valueEnd)) < 0) {
                                valueEnd++;
                            }
                            xml.append(' ').append(attribute).append("=\"").append(html, j, valueEnd).append('"');
                        } else {
                            xml.append(' ').append(attribute).append('=').append(html, j, valueEnd);
                        }
                        j = valueEnd;
                    } else {
                        xml.append(' ').append(attribute).append("=\"\"");
                    }
                }
            }
            xml.append(closed || VOID.contains(name.toLowerCase(java.util.Locale.ROOT)) ? "/>" : ">");
            i = j;
        }
        return xml.toString();
    }

    /** The text of the first node the expression finds, whitespace collapsed ("" when none). */
    public String text(String xpath) {
        try {
            String text = (String) XPathFactory.newInstance().newXPath().evaluate(xpath, document, XPathConstants.STRING);
            return text.replaceAll("\\s+", " ").trim();
        } catch (Exception wrong) {
            throw new AssertionError(wrong);
        }
    }

    public int count(String xpath) {
        try {
            return ((NodeList) XPathFactory.newInstance().newXPath().evaluate(xpath, document, XPathConstants.NODESET))
                    .getLength();
        } catch (Exception wrong) {
            throw new AssertionError(wrong);
        }
    }

    public boolean has(String xpath) {
        return count(xpath) > 0;
    }
}
