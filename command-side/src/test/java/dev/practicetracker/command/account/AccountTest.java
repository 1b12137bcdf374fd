package dev.practicetracker.command.account;

import static dev.practicetracker.command.RuleViolations.violationOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.practicetracker.command.Duplicate;
import dev.practicetracker.command.Forbidden;
import dev.practicetracker.command.StateConflict;
import dev.practicetracker.events.PersonId;
import dev.practicetracker.events.Role;
import dev.practicetracker.events.account.AccountCreatedEvent;
import dev.practicetracker.events.account.AccountLockedEvent;
import dev.practicetracker.events.account.AccountRoleChangedEvent;
import dev.practicetracker.events.account.AccountSignedOutEverywhereEvent;
import dev.practicetracker.events.account.AccountUnlockedEvent;
import dev.practicetracker.events.account.AccountWithdrawnEvent;
import dev.practicetracker.events.account.PasswordChangedEvent;
import dev.practicetracker.events.account.PersonErasedEvent;
import dev.practicetracker.eventstore.personal.PersonKeys;
import dev.practicetracker.security.Actor;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.crypto.spec.SecretKeySpec;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

class AccountTest {

    private static final Instant T0 = Instant.parse("2025-03-10T09:00:00Z");
    private static final PersonId ADA = PersonId.of("ada");
    private static final Actor ADMIN = new Actor(PersonId.of("admin-1"), Role.ADMIN);
    private static final Actor ADA_HERSELF = new Actor(ADA, Role.CANDIDATE);
    private static final Password GOOD = Password.of("correct horse battery");
    private static final Password NEW = Password.of("another long passphrase");

    private AggregateTestFixture<Account> fixture;
    private InMemoryAccounts accounts;
    private RecordedKeys keys;

    @BeforeEach
    void setUp() {
        accounts = new InMemoryAccounts().active("taken", Role.COACH);
        fixture = new AggregateTestFixture<>(Account.class);
        fixture.registerInjectableResource(accounts);
        keys = new RecordedKeys();
        fixture.registerInjectableResource(keys);
        fixture.givenCurrentTime(T0);
    }

    @Test
    void opensAnAccountWithALowerCaseUsernameAndKeepsThePasswordOutOfTheEvent() {
        fixture.givenNoPriorActivity()
                .when(new CreateAccountCommand(ADA, " Ada.L ", " Ada Lovelace ", Role.CANDIDATE, GOOD, ADMIN))
                .expectSuccessfulHandlerExecution()
                .expectEvents(
                        new AccountCreatedEvent(ADA, "ada.l", "Ada Lovelace", Role.CANDIDATE, ADMIN.accountId(), T0));
        assertThat(accounts.password("ada")).contains(GOOD.value());
    }

    @Test
    void theFirstAdminIsCreatedByItself() {
        fixture.givenNoPriorActivity()
                .when(new CreateAccountCommand(ADA, "admin", "Administrator", Role.ADMIN, GOOD, null))
                .expectEvents(new AccountCreatedEvent(ADA, "admin", "Administrator", Role.ADMIN, ADA, T0));
    }

    @Test
    void rejectsAUsernameWithCharactersOutsideTheAllowedSet() {
        fixture.givenNoPriorActivity()
                .when(new CreateAccountCommand(ADA, "ada lovelace", "Ada", Role.CANDIDATE, GOOD, ADMIN))
                .expectException(violationOf("username"))
                .expectNoEvents();
    }

    @Test
    void rejectsAUsernameShorterThanThreeCharacters() {
        fixture.givenNoPriorActivity()
                .when(new CreateAccountCommand(ADA, "ad", "Ada", Role.CANDIDATE, GOOD, ADMIN))
                .expectException(violationOf("username"))
                .expectNoEvents();
    }

    @Test
    void rejectsAUsernameTakenInAnyCase() {
        fixture.givenNoPriorActivity()
                .when(new CreateAccountCommand(ADA, "TAKEN", "Ada", Role.CANDIDATE, GOOD, ADMIN))
                .expectException(Duplicate.class)
                .expectNoEvents();
    }

    @Test
    void rejectsAMissingDisplayName() {
        fixture.givenNoPriorActivity()
                .when(new CreateAccountCommand(ADA, "ada", "  ", Role.CANDIDATE, GOOD, ADMIN))
                .expectException(violationOf("display-name"))
                .expectNoEvents();
    }

    @Test
    void rejectsADisplayNameWithAControlCharacter() {
        fixture.givenNoPriorActivity()
                .when(new CreateAccountCommand(ADA, "ada", "Ada\u0000", Role.CANDIDATE, GOOD, ADMIN))
                .expectException(violationOf("unprintable-text"))
                .expectNoEvents();
    }

    @Test
    void rejectsAPasswordShorterThanTwelveCharacters() {
        fixture.givenNoPriorActivity()
                .when(new CreateAccountCommand(ADA, "ada", "Ada", Role.CANDIDATE, Password.of("short-pass1"), ADMIN))
                .expectException(violationOf("password-too-short"))
                .expectNoEvents();
    }

    @Test
    void rejectsAPasswordLongerThanBcryptReads() {
        fixture.givenNoPriorActivity()
                .when(new CreateAccountCommand(ADA, "ada", "Ada", Role.CANDIDATE, Password.of("é".repeat(37)), ADMIN))
                .expectException(violationOf("password-too-long"))
                .expectNoEvents();
    }

    @Test
    void acceptsAPasswordOfExactlySeventyTwoBytes() {
        fixture.givenNoPriorActivity()
                .when(new CreateAccountCommand(ADA, "ada", "Ada", Role.CANDIDATE, Password.of("é".repeat(36)), ADMIN))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void changesTheRoleNamingThePreviousOne() {
        fixture.given(created(Role.CANDIDATE))
                .when(new ChangeRoleCommand(ADA, Role.COACH, ADMIN))
                .expectEvents(new AccountRoleChangedEvent(ADA, Role.CANDIDATE, Role.COACH, ADMIN.accountId(), T0));
    }

    @Test
    void anAdminMayNotDemoteThemselves() {
        fixture.given(created(Role.ADMIN))
                .when(new ChangeRoleCommand(ADA, Role.CANDIDATE, new Actor(ADA, Role.ADMIN)))
                .expectException(violationOf("admin-self"))
                .expectNoEvents();
    }

    @Test
    void anAdminMayNotLockThemselves() {
        fixture.given(created(Role.ADMIN))
                .when(new LockAccountCommand(ADA, null, new Actor(ADA, Role.ADMIN)))
                .expectException(violationOf("admin-self"))
                .expectNoEvents();
    }

    @Test
    void anAdminMayNotWithdrawThemselves() {
        fixture.given(created(Role.ADMIN))
                .when(new WithdrawAccountCommand(ADA, null, new Actor(ADA, Role.ADMIN)))
                .expectException(violationOf("admin-self"))
                .expectNoEvents();
    }

    @Test
    void locksAndUnlocksAnAccount() {
        fixture.given(created(Role.CANDIDATE))
                .when(new LockAccountCommand(ADA, "left the laptop open", ADMIN))
                .expectEvents(new AccountLockedEvent(ADA, "left the laptop open", ADMIN.accountId(), T0));
        fixture.given(created(Role.CANDIDATE), locked())
                .when(new UnlockAccountCommand(ADA, ADMIN))
                .expectEvents(new AccountUnlockedEvent(ADA, ADMIN.accountId(), T0));
    }

    @Test
    void rejectsALockWhoseReasonIsLongerThanAThousandCharacters() {
        fixture.given(created(Role.CANDIDATE))
                .when(new LockAccountCommand(ADA, "r".repeat(1_001), ADMIN))
                .expectException(violationOf("reason-too-long"))
                .expectNoEvents();
    }

    @Test
    void rejectsUnlockingAnAccountThatIsNotLocked() {
        fixture.given(created(Role.CANDIDATE))
                .when(new UnlockAccountCommand(ADA, ADMIN))
                .expectException(violationOf("not-locked"))
                .expectNoEvents();
    }

    @Test
    void aWithdrawnAccountCannotBeUnlocked() {
        fixture.given(created(Role.CANDIDATE), locked(), withdrawn())
                .when(new UnlockAccountCommand(ADA, ADMIN))
                .expectException(violationOf("account-withdrawn"))
                .expectNoEvents();
    }

    @Test
    void aWithdrawnAccountCannotChangeRole() {
        fixture.given(created(Role.CANDIDATE), withdrawn())
                .when(new ChangeRoleCommand(ADA, Role.COACH, ADMIN))
                .expectException(violationOf("account-withdrawn"))
                .expectNoEvents();
    }

    @Test
    void aWithdrawnAccountCannotGetANewPassword() {
        fixture.given(created(Role.CANDIDATE), withdrawn())
                .when(new SetPasswordCommand(ADA, NEW, null, ADMIN))
                .expectException(violationOf("account-withdrawn"))
                .expectNoEvents();
    }

    @Test
    void anAccountSignsItselfOutEverywhere() {
        fixture.given(created(Role.CANDIDATE))
                .when(new SignOutEverywhereCommand(ADA, ADA_HERSELF))
                .expectEvents(new AccountSignedOutEverywhereEvent(ADA, ADA, T0));
    }

    @Test
    void anAdminSignsAnotherAccountOutEverywhere() {
        fixture.given(created(Role.CANDIDATE), locked())
                .when(new SignOutEverywhereCommand(ADA, ADMIN))
                .expectEvents(new AccountSignedOutEverywhereEvent(ADA, ADMIN.accountId(), T0));
    }

    @Test
    void refusesSigningOutAnotherAccountByANonAdmin() {
        fixture.given(created(Role.CANDIDATE))
                .when(new SignOutEverywhereCommand(ADA, new Actor(PersonId.of("bruno"), Role.COACH)))
                .expectException(Forbidden.class)
                .expectNoEvents();
    }

    @Test
    void aWithdrawnAccountHasNothingToSignOutOf() {
        fixture.given(created(Role.CANDIDATE), withdrawn())
                .when(new SignOutEverywhereCommand(ADA, ADMIN))
                .expectException(violationOf("account-withdrawn"))
                .expectNoEvents();
    }

    @Test
    void withdrawsAnAccount() {
        fixture.given(created(Role.CANDIDATE))
                .when(new WithdrawAccountCommand(ADA, "found a job", ADMIN))
                .expectEvents(new AccountWithdrawnEvent(ADA, "found a job", ADMIN.accountId(), T0));
    }

    @Test
    void anAdminSetsAPasswordWithoutTheCurrentOne() {
        fixture.given(created(Role.CANDIDATE))
                .when(new SetPasswordCommand(ADA, NEW, null, ADMIN))
                .expectEvents(new PasswordChangedEvent(ADA, ADMIN.accountId(), T0));
        assertThat(accounts.password("ada")).contains(NEW.value());
    }

    @Test
    void anAccountSetsItsOwnPasswordWithTheCurrentOne() {
        accounts.store(ADA, GOOD);
        fixture.given(created(Role.CANDIDATE))
                .when(new SetPasswordCommand(ADA, NEW, GOOD, ADA_HERSELF))
                .expectEvents(new PasswordChangedEvent(ADA, ADA, T0));
        assertThat(accounts.password("ada")).contains(NEW.value());
    }

    @Test
    void refusesAnOwnPasswordChangeWithAWrongCurrentPassword() {
        accounts.store(ADA, GOOD);
        fixture.given(created(Role.CANDIDATE))
                .when(new SetPasswordCommand(ADA, NEW, Password.of("not the password at all"), ADA_HERSELF))
                .expectException(Forbidden.class)
                .expectNoEvents();
        assertThat(accounts.password("ada")).contains(GOOD.value());
    }

    @Test
    void refusesAnotherAccountsPasswordChangeByANonAdmin() {
        fixture.given(created(Role.CANDIDATE))
                .when(new SetPasswordCommand(ADA, NEW, GOOD, new Actor(PersonId.of("grace"), Role.COACH)))
                .expectException(Forbidden.class)
                .expectNoEvents();
    }

    @Test
    void passwordsNeverShowInACommandsText() {
        assertThat(new SetPasswordCommand(ADA, NEW, GOOD, ADMIN).toString())
                .doesNotContain(NEW.value())
                .doesNotContain(GOOD.value());
    }

    @Test
    void erasesAWithdrawnPersonDeletingTheirKeyAndPasswordWithTheEvent() {
        accounts.store(ADA, GOOD);
        fixture.given(created(Role.CANDIDATE), withdrawn())
                .when(new EraseAccountCommand(ADA, "asked to be forgotten on 2025-03-09", ADMIN))
                .expectEvents(new PersonErasedEvent(ADA, "asked to be forgotten on 2025-03-09", ADMIN.accountId(), T0));
        assertThat(keys.erased).containsExactly("ada");
        assertThat(accounts.password("ada")).isEmpty();
    }

    @Test
    void refusesToEraseAnAccountThatIsStillActive() {
        fixture.given(created(Role.CANDIDATE))
                .when(new EraseAccountCommand(ADA, "asked to be forgotten", ADMIN))
                .expectException(StateConflict.class)
                .expectException(violationOf("account-active"))
                .expectNoEvents();
        assertThat(keys.erased).isEmpty();
    }

    @Test
    void refusesToEraseALockedAccountThatWasNotWithdrawn() {
        fixture.given(created(Role.CANDIDATE), locked())
                .when(new EraseAccountCommand(ADA, "asked to be forgotten", ADMIN))
                .expectException(violationOf("account-active"))
                .expectNoEvents();
    }

    @Test
    void erasesAPersonOnce() {
        fixture.given(created(Role.CANDIDATE), withdrawn(), new PersonErasedEvent(ADA, "asked", ADMIN.accountId(), T0))
                .when(new EraseAccountCommand(ADA, "again", ADMIN))
                .expectException(violationOf("already-erased"))
                .expectNoEvents();
        assertThat(keys.erased).isEmpty();
    }

    @Test
    void anErasureSaysWhy() {
        fixture.given(created(Role.CANDIDATE), withdrawn())
                .when(new EraseAccountCommand(ADA, null, ADMIN))
                .expectException(violationOf("reason-missing"))
                .expectNoEvents();
        assertThat(keys.erased).isEmpty();
    }

    /** Records which keys were erased; the key table itself is tested with PostgreSQL in event-store. */
    static final class RecordedKeys extends PersonKeys {

        final List<String> erased = new ArrayList<>();

        RecordedKeys() {
            super(new DriverManagerDataSource(), new SecretKeySpec(new byte[32], "AES"));
        }

        @Override
        public boolean erase(String personId, Instant at) {
            erased.add(personId);
            return true;
        }
    }

    private static AccountCreatedEvent created(Role role) {
        return new AccountCreatedEvent(ADA, "ada", "Ada Lovelace", role, ADMIN.accountId(), T0);
    }

    private static AccountLockedEvent locked() {
        return new AccountLockedEvent(ADA, null, ADMIN.accountId(), T0);
    }

    private static AccountWithdrawnEvent withdrawn() {
        return new AccountWithdrawnEvent(ADA, null, ADMIN.accountId(), T0);
    }
}
