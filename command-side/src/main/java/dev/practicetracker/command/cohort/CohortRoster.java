package dev.practicetracker.command.cohort;

import dev.practicetracker.events.CandidateId;
import dev.practicetracker.events.CoachId;
import dev.practicetracker.events.CohortId;

/** Who is enrolled where and who coaches which cohort, for rules that span a cohort and a session. */
public interface CohortRoster {

    boolean isEnrolled(CohortId cohortId, CandidateId candidateId);

    /** Whether the coach currently runs a cohort the candidate is currently enrolled in. */
    boolean coaches(CoachId coachId, CandidateId candidateId);
}
