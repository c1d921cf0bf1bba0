package org.clinictracker.platform.requestid;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.MDC;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every request an id (the gateway's {@code X-Request-Id} when it sent a sane one), puts it in
 * the logging context and the response, so a clinician's complaint, a log line and an audit entry
 * can be matched. The sanity rule is {@link RequestIds}', shared with the gateway.
 */
public class RequestIdFilter extends OncePerRequestFilter {

    public static final String HEADER = RequestIds.HEADER;
    public static final String MDC_KEY = RequestIds.MDC_KEY;

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String requestId = RequestIds.acceptOrCreate(request.getHeader(HEADER));
        MDC.put(MDC_KEY, requestId);
        response.setHeader(HEADER, requestId);
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove(MDC_KEY);
        }
    }

    /** The id of the request this thread is serving, or {@code null} outside a request. */
    public static String current() {
        return MDC.get(MDC_KEY);
    }
}
