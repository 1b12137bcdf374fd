package dev.practicetracker.command.session;

import dev.practicetracker.command.cohort.CohortRoster;
import dev.practicetracker.events.CandidateId;
import dev.practicetracker.events.CoachId;
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

    private final Set<List<String>> coaches = new HashSet<>();

    InMemoryCohortRoster coach(CohortId cohortId, CoachId coachId) {
        coaches.add(List.of(cohortId.value(), coachId.value()));
        return this;
    }

    @Override
    public boolean coaches(CoachId coachId, CandidateId candidateId) {
        return coaches.stream()
                .anyMatch(pair -> pair.get(1).equals(coachId.value())
                        && enrolments.contains(List.of(pair.get(0), candidateId.value())));
    }

    @Override
    public boolean isEnrolled(CohortId cohortId, CandidateId candidateId) {
        return enrolments.contains(List.of(cohortId.value(), candidateId.value()));
    }
}
