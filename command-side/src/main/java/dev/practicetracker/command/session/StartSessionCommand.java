package dev.practicetracker.command.session;

import dev.practicetracker.events.CandidateId;
import dev.practicetracker.events.CohortId;
import dev.practicetracker.events.QuestionId;
import dev.practicetracker.events.ReviewMode;
import dev.practicetracker.events.SessionId;
import dev.practicetracker.events.Theme;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Start practising: either {@code questionIds} names the questions, or {@code questionCount} questions are drawn from
 * the active ones of {@code themes}. {@code cohortId} is null outside a cohort.
 */
public record StartSessionCommand(
        @TargetAggregateIdentifier SessionId sessionId,
        CandidateId candidateId,
        CohortId cohortId,
        ReviewMode mode,
        List<Theme> themes,
        int questionCount,
        List<QuestionId> questionIds) {}
