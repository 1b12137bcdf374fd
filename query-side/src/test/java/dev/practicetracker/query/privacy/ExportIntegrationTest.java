package dev.practicetracker.query.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.practicetracker.events.CandidateEvent;
import dev.practicetracker.events.CandidateId;
import dev.practicetracker.events.CoachId;
import dev.practicetracker.events.CohortId;
import dev.practicetracker.events.Difficulty;
import dev.practicetracker.events.PersonId;
import dev.practicetracker.events.QuestionId;
import dev.practicetracker.events.RaterRole;
import dev.practicetracker.events.ReviewMode;
import dev.practicetracker.events.Role;
import dev.practicetracker.events.RubricScores;
import dev.practicetracker.events.SessionId;
import dev.practicetracker.events.Theme;
import dev.practicetracker.events.account.AccountEvent;
import dev.practicetracker.events.account.AccountLockedEvent;
import dev.practicetracker.events.account.AccountRoleChangedEvent;
import dev.practicetracker.events.account.AccountSignedOutEverywhereEvent;
import dev.practicetracker.events.account.AccountUnlockedEvent;
import dev.practicetracker.events.account.AccountWithdrawnEvent;
import dev.practicetracker.events.account.PasswordChangedEvent;
import dev.practicetracker.events.account.PersonErasedEvent;
import dev.practicetracker.events.cohort.CandidateEnrolledEvent;
import dev.practicetracker.events.cohort.CandidateWithdrawnEvent;
import dev.practicetracker.events.cohort.CohortCreatedEvent;
import dev.practicetracker.events.question.QuestionAddedEvent;
import dev.practicetracker.events.session.AnswerRatedEvent;
import dev.practicetracker.events.session.AnswerRatingRevisedEvent;
import dev.practicetracker.events.session.PlannedQuestion;
import dev.practicetracker.events.session.QuestionAnsweredEvent;
import dev.practicetracker.events.session.SessionAbandonedEvent;
import dev.practicetracker.events.session.SessionCompletedEvent;
import dev.practicetracker.events.session.SessionExpiredEvent;
import dev.practicetracker.events.session.SessionStartedEvent;
import dev.practicetracker.query.ReadSideIntegrationTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** "Download my data": complete by construction, and only for the candidate and admins. */
class ExportIntegrationTest extends ReadSideIntegrationTest {

    private final String tag = UUID.randomUUID().toString().substring(0, 8);
    private final CohortId cohort = CohortId.of("cohort-" + tag);
    private final CoachId coach = CoachId.of("coach-" + tag);
    private final QuestionId question = QuestionId.of("q-" + tag);
    private final Instant start = Instant.now().minus(5, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);

    @Test
    void theExportHoldsEveryKindOfEventThatNamesACandidate() throws Exception {
        String candidate = "full-" + tag;
        PersonId person = PersonId.of(candidate);
        CandidateId id = CandidateId.of(candidate);
        cohortWithCandidate(candidate);
        SessionId rated = SessionId.of("s1-" + tag);
        SessionId abandoned = SessionId.of("s2-" + tag);
        SessionId expired = SessionId.of("s3-" + tag);
        PlannedQuestion planned = new PlannedQuestion(question, Theme.GIT, Difficulty.INTERMEDIATE, "Merge or rebase?");
        PersonId admin = PersonId.of(ADMIN);
        appendAndWait(
                new SessionStartedEvent(rated, id, cohort, ReviewMode.COACH, List.of(planned), 7200, at(1)),
                new QuestionAnsweredEvent(rated, id, cohort, question, Theme.GIT, "rebase-answer-" + tag, 200, at(2)),
                new AnswerRatedEvent(
                        rated,
                        id,
                        cohort,
                        question,
                        Theme.GIT,
                        PersonId.of(coach.value()),
                        RaterRole.COACH,
                        new RubricScores(3, 3, 3, 3, 3),
                        "coach-comment-" + tag,
                        at(3)),
                new AnswerRatingRevisedEvent(
                        rated,
                        id,
                        cohort,
                        question,
                        Theme.GIT,
                        PersonId.of(coach.value()),
                        RaterRole.COACH,
                        new RubricScores(4, 4, 4, 4, 4),
                        "revised-comment-" + tag,
                        at(4)),
                new SessionCompletedEvent(rated, id, cohort, 1, 1, at(5)),
                new SessionStartedEvent(abandoned, id, cohort, ReviewMode.SELF, List.of(planned), 7200, at(6)),
                new SessionAbandonedEvent(abandoned, id, cohort, 0, "no time", at(7)),
                new SessionStartedEvent(expired, id, cohort, ReviewMode.SELF, List.of(planned), 7200, at(8)),
                new SessionExpiredEvent(expired, id, cohort, 0, at(8), at(9)),
                new AccountRoleChangedEvent(person, Role.CANDIDATE, Role.CANDIDATE, admin, at(10)),
                new PasswordChangedEvent(person, person, at(11)),
                new AccountSignedOutEverywhereEvent(person, person, at(12)),
                new AccountLockedEvent(person, "test", admin, at(13)),
                new AccountUnlockedEvent(person, admin, at(14)),
                new CandidateWithdrawnEvent(cohort, id, "moved away", at(15)),
                new AccountWithdrawnEvent(person, "moved away", admin, at(16)),
                new PersonErasedEvent(person, "asked to be forgotten", admin, at(17)));

        ResponseEntity<JsonNode> answer =
                asAdmin().getForEntity("/api/candidates/" + candidate + "/export", JsonNode.class);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(answer.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION))
                .startsWith("attachment");
        JsonNode export = answer.getBody();
        Set<String> types = new HashSet<>();
        export.get("events").forEach(event -> types.add(event.get("type").asText()));
        assertThat(types).containsAll(eventTypesNamingACandidate());
        assertThat(export.at("/account/displayName").asText()).isEqualTo(displayName(candidate));
        assertThat(export.at("/account/status").asText()).isEqualTo("erased");
        JsonNode first = export.at("/sessions/0/questions/0");
        assertThat(first.get("prompt").asText()).isEqualTo("Merge or rebase?");
        assertThat(first.get("answer").asText()).isEqualTo("rebase-answer-" + tag);
        assertThat(first.at("/ratings/0/raterRole").asText()).isEqualTo("coach");
        assertThat(first.at("/ratings/0/comment").asText()).isEqualTo("coach-comment-" + tag);
        assertThat(first.at("/ratings/1/comment").asText()).isEqualTo("revised-comment-" + tag);
        assertThat(export.at("/sessions/1/endReason").asText()).isEqualTo("no time");
        assertThat(export.has("profile")).isTrue();
        assertThat(export.get("profileHistory").isArray()).isTrue();
        assertThat(export.has("calibration")).isTrue();
    }

    @Test
    void onlyTheCandidateAndAnAdminMayDownloadTheirData() {
        String candidate = "self-" + tag;
        cohortWithCandidate(candidate);
        String path = "/api/candidates/" + candidate + "/export";

        assertThat(asCandidate(candidate)
                        .getForEntity(path, JsonNode.class)
                        .getBody()
                        .get("candidateId")
                        .asText())
                .isEqualTo(candidate);
        assertThat(asAdmin().getForEntity(path, String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        ResponseEntity<JsonNode> other = asCandidate("other-" + tag).getForEntity(path, JsonNode.class);
        assertThat(other.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(other.getHeaders().getContentType().toString()).isEqualTo("application/problem+json");
        assertThat(asCoach(coach).getForEntity(path, String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.getForEntity(path, String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(asAdmin()
                        .getForEntity("/api/candidates/nobody-" + tag + "/export", String.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    private void cohortWithCandidate(String candidate) {
        append(
                new QuestionAddedEvent(
                        question, Theme.GIT, Difficulty.INTERMEDIATE, "Merge or rebase?", "Says why.", "test", start),
                new CohortCreatedEvent(cohort, "Cohort " + tag, coach, start));
        asCoach(coach);
        account(candidate, Role.CANDIDATE);
        appendAndWait(new CandidateEnrolledEvent(cohort, CandidateId.of(candidate), start));
    }

    private Instant at(int minutes) {
        return start.plus(minutes, ChronoUnit.MINUTES);
    }

    /** Every event record about a candidate or an account, by the name the export gives it. */
    private static Set<String> eventTypesNamingACandidate() throws ClassNotFoundException {
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AssignableTypeFilter(CandidateEvent.class));
        scanner.addIncludeFilter(new AssignableTypeFilter(AccountEvent.class));
        Set<String> types = new TreeSet<>();
        for (BeanDefinition definition : scanner.findCandidateComponents("dev.practicetracker.events")) {
            Class<?> type = Class.forName(definition.getBeanClassName());
            if (type.isRecord()) {
                types.add(type.getSimpleName().replaceFirst("Event$", ""));
            }
        }
        assertThat(types).contains("AccountCreated", "QuestionAnswered", "AnswerRated", "PersonErased");
        return types;
    }
}
