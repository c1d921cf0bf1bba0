package org.clinictracker.systemtests.journey;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.clinictracker.systemtests.journey.OtherAddress.Answer;

/**
 * A patient's phone on the public answer page, without a browser: plain HTTP through the gateway from an address of
 * its own ({@link OtherAddress}: the gateway limits the page per address, and every patient has hers), with no
 * session cookie and no token (the link's token is the only credential), following no redirect, posting as a form
 * without JavaScript does ({@code application/x-www-form-urlencoded}).
 */
final class PatientPhone {

    private final OtherAddress network;

    PatientPhone(String gatewayUrl) {
        this.network = OtherAddress.fresh(gatewayUrl);
    }

    /**
     * Opens a link as received (an absolute URL on the gateway) or a path and query on the gateway, as the phone's
     * browser navigates to it ({@code Sec-Fetch-Mode: navigate}: a person opened it, not a mail scanner).
     */
    Answer open(String linkOrPath) {
        String target = linkOrPath;
        if (linkOrPath.startsWith("http")) {
            URI link = URI.create(linkOrPath);
            target = link.getRawPath() + (link.getRawQuery() == null ? "" : "?" + link.getRawQuery());
        }
        return network.get(target, "text/html", Map.of("Sec-Fetch-Mode", "navigate", "Sec-Fetch-Dest", "document"));
    }

    /** Posts the form's fields (a name may repeat, as checkboxes do) to {@code path} on the gateway, with no Origin. */
    Answer post(String path, List<Map.Entry<String, String>> fields) {
        return network.post(path, "text/html", "application/x-www-form-urlencoded", form(fields));
    }

    /**
     * The same as a browser submits the page's form: the page is sent with {@code Referrer-Policy: no-referrer},
     * under which browsers send {@code Origin: null} with a form's POST (Fetch standard, "serializing a request
     * origin"; Chromium does).
     */
    Answer postAsBrowser(String path, List<Map.Entry<String, String>> fields) {
        return network.post(path, "text/html", "application/x-www-form-urlencoded", form(fields), Map.of("Origin", "null"));
    }

    private static String form(List<Map.Entry<String, String>> fields) {
        return fields.stream()
                .map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
                .collect(Collectors.joining("&"));
    }

    /** A JSON call to the public API on the gateway (what a kiosk app would send). */
    Answer postJson(String path, String json) {
        return network.post(path, "application/json", "application/json", json);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
