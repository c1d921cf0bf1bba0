package org.clinictracker.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Supplier;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.sessions.JqwikSession;

import org.clinictracker.testsupport.HostileJson.Mutation;
import org.clinictracker.testsupport.HostileJson.Raw;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends {@link HostileJson} bodies to one call of a service and checks the promise every call makes:
 * bad input gets a 4xx problem and changes nothing stored (rows and outbox events counted before and
 * after); odd but possible input never gets a 5xx, and what is accepted comes back unchanged. The
 * random seed is printed with any failure and can be fixed with {@code -Dclinic.fuzz.seed=...}; the
 * number of tries with {@code -Dclinic.fuzz.tries=...} (a multiplier, default 1).
 */
public final class RequestBodyFuzz {

    /** Where a body goes, as whom, with which headers (e.g. the current {@code If-Match}), and a valid body to mutate. */
    public record Call(String name, HttpMethod method, Supplier<String> uri, RequestPostProcessor user,
            Supplier<Map<String, String>> headers, Map<String, Object> validBody) {

        public static Call post(String uri, RequestPostProcessor user, Map<String, Object> validBody) {
            return new Call("POST " + uri, HttpMethod.POST, () -> uri, user, Map::of, validBody);
        }

        public static Call put(String uri, RequestPostProcessor user, Supplier<Map<String, String>> headers,
                Map<String, Object> validBody) {
            return new Call("PUT " + uri, HttpMethod.PUT, () -> uri, user, headers, validBody);
        }
    }

    private static final int MAX_REPORTED = 15;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final MockMvc mvc;
    private final Supplier<?> storedState;

    /** {@code storedState} reads what a call could change (row counts, outbox events); compared with equals. */
    public RequestBodyFuzz(MockMvc mvc, Supplier<?> storedState) {
        this.mvc = mvc;
        this.storedState = storedState;
    }

    /** Wrong JSON types and text that cannot be stored, anywhere in the body: a 4xx problem, nothing stored. */
    public void refusesEveryHostileBody(Call call, int tries) {
        run(call, HostileJson.refusable(call.validBody()), tries, (mutation, response, before) -> {
            if (response.getStatus() < 400 || response.getStatus() >= 500) {
                return "answered " + response.getStatus() + " " + brief(response);
            }
            if (!MediaType.APPLICATION_PROBLEM_JSON.isCompatibleWith(MediaType.parseMediaType(response.getContentType()))) {
                return "answered " + response.getStatus() + " without a problem body";
            }
            Object after = storedState.get();
            return before.equals(after) ? null : "answered " + response.getStatus() + " but stored " + before + " -> " + after;
        });
    }

    /** Strange but possible text and numbers: never a 5xx; refused with nothing stored, or stored as sent. */
    public void neverFailsOnOddValues(Call call, int tries) {
        run(call, HostileJson.odd(call.validBody()), tries, (mutation, response, before) -> {
            if (response.getStatus() >= 500 || response.getStatus() < 200) {
                return "answered " + response.getStatus() + " " + brief(response);
            }
            if (response.getStatus() >= 400) {
                Object after = storedState.get();
                return before.equals(after) ? null : "answered " + response.getStatus() + " but stored " + before + " -> " + after;
            }
            return changedOnTheWay(mutation, response);
        });
    }

    private interface Verdict {
        /** Why this answer breaks the promise, or null. */
        String judge(Mutation mutation, MockHttpServletResponse response, Object before) throws Exception;
    }

    private void run(Call call, Arbitrary<Mutation> bodies, int tries, Verdict verdict) {
        assertValidBodyAccepted(call);
        String seed = System.getProperty("clinic.fuzz.seed", String.valueOf(new Random().nextLong()));
        int total = tries * Integer.getInteger("clinic.fuzz.tries", 1);
        List<String> failures = new ArrayList<>();
        Map<Integer, Integer> answers = new TreeMap<>();
        JqwikSession.run(seed, () -> {
            for (int i = 0; i < total && failures.size() < MAX_REPORTED; i++) {
                Mutation mutation = bodies.sample();
                try {
                    var request = request(call, mutation); // first: making its URI may store things (a fresh visit)
                    Object before = storedState.get();
                    MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
                    answers.merge(response.getStatus(), 1, Integer::sum);
                    String failure = verdict.judge(mutation, response, before);
                    if (failure != null) {
                        failures.add(mutation + " -> " + failure);
                    }
                } catch (Exception ex) {
                    failures.add(mutation + " -> threw " + ex);
                }
            }
        });
        System.out.println(call.name() + ": " + total + " bodies (seed " + seed + "), answers " + answers);
        assertThat(failures).as("%s with %d tries, seed %s (-Dclinic.fuzz.seed=%s)", call.name(), total, seed, seed)
                .isEmpty();
    }

    /** The body the mutations start from must itself be accepted, or every mutation is refused for its fault. */
    private void assertValidBodyAccepted(Call call) {
        String valid = HostileJson.write(call.validBody());
        try {
            MockHttpServletResponse response = mvc.perform(request(call, new Mutation("", call.validBody(), valid)))
                    .andReturn().getResponse();
            assertThat(response.getStatus()).as("%s accepts the valid body the fuzzing starts from: %s", call.name(),
                    response.getContentAsString()).isBetween(200, 299);
        } catch (Exception ex) {
            throw new AssertionError(call.name() + " failed on its valid body", ex);
        }
    }

    private static MockHttpServletRequestBuilder request(Call call, Mutation mutation) {
        MockHttpServletRequestBuilder request = MockMvcRequestBuilders.request(call.method(), call.uri().get())
                .with(call.user())
                .contentType(MediaType.APPLICATION_JSON)
                .content(mutation.json());
        call.headers().get().forEach(request::header);
        return request;
    }

    /** An accepted odd value must come back as sent wherever the answer shows the same field. */
    private static String changedOnTheWay(Mutation mutation, MockHttpServletResponse response) throws Exception {
        JsonNode node = JSON.readTree(response.getContentAsString());
        for (String step : mutation.path().split("\\.")) {
            node = step.chars().allMatch(Character::isDigit) ? node.path(Integer.parseInt(step)) : node.path(step);
        }
        if (node.isMissingNode() || node.isNull()) {
            return null;
        }
        Object sent = mutation.value();
        if (sent instanceof String text) {
            return node.isString() && node.asString().equals(text) ? null
                    : "accepted but shows " + HostileJson.write(node.toString()) + " instead of what was sent";
        }
        BigDecimal expected = new BigDecimal(sent instanceof Raw raw ? raw.json() : sent.toString());
        return node.isNumber() && node.decimalValue().compareTo(expected) == 0 ? null
                : "accepted but shows " + node + " instead of what was sent";
    }

    private static String brief(MockHttpServletResponse response) throws Exception {
        String body = response.getContentAsString();
        return body.length() > 300 ? body.substring(0, 300) + "..." : body;
    }
}
