package dev.practicetracker.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The rating page: a coach revises their rating, a cohort-mate rates an answer of a peer session. */
class RateBrowserIT extends Chromium {

    static final Map<String, Integer> THREES =
            Map.of("clarity", 3, "reasoning", 3, "technical-depth", 3, "structure", 3, "impact", 3);

    static String coach;
    static String amy;
    static String ben;
    static String coachSession;
    static String peerSession;

    @BeforeAll
    static void seed() {
        String admin = app.api.adminToken();
        coach = unique("coach");
        String coachId = app.api.createAccount(admin, coach, "coach");
        String cohortId = app.api.createCohort(admin, "Rating " + coach, coachId);
        amy = unique("amy");
        ben = unique("ben");
        app.api.enrol(admin, cohortId, app.api.createAccount(admin, amy, "candidate"));
        app.api.enrol(admin, cohortId, app.api.createAccount(admin, ben, "candidate"));
        String amyToken = app.api.token(amy, Api.PASSWORD);
        String coachToken = app.api.token(coach, Api.PASSWORD);
        coachSession = answeredSession(amyToken, "coach", cohortId);
        app.api.await(
                coachToken,
                "/api/sessions/" + coachSession,
                s -> s.get("answeredCount").asInt() == 1);
        JsonNode question = app.api
                .get(coachToken, "/api/sessions/" + coachSession)
                .get("questions")
                .get(0);
        app.api.postAs(
                coachToken,
                "/api/sessions/" + coachSession + "/answers/"
                        + question.get("questionId").asText() + "/ratings",
                Map.of("scores", THREES, "comment", "Say why."));
        app.api.await(
                coachToken,
                "/api/sessions/" + coachSession,
                s -> s.get("questions").get(0).get("ratings").size() == 1);
        peerSession = answeredSession(amyToken, "peer", cohortId);
        app.api.postAs(amyToken, "/api/sessions/" + peerSession + "/complete", Map.of());
    }

    @Test
    void aCoachRevisesTheirRatingAndTheFirstVersionStaysInTheHistory() {
        Page page = desk();
        logIn(page, coach, Api.PASSWORD, "/rate.html?session=" + coachSession);
        Locator form = page.locator("#rate-0");
        assertThat(form.locator("h3")).hasText("Revise my rating");
        assertThat(form.locator("input[name='scores.clarity'][value='3']")).isChecked();
        assertThat(form.locator("textarea")).hasValue("Say why.");
        form.locator("input[name='scores.clarity'][value='5']").check();
        form.locator("input[name='scores.impact'][value='4']").check();
        screenshot(page, "60-coach-revise-rating");
        form.getByText("Save the revision").click();
        assertThat(page.locator("#saved")).hasText("Saved.");
        assertThat(page.locator("li[data-role=coach]")).containsText("Coach: 3.6 of 5");
        assertThat(page.locator("li[data-role=coach]")).containsText("revised");
        assertThat(CoachBrowserIT.widthOfPage(page)).isLessThanOrEqualTo(1280);

        JsonNode rating = app.api
                .get(app.api.token(coach, Api.PASSWORD), "/api/sessions/" + coachSession)
                .get("questions")
                .get(0)
                .get("ratings")
                .get(0);
        assertThat(rating.get("scores").get("clarity").asInt()).isEqualTo(5);
        assertThat(rating.get("revisedAt").isNull()).isFalse();
        assertThat(rating.get("ratedAt").asText())
                .isNotEqualTo(rating.get("revisedAt").asText());
    }

    @Test
    void aCohortMateRatesAnAnswerOfAPeerSessionFromTheLinkTheCandidateShares() {
        Page own = phone();
        logIn(own, amy, Api.PASSWORD, "/session.html?id=" + peerSession);
        Locator share = own.locator("#peer-link a");
        assertThat(share).hasAttribute("href", "/rate.html?session=" + peerSession);
        assertThat(CoachBrowserIT.widthOfPage(own)).isLessThanOrEqualTo(375);

        Page page = phone();
        logIn(page, ben, Api.PASSWORD, "/rate.html?session=" + peerSession);
        Locator form = page.locator("#rate-0");
        assertThat(form.locator("h3")).hasText("Rate this answer");
        for (String criterion : List.of("clarity", "reasoning", "technical-depth", "structure", "impact")) {
            form.locator("input[name='scores." + criterion + "'][value='4']").check();
        }
        form.getByText("Save my rating").click();
        assertThat(page.locator("li[data-role=peer]")).containsText("Peer: 4.0 of 5");
        assertThat(page.locator("#rate-0 h3")).hasText("Revise my rating");
        assertThat(CoachBrowserIT.widthOfPage(page))
                .as("the rating page at 375 px")
                .isLessThanOrEqualTo(375);
        screenshot(page, "61-peer-rates-phone");

        JsonNode ratings = app.api
                .get(app.api.token(amy, Api.PASSWORD), "/api/sessions/" + peerSession)
                .get("questions")
                .get(0)
                .get("ratings");
        assertThat(ratings.findValuesAsText("raterRole")).contains("peer");
    }

    /** A session of one question in Git, answered; its id. */
    private static String answeredSession(String token, String mode, String cohortId) {
        JsonNode session = app.api.postAs(
                token,
                "/api/sessions",
                Map.of("mode", mode, "cohortId", cohortId, "themes", List.of("git"), "questionCount", 1));
        String sessionId = session.get("sessionId").asText();
        app.api.postAs(
                token,
                "/api/sessions/" + sessionId + "/answers",
                Map.of(
                        "questionId",
                        session.get("questions").get(0).get("questionId").asText(),
                        "answer",
                        "Rebase my branch, then a fast-forward merge.",
                        "timeSpentSeconds",
                        75));
        return sessionId;
    }
}
