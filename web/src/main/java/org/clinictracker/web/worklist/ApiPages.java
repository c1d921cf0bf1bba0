package org.clinictracker.web.worklist;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The clinic's paged lists ({@code {"content": [...], "page": {...}}}) as the coordinator's screens read them. */
public final class ApiPages {

    private ApiPages() {
    }

    /** The rows of a page, each a copy a screen may add to (a patient's name read elsewhere). */
    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> rows(Map<String, Object> answer) {
        List<Map<String, Object>> rows = new ArrayList<>();
        if (answer != null && answer.get("content") instanceof List<?> content) {
            for (Object row : content) {
                if (row instanceof Map<?, ?> map) {
                    rows.add(new LinkedHashMap<>((Map<String, Object>) map));
                }
            }
        }
        return rows;
    }

    /** A page number from a link; anything that is not a small whole number opens the first page. */
    public static int number(String page) {
        try {
            return Math.max(0, Math.min(Integer.parseInt(page.trim()), 100_000));
        } catch (NumberFormatException notANumber) {
            return 0;
        }
    }
}
