package org.clinictracker.followups.report;

/**
 * The windows the report looks at: month m is days [30m − 30, 30m + 30] after the procedure (30-day months, as the
 * protocols count them), so MONTH_3 = days 60–120, MONTH_6 = 150–210, MONTH_12 = 330–390. They do not overlap, and
 * each is wider than the protocol visit's own ±14 days so that a visit documented late still counts.
 */
public enum ReportWindow {

    MONTH_3(3),
    MONTH_6(6),
    MONTH_12(12);

    private final int month;

    ReportWindow(int month) {
        this.month = month;
    }

    public int month() {
        return month;
    }

    /** The first day after the procedure that counts for this window. */
    public int firstDay() {
        return 30 * month - 30;
    }

    /** The last day after the procedure that counts for this window. */
    public int lastDay() {
        return 30 * month + 30;
    }
}
