package dev.practicetracker.security;

import dev.practicetracker.events.CandidateId;
import dev.practicetracker.events.CoachId;
import dev.practicetracker.events.PersonId;
import dev.practicetracker.events.Role;
import java.security.Principal;

/**
 * The authenticated person behind a request. The account id is the person's id everywhere: a candidate's id, a coach's
 * id, a rater's id. Request bodies never say who is acting; this does.
 */
public record Actor(PersonId accountId, Role role) implements Principal {

    public boolean is(Role expected) {
        return role == expected;
    }

    public boolean isCandidate(CandidateId candidateId) {
        return role == Role.CANDIDATE && accountId.value().equals(candidateId.value());
    }

    public CandidateId asCandidate() {
        return CandidateId.of(accountId.value());
    }

    public CoachId asCoach() {
        return CoachId.of(accountId.value());
    }

    @Override
    public String getName() {
        return accountId.value();
    }
}
