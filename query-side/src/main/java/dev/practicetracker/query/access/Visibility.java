package dev.practicetracker.query.access;

import dev.practicetracker.events.Role;
import dev.practicetracker.query.web.NotFound;
import dev.practicetracker.security.AccountDirectory;
import dev.practicetracker.security.Actor;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The one place that says whose data an account may read. A candidate reads their own; a coach reads the candidates
 * currently enrolled in a cohort they currently coach; a cohort-mate also reads a {@code peer} session of their cohort.
 * Anything else is refused with the same {@link NotFound} as something that does not exist, so a refusal tells nobody
 * that a candidate, session, coach or cohort exists.
 */
@Component
public class Visibility {

    private final JdbcClient jdbc;
    private final AccountDirectory accounts;

    Visibility(JdbcClient jdbc, AccountDirectory accounts) {
        this.jdbc = jdbc;
        this.accounts = accounts;
    }

    /** Throws "there is no candidate X" unless {@code actor} may read {@code candidateId}'s data. */
    public void requireCandidate(Actor actor, String candidateId) {
        if (!mayReadCandidate(actor, candidateId)) {
            throw new NotFound("candidate", candidateId);
        }
    }

    public boolean mayReadCandidate(Actor actor, String candidateId) {
        if (actor.is(Role.CANDIDATE)) {
            return actor.getName().equals(candidateId);
        }
        return actor.is(Role.COACH) && coaches(actor.getName(), candidateId);
    }

    /**
     * Whether a live stream opened earlier may go on: the account may still act in the same role and still may read
     * the candidate (a coach whose cohort was handed over, or a locked account, stops receiving updates).
     */
    public boolean stillMayReadCandidate(Actor actor, String candidateId) {
        return accounts.find(actor.accountId())
                        .filter(account -> account.active() && account.role() == actor.role())
                        .isPresent()
                && mayReadCandidate(actor, candidateId);
    }

    /** Throws "there is no session X" unless {@code actor} may read the session. */
    public void requireSession(Actor actor, String sessionId) {
        Optional<SessionOwner> found = jdbc.sql(
                        "SELECT candidate_id, cohort_id, mode FROM qs_session WHERE session_id = :id")
                .param("id", sessionId)
                .query((rs, i) ->
                        new SessionOwner(rs.getString("candidate_id"), rs.getString("cohort_id"), rs.getString("mode")))
                .optional();
        if (found.isEmpty() || !maySee(actor, found.get())) {
            throw new NotFound("session", sessionId);
        }
    }

    /** Throws "there is no coach X" unless {@code actor} is that coach. */
    public void requireCoach(Actor actor, String coachId) {
        if (!(actor.is(Role.COACH) && actor.getName().equals(coachId))) {
            throw new NotFound("coach", coachId);
        }
    }

    /** Throws "there is no cohort X" unless {@code actor} is the cohort's coach now. */
    public void requireCohort(Actor actor, String cohortId) {
        boolean coaches = actor.is(Role.COACH)
                && jdbc.sql("SELECT EXISTS (SELECT 1 FROM qs_cohort WHERE cohort_id = :cohort AND coach_id = :coach)")
                        .param("cohort", cohortId)
                        .param("coach", actor.getName())
                        .query(Boolean.class)
                        .single();
        if (!coaches) {
            throw new NotFound("cohort", cohortId);
        }
    }

    private record SessionOwner(String candidateId, String cohortId, String mode) {}

    private boolean maySee(Actor actor, SessionOwner session) {
        if (mayReadCandidate(actor, session.candidateId())) {
            return true;
        }
        return actor.is(Role.CANDIDATE)
                && "peer".equals(session.mode())
                && session.cohortId() != null
                && jdbc.sql("""
                                SELECT EXISTS (SELECT 1 FROM qs_cohort_member
                                                WHERE cohort_id = :cohort AND candidate_id = :candidate AND enrolled)
                                """)
                        .param("cohort", session.cohortId())
                        .param("candidate", actor.getName())
                        .query(Boolean.class)
                        .single();
    }

    private boolean coaches(String coachId, String candidateId) {
        return jdbc.sql("""
                        SELECT EXISTS (SELECT 1 FROM qs_cohort_member m JOIN qs_cohort c ON c.cohort_id = m.cohort_id
                                        WHERE m.candidate_id = :candidate AND m.enrolled AND c.coach_id = :coach)
                        """)
                .param("candidate", candidateId)
                .param("coach", coachId)
                .query(Boolean.class)
                .single();
    }
}
