package org.clinictracker.testsupport;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Request bodies a broken or hostile client sends, made from a valid body of the call under test by
 * replacing one value (found anywhere in it, however nested) or the whole body. {@link #refusable}
 * bodies no service may accept; {@link #odd} bodies hold strange but possible values that a service
 * may accept, as long as it stores them unchanged. Everything is written as JSON text by
 * {@link #write}, which escapes every non-ASCII character, so a lone surrogate reaches the server as
 * the {@code \\uD800} a client can send.
 */
public final class HostileJson {

    /** A mutated body: which path was replaced ({@code ""} for the whole body), by what, as JSON text. */
    public record Mutation(String path, Object value, String json) {

        @Override
        public String toString() {
            String shown = write(value);
            return (path.isEmpty() ? "<body>" : path) + " = "
                    + (shown.length() > 120 ? shown.substring(0, 120) + "... (" + shown.length() + " chars)" : shown);
        }
    }

    /** JSON text written as it is: number literals no Java type holds, broken documents. */
    public record Raw(String json) {
    }

    private HostileJson() {
    }

    /** Bodies with one value of the wrong JSON type or text that cannot be stored: always a 4xx. */
    public static Arbitrary<Mutation> refusable(Map<String, Object> valid) {
        List<Arbitrary<Mutation>> choices = new ArrayList<>();
        for (Map.Entry<String, Object> leaf : paths(valid).entrySet()) {
            Arbitrary<Object> hostile = leaf.getValue() instanceof String
                    ? Arbitraries.oneOf(unstorableText(), wrongTypeFor(leaf.getValue()))
                    : wrongTypeFor(leaf.getValue());
            choices.add(hostile.map(value -> replaced(valid, leaf.getKey(), value)));
        }
        choices.add(wholeBodyJunk().map(junk -> new Mutation("", junk, write(junk))));
        return Arbitraries.oneOf(choices);
    }

    /** Bodies with one text or number replaced by an odd but possible one: never a 5xx. */
    public static Arbitrary<Mutation> odd(Map<String, Object> valid) {
        List<Arbitrary<Mutation>> choices = new ArrayList<>();
        for (Map.Entry<String, Object> leaf : paths(valid).entrySet()) {
            if (leaf.getValue() instanceof String) {
                choices.add(oddText().map(value -> replaced(valid, leaf.getKey(), value)));
            } else if (leaf.getValue() instanceof Number) {
                choices.add(oddNumber().map(value -> replaced(valid, leaf.getKey(), value)));
            }
        }
        return Arbitraries.oneOf(choices);
    }

    /** Text PostgreSQL cannot store or that hides characters: NUL, controls, broken surrogates, non-characters. */
    public static Arbitrary<Object> unstorableText() {
        Arbitrary<String> bad = Arbitraries.oneOf(
                Arbitraries.of("\u0000", "\u0001", "\u0007", "\u0008", "\u000B", "\u000C", "\u001B", "\u001F",
                        "\u007F", "\u0085", "\u009F", "\uD800", "\uDBFF", "\uDC00", "\uDFFF", "\uDC00\uD800",
                        "\uFFFE", "\uFFFF", "\uFDD0", "\uD83F\uDFFF"),
                Arbitraries.chars().range('\u0000', '\u001F').filter(c -> c != '\t' && c != '\n' && c != '\r')
                        .map(String::valueOf),
                Arbitraries.chars().range('\u0080', '\u009F').map(String::valueOf),
                Arbitraries.chars().range('\uD800', '\uDFFF').map(String::valueOf));
        Arbitrary<String> around = Arbitraries.oneOf(
                Arbitraries.strings().alpha().ofMaxLength(30),
                Arbitraries.strings().alpha().ofMinLength(1_000).ofMaxLength(20_000));
        return Combinators.combine(around, bad, around).as((before, character, after) -> before + character + after);
    }

    /** Strange but storable text: ligatures, stacked accents, other scripts, emoji, invisible joiners. */
    public static Arbitrary<Object> oddText() {
        Arbitrary<String> piece = Arbitraries.oneOf(
                Arbitraries.of("\uFB03", "\uFB00", "\u00DF", "\u1E9E", "\u00C6", "\u0132", "\uFDFA", "\u3392",
                        "e\u0301\u0302\u0303\u0304", "\u05E9\u05DC\u05D5\u05DD", "\u0645\u062D\u0645\u062F",
                        "\u674E", "\uD83D\uDE00", "\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67", "\u200B",
                        "\u200E", "\u00A0", " ", "'", "-", "O'Brien", "N\u00FA\u00F1ez", "0", "\u0661\u0662"),
                Arbitraries.strings().withCharRange('\u0020', '\u007E').ofMaxLength(10),
                Arbitraries.strings().withCharRange('\u00A0', '\uD7FF').ofMaxLength(5));
        return piece.list().ofMinSize(1).ofMaxSize(150).map(pieces -> String.join("", pieces));
    }

    /** Numbers at the edges: fractions, signs, zero, and magnitudes no column holds. */
    public static Arbitrary<Object> oddNumber() {
        return Arbitraries.oneOf(
                Arbitraries.integers().between(-1_000_000, 1_000_000).map(Object.class::cast),
                Arbitraries.bigDecimals().between(new BigDecimal("-100000"), new BigDecimal("100000")).ofScale(4)
                        .map(Object.class::cast),
                Arbitraries.of(new Raw("-0"), new Raw("0.0"), new Raw("1e400"), new Raw("-1e400"),
                        new Raw("1e-400"), new Raw("1E+2147483647"), new Raw("9223372036854775808"),
                        new Raw("123456789012345678901234567890"), new Raw("2147483648"), new Raw("-2147483649"),
                        new Raw("1" + "0".repeat(900)), new Raw("0." + "0".repeat(900) + "1")));
    }

    /** Values whose JSON type differs from {@code valid}'s, so no field of that kind may take them. */
    private static Arbitrary<Object> wrongTypeFor(Object valid) {
        List<Arbitrary<Object>> wrong = new ArrayList<>();
        if (!(valid instanceof Number)) {
            wrong.add(Arbitraries.of(0, 1, -1, 7, new BigDecimal("7.5"), new BigDecimal("0.001"),
                    new Raw("1e400"), new Raw("123456789012345678901234567890")));
        }
        if (!(valid instanceof Boolean)) {
            wrong.add(Arbitraries.of(true, false));
        }
        if (!(valid instanceof String)) {
            wrong.add(Arbitraries.of("", "true", "1", "7", "yes", "null", "-88"));
        }
        if (!(valid instanceof List)) {
            wrong.add(Arbitraries.of(List.of(), List.of("x"), List.of(1, 2)).map(Object.class::cast));
        }
        if (!(valid instanceof Map)) {
            wrong.add(Arbitraries.of(Map.of(), Map.of("value", "x")).map(Object.class::cast));
        }
        wrong.add(nestedJunk(valid instanceof List ? "object" : "array"));
        return Arbitraries.oneOf(wrong);
    }

    /** Arrays (or objects) nested up to 100 deep, for a value that is neither. */
    private static Arbitrary<Object> nestedJunk(String shape) {
        return Arbitraries.integers().between(2, 100).map(depth -> {
            Object junk = "x";
            for (int i = 0; i < depth; i++) {
                junk = shape.equals("array") ? List.of(junk) : Map.of("k", junk);
            }
            return junk;
        });
    }

    /** Not a JSON object at all, or no JSON: the whole body replaced. */
    private static Arbitrary<Object> wholeBodyJunk() {
        return Arbitraries.of(new Raw(""), new Raw("null"), new Raw("[]"), new Raw("\"text\""), new Raw("42"),
                new Raw("{"), new Raw("{\"a\":1,}"), new Raw("{\"a\" 1}"), new Raw("{}{}"), new Raw("[" .repeat(5_000)),
                new Raw("[".repeat(2_000) + "]".repeat(2_000)), new Raw("{\"a\":\"\\uZZZZ\"}"), new Raw("\u0000"),
                new Raw("{\"a\":NaN}"), new Raw("{'a':'single quotes'}"), new Raw("{\"a\":1} trailing"));
    }

    private static Mutation replaced(Map<String, Object> valid, String path, Object value) {
        return new Mutation(path, value, write(replace(valid, path.split("\\."), 0, value)));
    }

    /** A copy of {@code node} with the value at {@code path} (keys, and list indexes as numbers) replaced. */
    @SuppressWarnings("unchecked")
    private static Object replace(Object node, String[] path, int at, Object value) {
        if (at == path.length) {
            return value;
        }
        if (node instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>((Map<String, Object>) map);
            copy.put(path[at], replace(map.get(path[at]), path, at + 1, value));
            return copy;
        }
        List<Object> copy = new ArrayList<>((List<Object>) node);
        int index = Integer.parseInt(path[at]);
        copy.set(index, replace(copy.get(index), path, at + 1, value));
        return copy;
    }

    /** Every value in {@code body} by its path ({@code targets.0.nerve}), objects and lists included. */
    public static Map<String, Object> paths(Map<String, Object> body) {
        Map<String, Object> paths = new LinkedHashMap<>();
        collect(body, "", paths);
        return paths;
    }

    private static void collect(Object node, String path, Map<String, Object> paths) {
        if (node == null) {
            return;
        }
        if (!path.isEmpty()) {
            paths.put(path, node);
        }
        if (node instanceof Map<?, ?> map) {
            map.forEach((key, value) -> collect(value, path.isEmpty() ? key.toString() : path + "." + key, paths));
        } else if (node instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                collect(list.get(i), path + "." + i, paths);
            }
        }
    }

    /** JSON text with every character outside printable ASCII escaped, lone surrogates included. */
    public static String write(Object value) {
        StringBuilder json = new StringBuilder();
        write(value, json);
        return json.toString();
    }

    private static void write(Object value, StringBuilder json) {
        if (value == null) {
            json.append("null");
        } else if (value instanceof Raw raw) {
            json.append(raw.json());
        } else if (value instanceof CharSequence text) {
            json.append('"');
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '"' || c == '\\') {
                    json.append('\\').append(c);
                } else if (c < 0x20 || c > 0x7E) {
                    json.append(String.format("\\u%04X", (int) c));
                } else {
                    json.append(c);
                }
            }
            json.append('"');
        } else if (value instanceof BigDecimal decimal) {
            json.append(decimal.toPlainString());
        } else if (value instanceof Number || value instanceof Boolean) {
            json.append(value);
        } else if (value instanceof Map<?, ?> map) {
            json.append('{');
            String separator = "";
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                json.append(separator);
                write(String.valueOf(entry.getKey()), json);
                json.append(':');
                write(entry.getValue(), json);
                separator = ",";
            }
            json.append('}');
        } else if (value instanceof List<?> list) {
            json.append('[');
            for (int i = 0; i < list.size(); i++) {
                json.append(i == 0 ? "" : ",");
                write(list.get(i), json);
            }
            json.append(']');
        } else {
            write(value.toString(), json); // UUIDs, dates, enums: as clients send them
        }
    }
}
