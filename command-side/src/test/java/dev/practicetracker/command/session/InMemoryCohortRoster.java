package dev.practicetracker.command.session;

import dev.practicetracker.command.cohort.CohortRoster;
import dev.practicetracker.events.CandidateId;
import dev.practicetracker.events.CohortId;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Who is enrolled where, held in memory. */
final class InMemoryCohortRoster implements CohortRoster {

    private final Set<List<String>> enrolments = new HashSet<>();

    InMemoryCohortRoster enrol(CohortId cohortId, CandidateId candidateId) {
        enrolments.add(List.of(cohortId.value(), candidateId.value()));
        return this;
    }

    @Override
    public boolean isEnrolled(CohortId cohortId, CandidateId candidateId) {
        return enrolments.contains(List.of(cohortId.value(), candidateId.value()));
    }
}
