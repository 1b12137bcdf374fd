package dev.practicetracker.command.cohort;

import dev.practicetracker.events.CandidateId;
import dev.practicetracker.events.CohortId;

/** Who is enrolled where, for rules that span a cohort and a session. */
public interface CohortRoster {

    boolean isEnrolled(CohortId cohortId, CandidateId candidateId);
}
