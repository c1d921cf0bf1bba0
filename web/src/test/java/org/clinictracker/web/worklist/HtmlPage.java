package org.clinictracker.web.worklist;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import org.attoparser.ParseException;
import org.attoparser.config.ParseConfiguration;
import org.attoparser.dom.DOMMarkupParser;
import org.attoparser.dom.Element;
import org.attoparser.dom.INestableNode;
import org.attoparser.dom.INode;
import org.attoparser.dom.Text;
import org.unbescape.html.HtmlEscape;

/**
 * A rendered page or fragment, read as a browser would (HTML, not XML: MockMvc's xpath() cannot read
 * {@code <script defer>}), with Thymeleaf's own lenient parser (attoparser) from the test class path. Enough to
 * find elements by id, tag and attribute and read their text and attributes.
 */
public final class HtmlPage {

    private final INestableNode root;

    private HtmlPage(INestableNode root) {
        this.root = root;
    }

    public static HtmlPage parse(String html) {
        try {
            return new HtmlPage(new DOMMarkupParser(ParseConfiguration.htmlConfiguration()).parse(html));
        } catch (ParseException unreadable) {
            throw new AssertionError("not readable as HTML: " + unreadable.getMessage(), unreadable);
        }
    }

    /** The element with this id; fails the test if there is none. */
    public Node byId(String id) {
        return find(element -> id.equals(element.getAttributeValue("id"))).stream().findFirst()
                .orElseThrow(() -> new AssertionError("no element with id " + id));
    }

    public Optional<Node> maybeById(String id) {
        return find(element -> id.equals(element.getAttributeValue("id"))).stream().findFirst();
    }

    /** Every element named {@code tag} (in document order). */
    public List<Node> all(String tag) {
        return find(element -> element.elementNameMatches(tag));
    }

    /** Every {@code tag} element whose attribute {@code name} is {@code value}. */
    public List<Node> all(String tag, String name, String value) {
        return find(element -> element.elementNameMatches(tag) && value.equals(element.getAttributeValue(name)));
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

        List<Node> find(Predicate<Element> matching) {
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
