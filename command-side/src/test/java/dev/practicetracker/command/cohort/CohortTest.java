package dev.practicetracker.command.cohort;

import static dev.practicetracker.command.RuleViolations.violationOf;

import dev.practicetracker.command.RuleViolation;
import dev.practicetracker.command.account.AccountRegistry;
import dev.practicetracker.command.account.InMemoryAccounts;
import dev.practicetracker.events.CandidateId;
import dev.practicetracker.events.CoachId;
import dev.practicetracker.events.CohortId;
import dev.practicetracker.events.Role;
import dev.practicetracker.events.cohort.CandidateEnrolledEvent;
import dev.practicetracker.events.cohort.CandidateWithdrawnEvent;
import dev.practicetracker.events.cohort.CoachAssignedEvent;
import dev.practicetracker.events.cohort.CohortCreatedEvent;
import java.time.Instant;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CohortTest {

    private static final Instant T0 = Instant.parse("2025-03-10T09:00:00Z");
    private static final CohortId COHORT = CohortId.of("cohort-1");
    private static final CoachId COACH = CoachId.of("coach-1");
    private static final CoachId OTHER_COACH = CoachId.of("coach-2");
    private static final CandidateId CANDIDATE = CandidateId.of("candidate-1");
    private static final CandidateId OTHER_CANDIDATE = CandidateId.of("candidate-2");

    private AggregateTestFixture<Cohort> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Cohort.class);
        fixture.registerInjectableResource(new InMemoryAccounts()
                .active("coach-1", Role.COACH)
                .active("coach-2", Role.COACH)
                .active("coach-3", Role.COACH)
                .with("coach-locked", Role.COACH, AccountRegistry.Status.LOCKED)
                .active("candidate-1", Role.CANDIDATE)
                .active("candidate-2", Role.CANDIDATE)
                .with("candidate-withdrawn", Role.CANDIDATE, AccountRegistry.Status.WITHDRAWN));
        fixture.givenCurrentTime(T0);
    }

    @Test
    void createsACohortWithItsFirstCoach() {
        fixture.givenNoPriorActivity()
                .when(new CreateCohortCommand(COHORT, "Spring backend cohort", COACH))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new CohortCreatedEvent(COHORT, "Spring backend cohort", COACH, T0));
    }

    @Test
    void createsACohortWithItsNameStripped() {
        fixture.givenNoPriorActivity()
                .when(new CreateCohortCommand(COHORT, "  Spring backend cohort \n", COACH))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new CohortCreatedEvent(COHORT, "Spring backend cohort", COACH, T0));
    }

    @Test
    void createsACohortWithANameOfTheMaximumLength() {
        String longest = "n".repeat(Cohort.MAX_NAME_LENGTH);
        fixture.givenNoPriorActivity()
                .when(new CreateCohortCommand(COHORT, longest, COACH))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new CohortCreatedEvent(COHORT, longest, COACH, T0));
    }

    @Test
    void rejectsACohortWithABlankName() {
        fixture.givenNoPriorActivity()
                .when(new CreateCohortCommand(COHORT, "   ", COACH))
                .expectException(RuleViolation.class)
                .expectException(violationOf("cohort-name"))
                .expectNoEvents();
    }

    @Test
    void rejectsACohortWithoutAName() {
        fixture.givenNoPriorActivity()
                .when(new CreateCohortCommand(COHORT, null, COACH))
                .expectException(RuleViolation.class)
                .expectException(violationOf("cohort-name"))
                .expectNoEvents();
    }

    @Test
    void rejectsACohortWithANameThatIsTooLong() {
        fixture.givenNoPriorActivity()
                .when(new CreateCohortCommand(COHORT, "n".repeat(121), COACH))
                .expectException(RuleViolation.class)
                .expectException(violationOf("cohort-name"))
                .expectNoEvents();
    }

    @Test
    void enrolsACandidate() {
        fixture.given(created())
                .when(new EnrolCandidateCommand(COHORT, CANDIDATE))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new CandidateEnrolledEvent(COHORT, CANDIDATE, T0));
    }

    @Test
    void rejectsEnrollingACandidateTwice() {
        fixture.given(created(), enrolled(CANDIDATE))
                .when(new EnrolCandidateCommand(COHORT, CANDIDATE))
                .expectException(RuleViolation.class)
                .expectException(violationOf("already-enrolled"))
                .expectNoEvents();
    }

    @Test
    void withdrawsAnEnrolledCandidate() {
        fixture.given(created(), enrolled(CANDIDATE))
                .when(new WithdrawCandidateCommand(COHORT, CANDIDATE, "found a job"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new CandidateWithdrawnEvent(COHORT, CANDIDATE, "found a job", T0));
    }

    @Test
    void rejectsAWithdrawalWhoseReasonIsLongerThanAThousandCharacters() {
        fixture.given(created(), enrolled(CANDIDATE))
                .when(new WithdrawCandidateCommand(COHORT, CANDIDATE, "r".repeat(1_001)))
                .expectException(violationOf("reason-too-long"))
                .expectNoEvents();
    }

    @Test
    void rejectsWithdrawingACandidateWhoIsNotEnrolled() {
        fixture.given(created(), enrolled(OTHER_CANDIDATE))
                .when(new WithdrawCandidateCommand(COHORT, CANDIDATE, null))
                .expectException(RuleViolation.class)
                .expectException(violationOf("not-enrolled"))
                .expectNoEvents();
    }

    @Test
    void rejectsWithdrawingACandidateTwice() {
        fixture.given(created(), enrolled(CANDIDATE), withdrawn(CANDIDATE))
                .when(new WithdrawCandidateCommand(COHORT, CANDIDATE, null))
                .expectException(RuleViolation.class)
                .expectException(violationOf("not-enrolled"))
                .expectNoEvents();
    }

    @Test
    void reEnrolsACandidateWhoWasWithdrawn() {
        fixture.given(created(), enrolled(CANDIDATE), withdrawn(CANDIDATE))
                .when(new EnrolCandidateCommand(COHORT, CANDIDATE))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new CandidateEnrolledEvent(COHORT, CANDIDATE, T0));
    }

    @Test
    void assignsANewCoachNamingThePreviousOne() {
        fixture.given(created())
                .when(new AssignCoachCommand(COHORT, OTHER_COACH))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new CoachAssignedEvent(COHORT, OTHER_COACH, COACH, T0));
    }

    @Test
    void namesTheCoachWhoTookOverLastAsThePreviousCoach() {
        CoachId third = CoachId.of("coach-3");
        fixture.given(created(), new CoachAssignedEvent(COHORT, OTHER_COACH, COACH, T0))
                .when(new AssignCoachCommand(COHORT, third))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new CoachAssignedEvent(COHORT, third, OTHER_COACH, T0));
    }

    @Test
    void rejectsAssigningTheCoachWhoAlreadyRunsTheCohort() {
        fixture.given(created())
                .when(new AssignCoachCommand(COHORT, COACH))
                .expectException(RuleViolation.class)
                .expectException(violationOf("same-coach"))
                .expectNoEvents();
    }

    @Test
    void rejectsCreatingACohortWhoseCoachIsNotACoachAccount() {
        fixture.givenNoPriorActivity()
                .when(new CreateCohortCommand(COHORT, "Spring backend cohort", CoachId.of("candidate-1")))
                .expectException(violationOf("not-an-active-coach"))
                .expectNoEvents();
    }

    @Test
    void rejectsCreatingACohortWhoseCoachHasNoAccount() {
        fixture.givenNoPriorActivity()
                .when(new CreateCohortCommand(COHORT, "Spring backend cohort", CoachId.of("nobody")))
                .expectException(violationOf("not-an-active-coach"))
                .expectNoEvents();
    }

    @Test
    void rejectsAssigningALockedCoach() {
        fixture.given(created())
                .when(new AssignCoachCommand(COHORT, CoachId.of("coach-locked")))
                .expectException(violationOf("not-an-active-coach"))
                .expectNoEvents();
    }

    @Test
    void rejectsEnrollingAWithdrawnCandidateAccount() {
        fixture.given(created())
                .when(new EnrolCandidateCommand(COHORT, CandidateId.of("candidate-withdrawn")))
                .expectException(violationOf("not-an-active-candidate"))
                .expectNoEvents();
    }

    @Test
    void rejectsEnrollingACoachAsACandidate() {
        fixture.given(created())
                .when(new EnrolCandidateCommand(COHORT, CandidateId.of("coach-2")))
                .expectException(violationOf("not-an-active-candidate"))
                .expectNoEvents();
    }

    private static CohortCreatedEvent created() {
        return new CohortCreatedEvent(COHORT, "Spring backend cohort", COACH, T0);
    }

    private static CandidateEnrolledEvent enrolled(CandidateId candidateId) {
        return new CandidateEnrolledEvent(COHORT, candidateId, T0);
    }

    private static CandidateWithdrawnEvent withdrawn(CandidateId candidateId) {
        return new CandidateWithdrawnEvent(COHORT, candidateId, null, T0);
    }
}
