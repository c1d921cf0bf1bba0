package org.clinictracker.web.answer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.clinictracker.web.RenderedPage;
import org.clinictracker.web.answer.FollowupServiceStandIn.Answer;
import org.clinictracker.web.answer.FollowupServiceStandIn.Received;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The patient's answer page, opened with a link's token and sent back, against a stand-in of followup-service's
 * public API on a real port: what the patient sees, what the service gets (exactly the JSON of the contract), and
 * every way a link or an answer is refused, with its status and without a call where the page can tell by itself.
 */
@SpringBootTest
@AutoConfigureMockMvc
class PatientAnswerPageTests {

    static final String TOKEN = "q8vX3kP0zY7wN2mL5rT9bC4dF6hJ1sA8eG0iK3oU2xQ";
    static final String OPENED = """
            {"givenName":"Hannah","visitDate":"2026-12-01","expiresAt":"2026-12-15T22:59:59.999Z"}""";

    static final FollowupServiceStandIn FOLLOWUPS = new FollowupServiceStandIn();

    @DynamicPropertySource
    static void followupService(DynamicPropertyRegistry properties) {
        properties.add("clinic.web.followup-service-url", FOLLOWUPS::url);
    }

    @AfterAll
    static void stop() {
        FOLLOWUPS.stop();
    }

    @Autowired
    MockMvc mvc;

    private final JsonMapper json = JsonMapper.builder().build();

    @BeforeEach
    void aLinkThatOpens() {
        FOLLOWUPS.reset();
        FOLLOWUPS.answer(FollowupServiceStandIn.OPEN, Answer.json(200, OPENED));
        FOLLOWUPS.answer(FollowupServiceStandIn.ANSWERS,
                Answer.json(201, "{\"answeredOn\":\"2026-12-01\",\"givenName\":\"Hannah\"}"));
    }

    private static RenderedPage page(ResultActions result) throws Exception {
        return RenderedPage.of(result.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    /** The form as the page sends it with the patient's answers (the hidden fields as the page put them). */
    private static MockHttpServletRequestBuilder answers(Map<String, List<String>> answers) {
        MockHttpServletRequestBuilder form = post("/answer").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .param("token", TOKEN).param("visitDate", "2026-12-01");
        answers.forEach((field, values) -> form.param(field, values.toArray(String[]::new)));
        return form;
    }

    private static Map<String, List<String>> fullAnswers() {
        Map<String, List<String>> answers = new LinkedHashMap<>();
        answers.put("painNow", List.of("3"));
        answers.put("painAverage", List.of("4"));
        answers.put("enjoymentOfLife", List.of("5"));
        answers.put("generalActivity", List.of("6"));
        answers.put("reliefPercent", List.of("70"));
        answers.put("satisfaction", List.of("4"));
        answers.put("sensationReturned", List.of("no"));
        answers.put("sideEffects", List.of("SORENESS", "PROLONGED_NUMBNESS"));
        answers.put("otherDescription", List.of(""));
        answers.put("worst", List.of("MODERATE"));
        answers.put("neededMedicalCare", List.of("no"));
        answers.put("stillThere", List.of("yes"));
        answers.put("comments", List.of("Walking further.\r\nSleeping better."));
        return answers;
    }

    private static Map<String, List<String>> with(String field, String... values) {
        Map<String, List<String>> answers = fullAnswers();
        answers.put(field, List.of(values));
        return answers;
    }

    // ---- opening the link

    @Test
    void a_good_link_greets_the_patient_by_first_name_and_asks_every_question_with_a_label_and_no_script() throws Exception {
        ResultActions opened = mvc.perform(get("/answer").param("token", TOKEN).header("X-Request-Id", "page-42")
                        .header("Sec-Fetch-Mode", "navigate"))
                .andExpect(status().isOk())
                .andExpect(content().contentType("text/html;charset=UTF-8"))
                .andExpect(header().string("Cache-Control", "no-store"))
                .andExpect(header().string("Referrer-Policy", "no-referrer"));
        RenderedPage page = page(opened);

        assertThat(page.all("h1")).singleElement().extracting(RenderedPage.Node::text).isEqualTo("Hello Hannah");
        assertThat(page.first("p", "class", "visit-day").text()).isEqualTo("Your follow-up on 1 December 2026");
        assertThat(page.markup()).doesNotContainIgnoringCase("<script").doesNotContain("hx-")
                .contains("<html lang=\"en\"").contains("<meta name=\"robots\" content=\"noindex, nofollow\"/>")
                .contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>");
        assertThat(page.first("form").attr("autocomplete")).isEqualTo("off");
        assertThat(page.first("form").attr("action")).isEqualTo("/answer");
        assertThat(page.first("input", "name", "token").attr("value")).isEqualTo(TOKEN);
        assertThat(page.text()).doesNotContain("Signed in", "Sign out", "Worklist");

        // every input the patient uses has its label, every group of choices its legend
        List<RenderedPage.Node> inputs = page.find(element -> (element.elementNameMatches("input")
                && !"hidden".equals(element.getAttributeValue("type"))) || element.elementNameMatches("textarea"));
        assertThat(inputs).hasSize(11 * 4 + 11 + 5 + 3 + 14 + 1 + 3 + 2 + 2 + 1);
        for (RenderedPage.Node input : inputs) {
            assertThat(page.all("label", "for", input.attr("id"))).as("label of %s", input.attr("id")).hasSize(1);
        }
        assertThat(page.find(element -> element.hasAttribute("id"))).extracting(node -> node.attr("id"))
                .doesNotHaveDuplicates();
        assertThat(page.all("fieldset")).hasSize(11).allSatisfy(fieldset -> assertThat(fieldset.all("legend")).hasSize(1));
        assertThat(page.first("fieldset").first("legend").text()).isEqualTo("What number best describes your pain right now? (Please answer this one.)");
        assertThat(page.byId("painNow-hint").text()).isEqualTo("0 = no pain … 10 = pain as bad as you can imagine");
        assertThat(page.byId("enjoymentOfLife-hint").text()).isEqualTo("0 = does not interfere … 10 = completely interferes");
        assertThat(page.all("label", "for", "sideEffects-PROLONGED_NUMBNESS").get(0).text())
                .isEqualTo("Numbness that has lasted weeks");
        assertThat(page.all("label", "for", "sideEffects").get(0).text()).isEqualTo("Soreness where the needle went in");

        // followup-service was asked to open the link: the token only, no user token, the page's request id
        Received open = FOLLOWUPS.received().get(0);
        assertThat(FOLLOWUPS.received()).hasSize(1);
        assertThat(open.method() + " " + open.path()).isEqualTo("POST " + FollowupServiceStandIn.OPEN);
        assertThat(json.readTree(open.body()))
                .isEqualTo(json.readTree("{\"token\":\"" + TOKEN + "\",\"viewed\":true}"));
        assertThat(open.header("Authorization")).isNull();
        assertThat(open.header("X-Request-Id")).isEqualTo("page-42");
        assertThat(open.header("Content-Type")).startsWith("application/json");
    }

    @Test
    void a_fetch_that_is_no_persons_navigation_opens_the_page_without_counting_as_opened() throws Exception {
        mvc.perform(get("/answer").param("token", TOKEN)).andExpect(status().isOk()); // a mail scanner: no Sec-Fetch
        mvc.perform(get("/answer").param("token", TOKEN).header("Sec-Fetch-Mode", "no-cors"))
                .andExpect(status().isOk()); // a preview fetched as a resource
        mvc.perform(get("/answer").param("token", TOKEN).header("Sec-Fetch-Mode", "navigate"))
                .andExpect(status().isOk()); // the patient

        assertThat(FOLLOWUPS.received()).extracting(call -> json.readTree(call.body()).get("viewed").asBoolean())
                .containsExactly(false, false, true);
    }

    @Test
    void the_page_shows_nothing_about_the_patient_but_the_first_name_and_the_visits_day() throws Exception {
        FOLLOWUPS.answer(FollowupServiceStandIn.OPEN, Answer.json(200, """
                {"givenName":"Hannah","visitDate":"2026-12-01","expiresAt":"2026-12-15T22:59:59Z",
                 "familyName":"Björnsdóttir","mrn":"CT-000024-0","nerve":"GENICULAR"}"""));

        RenderedPage page = page(mvc.perform(get("/answer").param("token", TOKEN)).andExpect(status().isOk()));

        assertThat(page.markup()).doesNotContain("Björnsdóttir", "CT-000024-0", "GENICULAR", "2026-12-15");
    }

    @Test
    void a_patient_whose_first_name_the_clinic_does_not_have_is_greeted_and_thanked_without_one() throws Exception {
        FOLLOWUPS.answer(FollowupServiceStandIn.OPEN, Answer.json(200, """
                {"givenName":null,"visitDate":"2026-12-01","expiresAt":"2026-12-15T22:59:59Z"}"""));

        RenderedPage page = page(mvc.perform(get("/answer").param("token", TOKEN)).andExpect(status().isOk()));
        assertThat(page.first("h1").text()).isEqualTo("Hello");

        FOLLOWUPS.answer(FollowupServiceStandIn.ANSWERS,
                Answer.json(201, "{\"answeredOn\":\"2026-12-01\",\"givenName\":null}"));
        RenderedPage thanks = page(mvc.perform(post("/answer").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .param("token", TOKEN).param("painNow", "2")).andExpect(status().isOk()));
        assertThat(thanks.first("h1").text()).isEqualTo("Thank you.");
    }

    @Test
    void a_bearer_token_on_the_page_is_ignored_not_required() throws Exception {
        mvc.perform(get("/answer").param("token", TOKEN).header("Authorization", "Bearer not-a-token-at-all"))
                .andExpect(status().isOk());
        mvc.perform(answers(fullAnswers()).header("Authorization", "Bearer not-a-token-at-all"))
                .andExpect(status().isOk());
        assertThat(FOLLOWUPS.received()).allSatisfy(call -> assertThat(call.header("Authorization")).isNull());
    }

    @Test
    void the_page_and_its_styles_need_no_account() throws Exception {
        mvc.perform(get("/assets/answer.css")).andExpect(status().isOk());
        mvc.perform(get("/assets/app.css")).andExpect(status().isOk());
    }

    static Stream<Arguments> notALink() {
        return Stream.of(Arguments.of((Object) new String[0]), Arguments.of((Object) new String[] { "" }),
                Arguments.of((Object) new String[] { "x".repeat(500) }),
                Arguments.of((Object) new String[] { TOKEN.substring(1) }),
                Arguments.of((Object) new String[] { TOKEN.substring(1) + "=" }),
                Arguments.of((Object) new String[] { TOKEN.substring(1) + "/" }),
                Arguments.of((Object) new String[] { TOKEN, TOKEN }));
    }

    @ParameterizedTest
    @MethodSource("notALink")
    void no_token_or_one_of_the_wrong_shape_is_not_recognised_without_asking_the_service(String[] tokens) throws Exception {
        MockHttpServletRequestBuilder open = get("/answer");
        MockHttpServletRequestBuilder send = post("/answer").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .param("painNow", "3");
        if (tokens.length > 0) {
            open.param("token", tokens);
            send.param("token", tokens);
        }
        for (MockHttpServletRequestBuilder request : List.of(open, send)) {
            RenderedPage page = page(mvc.perform(request).andExpect(status().isNotFound())
                    .andExpect(header().string("Cache-Control", "no-store")));
            assertThat(page.first("h1").text()).isEqualTo("This link is not recognised");
            assertThat(page.markup()).doesNotContain("<form");
        }
        assertThat(FOLLOWUPS.received()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "404 | patient-link-unknown | 404 | This link is not recognised",
            "410 | patient-link-used    | 410 | These questions were already answered (or the clinic has recorded this visit)",
            "410 | patient-link-expired | 410 | This link has expired; the clinic will contact you",
            "410 | something-new        | 410 | This link has expired; the clinic will contact you",
            "503 | unavailable          | 503 | We could not open your questions just now; please try again later",
            "500 | internal             | 503 | We could not open your questions just now; please try again later",
            "429 | too-many-requests    | 503 | We could not open your questions just now; please try again later" })
    void a_link_the_service_refuses_to_open_is_a_plain_page_that_says_only_why(int refused, String code, int status,
            String message) throws Exception {
        FOLLOWUPS.answer(FollowupServiceStandIn.OPEN, Answer.problem(refused, code));

        RenderedPage page = page(mvc.perform(get("/answer").param("token", TOKEN)).andExpect(status().is(status))
                .andExpect(content().contentType("text/html;charset=UTF-8"))
                .andExpect(header().string("Referrer-Policy", "no-referrer")));

        assertThat(page.first("h1").text()).isEqualTo(message);
        assertThat(page.first("main").text()).isEqualTo(message);
        assertThat(page.markup()).doesNotContain("Hannah", "<form", "<script");
    }

    @Test
    void a_service_that_does_not_answer_at_all_is_the_try_again_page() throws Exception {
        FOLLOWUPS.answer(FollowupServiceStandIn.OPEN, Answer.hangUp());

        RenderedPage page = page(mvc.perform(get("/answer").param("token", TOKEN))
                .andExpect(status().isServiceUnavailable()));

        assertThat(page.first("h1").text()).isEqualTo("We could not open your questions just now; please try again later");
    }

    @Test
    void a_service_stuck_on_something_is_given_up_after_the_read_timeout_not_waited_for() throws Exception {
        FOLLOWUPS.answer(FollowupServiceStandIn.ANSWERS, Answer.stuck());
        long start = System.nanoTime();

        mvc.perform(answers(fullAnswers())).andExpect(status().isServiceUnavailable());

        Duration waited = Duration.ofNanos(System.nanoTime() - start);
        assertThat(waited).isGreaterThanOrEqualTo(PatientAnswersClient.READ_TIMEOUT.minusMillis(500))
                .isLessThan(PatientAnswersClient.READ_TIMEOUT.plusSeconds(3));
    }

    @Test
    void a_first_name_posted_to_the_page_is_never_shown_only_the_one_the_clinic_gave_for_the_link() throws Exception {
        // anyone can post this form, from any site and with any token: words it carries must not appear as the
        // clinic's greeting ("Hello <anyone's message>")
        String page = mvc.perform(post("/answer").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .param("token", TOKEN).param("givenName", "Eve. Your results are abnormal").param("painNow", "abc"))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("<h1>Hello</h1>").doesNotContain("Eve", "abnormal");

        FOLLOWUPS.answer(FollowupServiceStandIn.ANSWERS,
                Answer.json(201, "{\"answeredOn\":\"2026-12-01\",\"givenName\":\"<b>Hannah</b>\"}"));
        String thanks = mvc.perform(post("/answer").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .param("token", TOKEN).param("givenName", "Eve").param("painNow", "2"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(thanks).contains("Thank you, &lt;b&gt;Hannah&lt;/b&gt;.").doesNotContain("Eve", "<b>Hannah");
    }

    // ---- sending the answers

    @Test
    void a_full_answer_reaches_the_service_as_the_contracts_json_and_the_patient_is_thanked() throws Exception {
        RenderedPage page = page(mvc.perform(answers(fullAnswers()).header("X-Request-Id", "page-43"))
                .andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", "no-store")));

        assertThat(page.first("h1").text()).isEqualTo("Thank you, Hannah.");
        assertThat(page.first("main").text()).isEqualTo("Thank you, Hannah. Your answers reached the clinic; nobody "
                + "needs to call you about this visit. If something worries you, call the clinic.");

        assertThat(FOLLOWUPS.received()).hasSize(1);
        Received sent = FOLLOWUPS.received().get(0);
        assertThat(sent.method() + " " + sent.path()).isEqualTo("POST " + FollowupServiceStandIn.ANSWERS);
        assertThat(sent.header("Authorization")).isNull();
        assertThat(sent.header("X-Request-Id")).isEqualTo("page-43");
        assertThat(json.readTree(sent.body())).isEqualTo(json.readTree("""
                {"token":"%s","painNow":3,"painAverage":4,"enjoymentOfLife":5,"generalActivity":6,
                 "reliefPercent":70,"satisfaction":4,"sensationReturned":false,
                 "sideEffects":{"types":["SORENESS","PROLONGED_NUMBNESS"],"otherDescription":null,"worst":"MODERATE",
                                "neededMedicalCare":false,"stillThere":true},
                 "comments":"Walking further.\\nSleeping better."}""".formatted(TOKEN)));
    }

    @Test
    void pain_right_now_alone_is_an_answer_and_everything_left_out_goes_as_null() throws Exception {
        mvc.perform(answers(Map.of("painNow", List.of("0"), "sensationReturned", List.of("not-sure"))))
                .andExpect(status().isOk());

        JsonNode sent = json.readTree(FOLLOWUPS.received().get(0).body());
        assertThat(sent).isEqualTo(json.readTree("""
                {"token":"%s","painNow":0,"painAverage":null,"enjoymentOfLife":null,"generalActivity":null,
                 "reliefPercent":null,"satisfaction":null,"sensationReturned":null,"sideEffects":null,
                 "comments":null}""".formatted(TOKEN)));
    }

    @Test
    void a_comment_of_2000_characters_with_its_line_breaks_sent_as_crlf_is_taken_whole() throws Exception {
        String comment = ("x".repeat(99) + "\r\n").repeat(20); // 2000 characters as typed, 2040 as sent

        mvc.perform(answers(with("comments", "a" + comment + "z"))).andExpect(status().isUnprocessableContent());
        mvc.perform(answers(with("comments", comment))).andExpect(status().isOk());

        assertThat(json.readTree(FOLLOWUPS.received().get(0).body()).get("comments").asString())
                .isEqualTo(("x".repeat(99) + "\n").repeat(20).strip());
    }

    @Test
    void something_else_described_counts_as_ticked_and_travels_with_its_description() throws Exception {
        Map<String, List<String>> answers = with("sideEffects");
        answers.put("otherDescription", List.of("  A rash on my knee  "));

        mvc.perform(answers(answers)).andExpect(status().isOk());

        JsonNode sideEffects = json.readTree(FOLLOWUPS.received().get(0).body()).get("sideEffects");
        assertThat(sideEffects).isEqualTo(json.readTree("""
                {"types":["OTHER"],"otherDescription":"A rash on my knee","worst":"MODERATE",
                 "neededMedicalCare":false,"stillThere":true}"""));
    }

    static Stream<Arguments> badAnswers() {
        return Stream.of(
                Arguments.of("pain as text", with("painNow", "abc"), "painNow", "Choose how much pain you have right now, from 0 to 10"),
                Arguments.of("pain 11", with("painNow", "11"), "painNow", "Choose how much pain you have right now, from 0 to 10"),
                Arguments.of("pain -1", with("painNow", "-1"), "painNow", "Choose how much pain you have right now, from 0 to 10"),
                Arguments.of("pain 3.5", with("painNow", "3.5"), "painNow", "Choose how much pain you have right now, from 0 to 10"),
                Arguments.of("no pain now", with("painNow"), "painNow", "Choose how much pain you have right now, from 0 to 10"),
                Arguments.of("pain now empty", with("painNow", ""), "painNow", "Choose how much pain you have right now, from 0 to 10"),
                Arguments.of("two pains", with("painNow", "3", "4"), "painNow", "Choose one answer only"),
                Arguments.of("average 12", with("painAverage", "12"), "painAverage", "Choose a number from 0 to 10"),
                Arguments.of("relief 101", with("reliefPercent", "101"), "reliefPercent", "Choose how much relief you have had, from 0 to 100 %"),
                Arguments.of("satisfaction 0", with("satisfaction", "0"), "satisfaction", "Choose one of the answers"),
                Arguments.of("sensation maybe", with("sensationReturned", "maybe"), "sensationReturned", "Choose yes, no or not sure"),
                Arguments.of("unknown side effect", with("sideEffects", "SORENESS", "DRAGONS"), "sideEffects", "Choose side effects from the list"),
                Arguments.of("side effect without how bad", with("worst", ""), "worst", "Choose how bad the worst side effect was"),
                Arguments.of("side effect worst unknown", with("worst", "CATASTROPHIC"), "worst", "Choose how bad it was"),
                Arguments.of("side effect without care", with("neededMedicalCare"), "neededMedicalCare",
                        "Answer yes or no: did you need to see a doctor or go to hospital?"),
                Arguments.of("hospital without a side effect", with("sideEffects"), "sideEffects",
                        "Tick the side effects you noticed, or leave the questions about them empty"),
                Arguments.of("something else undescribed", with("sideEffects", "OTHER"), "otherDescription", "Describe the other side effect"),
                Arguments.of("description of two lines", with("otherDescription", "rash\nitch"), "otherDescription",
                        "Write it on one line, without unusual characters: it must be a single line (contains U+000A)"),
                Arguments.of("100 kB comment", with("comments", "x".repeat(100_000)), "comments", "Write 2000 characters or fewer (you wrote 100000)"),
                Arguments.of("2001 characters", with("comments", "x\r\n".repeat(1000) + "x"), "comments",
                        "Write 2000 characters or fewer (you wrote 2001)"),
                Arguments.of("NUL in comment", with("comments", "fine\u0000then"), "comments",
                        "Remove the unusual character: this text contains a NUL character (U+0000)"),
                Arguments.of("RTL override in comment", with("comments", "abc\u202Edef"), "comments",
                        "Remove the unusual character: this text contains the bidirectional control character U+202E"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badAnswers")
    void a_bad_answer_comes_back_with_its_message_beside_the_question_the_answers_kept_and_nothing_sent(String story,
            Map<String, List<String>> answers, String field, String message) throws Exception {
        RenderedPage page = page(mvc.perform(answers(answers)).andExpect(status().isUnprocessableContent())
                .andExpect(header().string("Cache-Control", "no-store")));

        assertThat(FOLLOWUPS.received()).as("nothing reaches followup-service").isEmpty();
        // greeted without a name: only followup-service's own answer names the patient, never a posted form
        assertThat(page.first("h1").text()).isEqualTo("Hello");
        // the summary at the top links to the question; the message is beside it and described by it
        RenderedPage.Node summary = page.first("div", "class", "problem-summary");
        assertThat(summary.attr("role")).isEqualTo("alert");
        assertThat(summary.all("a")).extracting(link -> link.attr("href") + " " + link.text())
                .contains("#" + field + " " + message);
        assertThat(page.byId(field + "-error").text()).isEqualTo("Error: " + message);
        assertThat(page.maybeById(field)).as("the summary's link lands on an input").isPresent();
        assertThat(page.tagsWith("aria-describedby", field + "-error")
                .stream().findAny().or(() -> page.find(element -> String.valueOf(element.getAttributeValue("aria-describedby"))
                        .endsWith(" " + field + "-error")).stream().map(node -> "fieldset").findAny()))
                .as("the question is described by its message").isPresent();
        // the rest of the answers are still there
        assertThat(page.first("input", "name", "token").attr("value")).isEqualTo(TOKEN);
        if (!field.equals("painAverage")) {
            assertThat(page.byId("painAverage-4").has("checked")).isTrue();
        }
        if (answers.get("sideEffects").contains("SORENESS")) {
            assertThat(page.byId("sideEffects").has("checked")).as("soreness still ticked").isTrue();
        }
        if (!field.equals("comments")) {
            assertThat(page.byId("comments").text()).isEqualTo("Walking further. Sleeping better.");
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "404 | patient-link-unknown | 404 | This link is not recognised",
            "410 | patient-link-used    | 410 | These questions were already answered (or the clinic has recorded this visit)",
            "410 | patient-link-expired | 410 | This link has expired; the clinic will contact you" })
    void answers_to_a_link_the_service_refuses_are_a_plain_page_that_says_only_why(int refused, String code, int status,
            String message) throws Exception {
        FOLLOWUPS.answer(FollowupServiceStandIn.ANSWERS, Answer.problem(refused, code));

        RenderedPage page = page(mvc.perform(answers(fullAnswers())).andExpect(status().is(status)));

        assertThat(page.first("main").text()).isEqualTo(message);
        assertThat(page.markup()).doesNotContain("Hannah", "<form");
    }

    @Test
    void answers_the_service_refuses_come_back_with_its_messages_beside_the_questions() throws Exception {
        FOLLOWUPS.answer(FollowupServiceStandIn.ANSWERS, new Answer(422, "application/problem+json", """
                {"status":422,"code":"validation","title":"Invalid request","errors":[
                  {"field":"sideEffects.worst","message":"must be given when a side effect is"},
                  {"field":"painAverage","message":"must be at most 10"},
                  {"field":"somethingElse","message":"is odd"}]}"""));

        RenderedPage page = page(mvc.perform(answers(fullAnswers())).andExpect(status().isUnprocessableContent()));

        assertThat(page.byId("worst-error").text()).isEqualTo("Error: must be given when a side effect is");
        assertThat(page.byId("painAverage-error").text()).isEqualTo("Error: must be at most 10");
        assertThat(page.first("div", "class", "problem-summary").all("a")).extracting(link -> link.attr("href"))
                .containsExactly("#painAverage", "#worst", "#answers");
        assertThat(page.byId("painNow-3").has("checked")).isTrue();
    }

    static Stream<Arguments> serviceAway() {
        return Stream.of(Arguments.of(Answer.problem(503, "unavailable")), Arguments.of(Answer.problem(500, "internal")),
                Arguments.of(new Answer(502, "text/html", "<html>Bad gateway</html>")), Arguments.of(Answer.hangUp()));
    }

    @ParameterizedTest
    @MethodSource("serviceAway")
    void a_service_away_is_the_try_again_page_with_every_answer_kept(Answer away) throws Exception {
        FOLLOWUPS.answer(FollowupServiceStandIn.ANSWERS, away);

        RenderedPage page = page(mvc.perform(answers(fullAnswers())).andExpect(status().isServiceUnavailable())
                .andExpect(header().string("Cache-Control", "no-store")));

        assertThat(page.first("div", "role", "alert").text()).startsWith(
                "We could not take your answers just now; please try again later");
        assertThat(page.first("input", "name", "token").attr("value")).isEqualTo(TOKEN);
        assertThat(page.byId("painNow-3").has("checked")).isTrue();
        assertThat(page.byId("reliefPercent-70").has("checked")).isTrue();
        assertThat(page.byId("satisfaction-4").has("checked")).isTrue();
        assertThat(page.byId("sensationReturned-no").has("checked")).isTrue();
        assertThat(page.byId("sideEffects-PROLONGED_NUMBNESS").has("checked")).isTrue();
        assertThat(page.byId("worst-MODERATE").has("checked")).isTrue();
        assertThat(page.byId("neededMedicalCare-no").has("checked")).isTrue();
        assertThat(page.byId("stillThere").has("checked")).isTrue();
        assertThat(page.byId("comments").text()).isEqualTo("Walking further. Sleeping better.");
        assertThat(page.first("button", "type", "submit").text()).isEqualTo("Send my answers");
    }
}
