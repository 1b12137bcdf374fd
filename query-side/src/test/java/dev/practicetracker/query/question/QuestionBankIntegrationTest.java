package dev.practicetracker.query.question;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.practicetracker.events.Difficulty;
import dev.practicetracker.events.QuestionId;
import dev.practicetracker.events.Theme;
import dev.practicetracker.events.question.QuestionAddedEvent;
import dev.practicetracker.events.question.QuestionRetiredEvent;
import dev.practicetracker.query.ReadSideIntegrationTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

class QuestionBankIntegrationTest extends ReadSideIntegrationTest {

    private final String suffix = UUID.randomUUID().toString();
    private final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    @Test
    void questionsCanBeFilteredByThemeAndComeOrderedByPrompt() {
        QuestionAddedEvent later = added(Theme.DATABASES, "Why would you denormalise? " + suffix);
        QuestionAddedEvent earlier = added(Theme.DATABASES, "How do indexes help? " + suffix);
        QuestionAddedEvent git = added(Theme.GIT, "What is a merge conflict? " + suffix);
        appendAndWait(later, earlier, git);

        JsonNode page =
                asCandidate("cand-reader").getForObject("/api/questions?theme=databases&size=100", JsonNode.class);

        assertThat(texts(page.get("items"), "theme")).containsOnly("databases");
        List<String> ids = texts(page.get("items"), "questionId");
        assertThat(ids).doesNotContain(git.questionId().value());
        assertThat(ids.indexOf(earlier.questionId().value()))
                .isNotNegative()
                .isLessThan(ids.indexOf(later.questionId().value()));
    }

    @Test
    void allQuestionsComeOrderedByThemeThenPrompt() {
        appendAndWait(
                added(Theme.SECURITY, "B " + suffix),
                added(Theme.API_DESIGN, "Z " + suffix),
                added(Theme.SECURITY, "A " + suffix));

        JsonNode page = asCandidate("cand-reader").getForObject("/api/questions?size=100", JsonNode.class);

        List<String> themes = texts(page.get("items"), "theme");
        assertThat(themes).isSorted();
        List<String> ours = new ArrayList<>();
        page.get("items").forEach(item -> {
            if (item.get("prompt").asText().endsWith(suffix)) {
                ours.add(item.get("prompt").asText().substring(0, 1));
            }
        });
        assertThat(ours).containsExactly("Z", "A", "B");
    }

    @Test
    void aQuestionIsReadByIdWithItsGuidance() {
        QuestionAddedEvent question = added(Theme.API_DESIGN, "Design a URL shortener API " + suffix);
        appendAndWait(question);

        JsonNode view = asCandidate("cand-reader")
                .getForObject(
                        "/api/questions/{id}",
                        JsonNode.class,
                        question.questionId().value());

        assertThat(view.get("theme").asText()).isEqualTo("api-design");
        assertThat(view.get("difficulty").asText()).isEqualTo("intermediate");
        assertThat(view.get("prompt").asText()).isEqualTo(question.prompt());
        assertThat(view.get("strongAnswer").asText()).isEqualTo(question.strongAnswer());
        assertThat(view.get("source").asText()).isEqualTo("test");
        assertThat(view.get("active").asBoolean()).isTrue();
        assertThat(Instant.parse(view.get("addedAt").asText())).isEqualTo(now);
        assertThat(view.get("retiredAt").isNull()).isTrue();
    }

    @Test
    void aRetiredQuestionIsShownInactiveAndLeftOutOfActiveQuestions() {
        QuestionAddedEvent kept = added(Theme.DEBUGGING, "Kept " + suffix);
        QuestionAddedEvent retired = added(Theme.DEBUGGING, "Retired " + suffix);
        appendAndWait(
                kept,
                retired,
                new QuestionRetiredEvent(retired.questionId(), Theme.DEBUGGING, "duplicate", now.plusSeconds(60)));

        JsonNode view = asCandidate("cand-reader")
                .getForObject(
                        "/api/questions/{id}",
                        JsonNode.class,
                        retired.questionId().value());
        List<String> active = texts(
                asCandidate("cand-reader")
                        .getForObject("/api/questions?theme=debugging&active=true&size=100", JsonNode.class)
                        .get("items"),
                "questionId");
        List<String> inactive = texts(
                asCandidate("cand-reader")
                        .getForObject("/api/questions?theme=debugging&active=false&size=100", JsonNode.class)
                        .get("items"),
                "questionId");

        assertThat(view.get("active").asBoolean()).isFalse();
        assertThat(Instant.parse(view.get("retiredAt").asText())).isEqualTo(now.plusSeconds(60));
        assertThat(active)
                .contains(kept.questionId().value())
                .doesNotContain(retired.questionId().value());
        assertThat(inactive)
                .contains(retired.questionId().value())
                .doesNotContain(kept.questionId().value());
    }

    @Test
    void anUnknownThemeIsABadRequestNamingTheParameter() {
        ResponseEntity<JsonNode> response =
                asCandidate("cand-reader").getForEntity("/api/questions?theme=cooking", JsonNode.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getHeaders().getContentType().toString()).contains("application/problem+json");
        assertThat(response.getBody().get("errors").get(0).get("field").asText())
                .isEqualTo("theme");
        assertThat(response.getBody().get("detail").asText()).contains("databases");
    }

    @Test
    void anUnknownQuestionIsNotFound() {
        ResponseEntity<String> response =
                asCandidate("cand-reader").getForEntity("/api/questions/{id}", String.class, "q-" + suffix);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void theThemesAreAllThirteenWithTheirActiveQuestionCounts() {
        int before =
                activeQuestions(asCandidate("cand-reader").getForObject("/api/themes", JsonNode.class), "portfolio");
        QuestionAddedEvent retired = added(Theme.PORTFOLIO, "Retired " + suffix);
        appendAndWait(
                added(Theme.PORTFOLIO, "One " + suffix),
                added(Theme.PORTFOLIO, "Two " + suffix),
                retired,
                new QuestionRetiredEvent(retired.questionId(), Theme.PORTFOLIO, null, now.plusSeconds(60)));

        JsonNode themes = asCandidate("cand-reader").getForObject("/api/themes", JsonNode.class);

        assertThat(texts(themes, "id"))
                .containsExactlyElementsOf(
                        Arrays.stream(Theme.values()).map(Theme::id).toList())
                .hasSize(13);
        assertThat(activeQuestions(themes, "portfolio")).isEqualTo(before + 2);
        JsonNode portfolio = themes.get(Theme.PORTFOLIO.ordinal());
        assertThat(portfolio.get("title").asText()).isEqualTo(Theme.PORTFOLIO.title());
        assertThat(portfolio.get("covers").asText()).isEqualTo(Theme.PORTFOLIO.covers());
    }

    private QuestionAddedEvent added(Theme theme, String prompt) {
        return new QuestionAddedEvent(
                QuestionId.of("q-" + UUID.randomUUID()),
                theme,
                Difficulty.INTERMEDIATE,
                prompt,
                "Names the trade-offs and measures the result.",
                "test",
                now);
    }

    private static int activeQuestions(JsonNode themes, String theme) {
        for (JsonNode node : themes) {
            if (node.get("id").asText().equals(theme)) {
                return node.get("activeQuestions").asInt();
            }
        }
        throw new AssertionError("no theme " + theme + " in " + themes);
    }

    private static List<String> texts(JsonNode array, String field) {
        List<String> values = new ArrayList<>();
        array.forEach(node -> values.add(node.get(field).asText()));
        return values;
    }
}
