package org.clinictracker.web;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;

import org.attoparser.ParseException;
import org.attoparser.config.ParseConfiguration;
import org.attoparser.dom.DOMMarkupParser;
import org.attoparser.dom.Element;
import org.attoparser.dom.INestableNode;
import org.attoparser.dom.INode;
import org.attoparser.dom.Text;
import org.springframework.test.util.XpathExpectationsHelper;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultMatcher;
import org.unbescape.html.HtmlEscape;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * A rendered page or htmx fragment as the web tests read it (no HTML parser such as Jsoup on the class path, and
 * HTML is not XML, so MockMvc's own xpath() cannot read a page with {@code <script defer>} or {@code <input>}):
 * <ul>
 * <li>as a browser would, with Thymeleaf's lenient parser (attoparser): {@link #byId}, {@link #all}, {@link #first},
 * {@link #text()}, {@link #attribute};</li>
 * <li>by XPath over its {@code <main>} (or the whole fragment), first written the XML way under one root element
 * {@code <page>}: {@link #text(String)}, {@link #count}, {@link #has}, and {@link #html(String)} as a MockMvc
 * ResultMatcher;</li>
 * <li>as markup: {@link #markup()}, the start tags {@link #tagsWith} an attribute.</li>
 * </ul>
 */
public final class RenderedPage {

    private final String html;
    private final INestableNode root;
    private Document main;

    private RenderedPage(String html) {
        this.html = html;
        try {
            this.root = new DOMMarkupParser(ParseConfiguration.htmlConfiguration()).parse(html);
        } catch (ParseException unreadable) {
            throw new AssertionError("not readable as HTML: " + unreadable.getMessage(), unreadable);
        }
    }

    public static RenderedPage of(String html) {
        return new RenderedPage(html);
    }

    public static RenderedPage of(MvcResult result) throws Exception {
        return new RenderedPage(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    /** The answer's markup as the server wrote it (entities escaped). */
    public String markup() {
        return html;
    }

    // ---- as a browser reads it

    /** The element with this id; fails the test if there is none. */
    public Node byId(String id) {
        return maybeById(id).orElseThrow(() -> new AssertionError("no element with id " + id));
    }

    public Optional<Node> maybeById(String id) {
        return find(element -> id.equals(element.getAttributeValue("id"))).stream().findFirst();
    }

    /** An attribute of the element with this id, entities resolved; null when there is no such element or attribute. */
    public String attribute(String id, String name) {
        return maybeById(id).map(element -> element.attr(name)).orElse(null);
    }

    /** Every element named {@code tag} (in document order). */
    public List<Node> all(String tag) {
        return new Node(root).all(tag);
    }

    /** Every {@code tag} element whose attribute {@code name} is {@code value}. */
    public List<Node> all(String tag, String name, String value) {
        return new Node(root).all(tag, name, value);
    }

    public List<Node> find(Predicate<Element> matching) {
        return new Node(root).find(matching);
    }

    /** The first {@code tag} element; fails the test if there is none. */
    public Node first(String tag) {
        return new Node(root).first(tag);
    }

    public Node first(String tag, String name, String value) {
        return new Node(root).first(tag, name, value);
    }

    /** All the page's text, as a browser shows it. */
    public String text() {
        return new Node(root).text();
    }

    // ---- as markup

    /** Every start tag carrying {@code attribute="value"} (attributes as Thymeleaf wrote them, double-quoted). */
    public List<String> tagsWith(String attribute, String value) {
        Pattern tag = Pattern.compile("<[a-zA-Z][^>]*\\s" + Pattern.quote(attribute) + "=\"" + Pattern.quote(value) + "\"[^>]*>");
        Matcher matcher = tag.matcher(html);
        List<String> tags = new ArrayList<>();
        while (matcher.find()) {
            tags.add(matcher.group());
        }
        return tags;
    }

    /** The start tag of the element with this id ("" when there is none). */
    public String tag(String id) {
        List<String> tags = tagsWith("id", id);
        return tags.isEmpty() ? "" : tags.get(0);
    }

    // ---- by XPath over <page><main>…</main></page> (or <page>fragment</page>)

    /** The text of the first node the expression finds, whitespace collapsed ("" when none). */
    public String text(String xpath) {
        try {
            String text = (String) XPathFactory.newInstance().newXPath().evaluate(xpath, main(), XPathConstants.STRING);
            return text.replaceAll("\\s+", " ").trim();
        } catch (Exception wrong) {
            throw new AssertionError(wrong);
        }
    }

    public int count(String xpath) {
        try {
            return ((NodeList) XPathFactory.newInstance().newXPath().evaluate(xpath, main(), XPathConstants.NODESET))
                    .getLength();
        } catch (Exception wrong) {
            throw new AssertionError(wrong);
        }
    }

    public boolean has(String xpath) {
        return count(xpath) > 0;
    }

    /** An XPath expectation on a MockMvc answer's {@code <page><main>} (or fragment): {@code andExpect(html("//h1").string("…"))}. */
    public static Xpath html(String expression) {
        return new Xpath(expression);
    }

    private Document main() {
        if (main == null) {
            String xml = mainAsXml(html);
            try {
                DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
                factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
                main = factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
            } catch (Exception notXml) {
                throw new AssertionError("the page's part is not well-formed: " + notXml.getMessage() + "\n" + xml, notXml);
            }
        }
        return main;
    }

    /** The page's {@code <main>}, or the whole fragment, as XML under a {@code <page>} root. */
    static String mainAsXml(String html) {
        int start = html.indexOf("<main");
        int end = html.lastIndexOf("</main>");
        String part = start >= 0 && end > start ? html.substring(start, end + "</main>".length()) : html.trim();
        return "<page>" + asXml(part.replace("&nbsp;", "&#160;")) + "</page>";
    }

    private static final Set<String> VOID = Set.of("area", "br", "col", "embed", "hr", "img", "input", "link", "meta",
            "source", "track", "wbr");

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
            xml.append(closed || VOID.contains(name.toLowerCase(Locale.ROOT)) ? "/>" : ">");
            i = j;
        }
        return xml.toString();
    }

    /** An XPath expectation for {@code andExpect}, on the answer's {@code <page><main>} (or fragment). */
    public static final class Xpath {

        private final String expression;

        private Xpath(String expression) {
            this.expression = expression;
        }

        public ResultMatcher string(String expected) {
            return result -> helper().assertString(xml(result), "UTF-8", expected);
        }

        public ResultMatcher string(org.hamcrest.Matcher<? super String> matcher) {
            return result -> helper().assertString(xml(result), "UTF-8", matcher);
        }

        public ResultMatcher exists() {
            return result -> helper().exists(xml(result), "UTF-8");
        }

        public ResultMatcher doesNotExist() {
            return result -> helper().doesNotExist(xml(result), "UTF-8");
        }

        public ResultMatcher nodeCount(int count) {
            return result -> helper().assertNodeCount(xml(result), "UTF-8", count);
        }

        private XpathExpectationsHelper helper() throws Exception {
            return new XpathExpectationsHelper(expression, null);
        }

        private static byte[] xml(MvcResult result) throws Exception {
            return mainAsXml(result.getResponse().getContentAsString(StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
        }
    }

    /** One element of the page. */
    public static final class Node {
        private final INestableNode node;

        Node(INestableNode node) {
            this.node = node;
        }

        public String attr(String name) {
            if (node instanceof Element element) {
                String value = element.getAttributeValue(name);
                return value == null ? null : HtmlEscape.unescapeHtml(value);
            }
            return null;
        }

        public boolean has(String attribute) {
            return node instanceof Element element && element.hasAttribute(attribute);
        }

        /** The text inside, entities resolved and white space collapsed as a browser shows it. */
        public String text() {
            StringBuilder text = new StringBuilder();
            collectText(node, text);
            return HtmlEscape.unescapeHtml(text.toString()).replaceAll("\\s+", " ").trim();
        }

        public List<Node> all(String tag) {
            return find(element -> element.elementNameMatches(tag));
        }

        public List<Node> all(String tag, String name, String value) {
            return find(element -> element.elementNameMatches(tag) && value.equals(element.getAttributeValue(name)));
        }

        public Node first(String tag) {
            return all(tag).stream().findFirst().orElseThrow(() -> new AssertionError("no " + tag + " in " + text()));
        }

        public Node first(String tag, String name, String value) {
            return all(tag, name, value).stream().findFirst()
                    .orElseThrow(() -> new AssertionError("no " + tag + " with " + name + "=" + value));
        }

        public List<Node> find(Predicate<Element> matching) {
            List<Node> found = new ArrayList<>();
            collect(node, matching, found);
            return found;
        }

        private static void collect(INestableNode parent, Predicate<Element> matching, List<Node> found) {
            for (INode child : parent.getChildren()) {
                if (child instanceof Element element) {
                    if (matching.test(element)) {
                        found.add(new Node(element));
                    }
                    collect(element, matching, found);
                }
            }
        }

        private static void collectText(INestableNode parent, StringBuilder text) {
            for (INode child : parent.getChildren()) {
                if (child instanceof Text piece) {
                    text.append(piece.getContent());
                } else if (child instanceof INestableNode nested) {
                    text.append(' ');
                    collectText(nested, text);
                }
            }
        }
    }
}
