package org.clinictracker.web.protocol;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The admin's edit of one modality's protocol: the version they started from (sent back as If-Match, so a
 * change made meanwhile is not overwritten unseen) and the visit rows as typed. {@code change} is the button
 * that sent the form: "add" a row, "remove-2" a row, or nothing to save.
 */
public class ProtocolForm {

    /** More rows than the API accepts (20) never reach it: the page stops offering "add". */
    static final int MAX_ROWS = 20;

    private Integer version;
    private List<VisitRow> visits = new ArrayList<>();
    private String change;

    public static ProtocolForm of(ProtocolView protocol) {
        ProtocolForm form = new ProtocolForm();
        form.version = protocol.version();
        protocol.visits().forEach(visit -> form.visits.add(new VisitRow(visit.label(),
                String.valueOf(visit.offsetDays()), String.valueOf(visit.windowBeforeDays()),
                String.valueOf(visit.windowAfterDays()))));
        return form;
    }

    /** The API's body: the rows the admin filled in (wholly empty rows are left out), labels as codes. */
    Map<String, Object> body() {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (VisitRow row : visits) {
            if (row == null || row.isEmpty()) {
                continue;
            }
            Map<String, Object> visit = new LinkedHashMap<>();
            visit.put("label", row.code());
            visit.put("offsetDays", row.offsetDaysValue());
            visit.put("windowBeforeDays", row.windowBeforeDaysValue());
            visit.put("windowAfterDays", row.windowAfterDaysValue());
            rows.add(visit);
        }
        return Map.of("visits", rows);
    }

    boolean adds() {
        return "add".equals(change);
    }

    /** The row a "remove-N" button names, or -1. */
    int removes() {
        if (change != null && change.matches("remove-\\d{1,2}")) {
            return Integer.parseInt(change.substring("remove-".length()));
        }
        return -1;
    }

    public Integer getVersion() {
        return version;
    }

    public void setVersion(Integer version) {
        this.version = version;
    }

    public List<VisitRow> getVisits() {
        return visits;
    }

    public void setVisits(List<VisitRow> visits) {
        this.visits = visits;
    }

    public String getChange() {
        return change;
    }

    public void setChange(String change) {
        this.change = change;
    }

    /**
     * One visit as typed. The numbers stay text until sent, so what the admin typed is shown again as it was;
     * the page says beside the field when one is no whole number.
     */
    public static class VisitRow {

        private String label;
        private String offsetDays;
        private String windowBeforeDays;
        private String windowAfterDays;

        public VisitRow() {
        }

        VisitRow(String label, String offsetDays, String windowBeforeDays, String windowAfterDays) {
            this.label = label;
            this.offsetDays = offsetDays;
            this.windowBeforeDays = windowBeforeDays;
            this.windowAfterDays = windowAfterDays;
        }

        boolean isEmpty() {
            return blank(label) && blank(offsetDays) && blank(windowBeforeDays) && blank(windowAfterDays);
        }

        /** "Month 3" or "month-3" as the API's code MONTH_3; anything else goes as typed for the API to judge. */
        String code() {
            return label == null ? null : label.strip().replaceAll("[\\s-]+", "_").toUpperCase(Locale.ROOT);
        }

        Integer offsetDaysValue() {
            return whole(offsetDays);
        }

        Integer windowBeforeDaysValue() {
            return whole(windowBeforeDays);
        }

        Integer windowAfterDaysValue() {
            return whole(windowAfterDays);
        }

        /** A whole number of days, null when empty; not a number at all is caught before it is sent. */
        static Integer whole(String text) {
            if (blank(text)) {
                return null;
            }
            try {
                return Integer.valueOf(text.strip());
            } catch (NumberFormatException notWhole) {
                return null;
            }
        }

        static boolean isWholeOrEmpty(String text) {
            return blank(text) || text.strip().matches("[+-]?\\d{1,6}");
        }

        private static boolean blank(String text) {
            return text == null || text.isBlank();
        }

        public String getLabel() {
            return label;
        }

        public void setLabel(String label) {
            this.label = label;
        }

        public String getOffsetDays() {
            return offsetDays;
        }

        public void setOffsetDays(String offsetDays) {
            this.offsetDays = offsetDays;
        }

        public String getWindowBeforeDays() {
            return windowBeforeDays;
        }

        public void setWindowBeforeDays(String windowBeforeDays) {
            this.windowBeforeDays = windowBeforeDays;
        }

        public String getWindowAfterDays() {
            return windowAfterDays;
        }

        public void setWindowAfterDays(String windowAfterDays) {
            this.windowAfterDays = windowAfterDays;
        }
    }
}
