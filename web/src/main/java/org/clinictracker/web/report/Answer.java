package org.clinictracker.web.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reading the report's JSON as the web app gets it (maps, lists, numbers of whatever width Jackson chose) without
 * trusting any part to be there: a member the API left out (null) reads as "nothing", never as an error.
 */
final class Answer {

    private Answer() {
    }

    static Map<?, ?> map(Object value) {
        return value instanceof Map<?, ?> map ? map : Map.of();
    }

    static Map<?, ?> map(Map<?, ?> parent, String member) {
        return map(parent.get(member));
    }

    static List<Map<?, ?>> maps(Object value) {
        List<Map<?, ?>> maps = new ArrayList<>();
        if (value instanceof List<?> list) {
            list.stream().filter(Map.class::isInstance).map(item -> (Map<?, ?>) item).forEach(maps::add);
        }
        return maps;
    }

    static List<Map<?, ?>> maps(Map<?, ?> parent, String member) {
        return maps(parent.get(member));
    }

    /** A finite number, or null (absent, not a number, NaN or infinite). */
    static Double number(Map<?, ?> parent, String member) {
        Object value = parent.get(member);
        if (value instanceof Number number && Double.isFinite(number.doubleValue())) {
            return number.doubleValue();
        }
        return null;
    }

    static int count(Map<?, ?> parent, String member) {
        Double value = number(parent, member);
        return value == null ? 0 : value.intValue();
    }

    static String text(Map<?, ?> parent, String member) {
        Object value = parent.get(member);
        return value == null ? null : String.valueOf(value);
    }

    static boolean isTrue(Map<?, ?> parent, String member) {
        return Boolean.TRUE.equals(parent.get(member)) || "true".equals(parent.get(member));
    }
}
