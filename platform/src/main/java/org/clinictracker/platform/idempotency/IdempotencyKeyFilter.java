package org.clinictracker.platform.idempotency;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.clinictracker.platform.input.RequestBodyProperties;
import org.clinictracker.platform.problem.ProblemException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

import tools.jackson.databind.json.JsonMapper;

/**
 * Makes a {@code POST} sent with an {@code Idempotency-Key} header safe to retry: the first successful
 * answer is stored for the signed-in user and key, and a retry with the same key and the same request
 * gets that answer again (status, body, {@code Location}, {@code ETag}) and changes nothing. The same
 * key with another request is a 422. Keys belong to a user: another user's key is another key.
 * <p>
 * The handler runs inside one transaction with the stored answer, so a record and the answer that
 * announces it commit together, and a concurrent retry waits for the first request's outcome. Only
 * successful (2xx) answers are kept: a refused request changed nothing and may be corrected and sent
 * again with the same key. Neither are answers marked {@code Cache-Control: no-store}: they carry something that
 * must be stored nowhere (a link shown once). Runs after Spring Security, which has named the user by then.
 */
public class IdempotencyKeyFilter extends OncePerRequestFilter {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";
    private static final Pattern SANE_KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");

    private final IdempotentRequests requests;
    private final TransactionTemplate transactions;
    private final int maxBodyBytes;
    private final JsonMapper jsonMapper;

    public IdempotencyKeyFilter(IdempotentRequests requests, TransactionTemplate transactions,
            RequestBodyProperties bodyLimit, JsonMapper jsonMapper) {
        this.requests = requests;
        this.transactions = transactions;
        this.maxBodyBytes = (int) Math.min(Integer.MAX_VALUE - 1, bodyLimit.maxRequestBody().toBytes());
        this.jsonMapper = jsonMapper;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || request.getHeader(HEADER) == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication user = SecurityContextHolder.getContext().getAuthentication();
        if (user == null || !user.isAuthenticated() || user instanceof AnonymousAuthenticationToken) {
            // security answers it, or it is an open call (a patient's link): there is no one to keep a key for, and
            // all anonymous callers share one name, so one's kept answer would be replayed to another
            chain.doFilter(request, response);
            return;
        }
        String key = unquoted(request.getHeader(HEADER));
        if (!SANE_KEY.matcher(key).matches()) {
            writeProblem(response, HttpStatus.BAD_REQUEST, "idempotency-key-invalid", "Invalid Idempotency-Key",
                    "An Idempotency-Key is 1 to 255 visible ASCII characters, for example a UUID.");
            return;
        }
        Optional<byte[]> body = readBody(request);
        if (body.isEmpty()) {
            // the same refusal as the platform's body limit (ProblemException.payloadTooLarge)
            writeProblem(response, HttpStatus.CONTENT_TOO_LARGE, "payload-too-large", "Request body too large",
                    "The request body is larger than the " + maxBodyBytes + " bytes a request may have.");
            return;
        }
        String path = request.getRequestURI() + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
        String hash = fingerprint(request.getMethod(), path, body.get());
        ContentCachingResponseWrapper answer = new ContentCachingResponseWrapper(response);
        Exception[] failure = new Exception[1];
        transactions.executeWithoutResult(transaction -> {
            requests.lock(user.getName(), key);
            Optional<StoredAnswer> earlier = requests.find(user.getName(), key);
            if (earlier.isPresent()) {
                transaction.setRollbackOnly();
                answerAgain(earlier.get(), hash, answer);
                return;
            }
            try {
                chain.doFilter(new CachedBodyRequest(request, body.get()), answer);
            } catch (IOException | ServletException e) {
                transaction.setRollbackOnly();
                failure[0] = e;
                return;
            }
            keepIfSuccessful(user.getName(), key, request.getMethod(), path, hash, answer, transaction);
        });
        if (failure[0] instanceof ServletException e) {
            throw e;
        }
        if (failure[0] instanceof IOException e) {
            throw e;
        }
        answer.copyBodyToResponse();
    }

    private void answerAgain(StoredAnswer earlier, String hash, ContentCachingResponseWrapper answer) {
        if (!earlier.requestHash().equals(hash)) {
            writeProblem(answer, HttpStatus.UNPROCESSABLE_CONTENT, "idempotency-key-reused",
                    "Idempotency-Key already used for another request",
                    "This Idempotency-Key was sent before with a different request. Use a new key for a new request.");
            return;
        }
        answer.setStatus(earlier.status());
        if (earlier.contentType() != null) {
            answer.setContentType(earlier.contentType());
        }
        if (earlier.location() != null) {
            answer.setHeader(HttpHeaders.LOCATION, earlier.location());
        }
        if (earlier.etag() != null) {
            answer.setHeader(HttpHeaders.ETAG, earlier.etag());
        }
        answer.setHeader(REPLAYED_HEADER, "true");
        try {
            answer.getOutputStream().write(earlier.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void keepIfSuccessful(String username, String key, String method, String path, String hash,
            ContentCachingResponseWrapper answer, TransactionStatus transaction) {
        if (answer.getStatus() < 200 || answer.getStatus() >= 300) {
            // Refused: nothing of it may stay, and the key stays free for the corrected request.
            transaction.setRollbackOnly();
            return;
        }
        String cacheControl = answer.getHeader(HttpHeaders.CACHE_CONTROL);
        if (cacheControl != null && cacheControl.contains("no-store")) {
            // an answer that carries a secret shown once (a patient's link) is not kept: a retry is a new request
            return;
        }
        requests.save(username, key, method, path, new StoredAnswer(hash, answer.getStatus(), answer.getContentType(),
                answer.getHeader(HttpHeaders.LOCATION), answer.getHeader(HttpHeaders.ETAG),
                answer.getContentAsByteArray()));
    }

    /** The body, or empty if it is larger than a key's request may be. */
    private Optional<byte[]> readBody(HttpServletRequest request) throws IOException {
        try (InputStream in = request.getInputStream()) {
            byte[] body = in.readNBytes(maxBodyBytes + 1);
            return body.length > maxBodyBytes ? Optional.empty() : Optional.of(body);
        }
    }

    private static String fingerprint(String method, String path, byte[] body) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update((method + " " + path + "\n").getBytes(StandardCharsets.UTF_8));
            sha256.update(body);
            return HexFormat.of().formatHex(sha256.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** The IETF draft sends the key as a quoted structured-field string; most clients send it bare. */
    private static String unquoted(String key) {
        String trimmed = key.trim();
        return trimmed.length() >= 2 && trimmed.startsWith("\"") && trimmed.endsWith("\"")
                ? trimmed.substring(1, trimmed.length() - 1)
                : trimmed;
    }

    private void writeProblem(HttpServletResponse response, HttpStatus status, String code, String title,
            String detail) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", ProblemException.TYPE_BASE + code);
        problem.put("title", title);
        problem.put("status", status.value());
        problem.put("detail", detail);
        problem.put("code", code);
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        try {
            jsonMapper.writeValue(response.getOutputStream(), problem);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
