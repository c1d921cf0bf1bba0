package org.clinictracker.patients.patient;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The clinic's medical record number: a prefix, a sequential number of at least six digits and a
 * Luhn check digit, e.g. {@code CT-000042-2}. The check digit catches most single-digit typos and
 * swapped neighbours when a clerk reads a number over the phone.
 */
public final class Mrn {

    private static final Pattern PREFIX = Pattern.compile("[A-Z]{1,5}");
    private static final Pattern FORMAT = Pattern.compile("([A-Z]{1,5})-(\\d{6,})-(\\d)");

    private Mrn() {
    }

    /** Refuses a prefix that {@link #canonical} would not recognise, so no MRN is issued that cannot be found again. */
    public static String requireValidPrefix(String prefix) {
        if (prefix == null || !PREFIX.matcher(prefix).matches()) {
            throw new IllegalArgumentException("An MRN prefix is 1 to 5 capital letters, got '" + prefix + "'");
        }
        return prefix;
    }

    public static String format(String prefix, long sequenceNumber) {
        requireValidPrefix(prefix);
        if (sequenceNumber < 1) {
            throw new IllegalArgumentException("MRN numbers start at 1, got " + sequenceNumber);
        }
        String digits = String.format(Locale.ROOT, "%06d", sequenceNumber);
        return prefix + "-" + digits + "-" + luhnCheckDigit(digits);
    }

    /** The MRN as the clinic writes it, or {@code null} if it is not a well-formed MRN with a correct check digit. */
    public static String canonical(String candidate) {
        if (candidate == null) {
            return null;
        }
        String upper = candidate.trim().toUpperCase(Locale.ROOT);
        var matcher = FORMAT.matcher(upper);
        if (!matcher.matches()) {
            return null;
        }
        int check = matcher.group(3).charAt(0) - '0';
        return luhnCheckDigit(matcher.group(2)) == check ? upper : null;
    }

    static int luhnCheckDigit(String digits) {
        int sum = 0;
        boolean doubleIt = true;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int digit = digits.charAt(i) - '0';
            if (doubleIt) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
            doubleIt = !doubleIt;
        }
        return (10 - sum % 10) % 10;
    }
}
