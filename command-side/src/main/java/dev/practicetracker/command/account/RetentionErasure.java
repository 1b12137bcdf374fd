package dev.practicetracker.command.account;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import dev.practicetracker.command.RuleViolation;
import dev.practicetracker.events.PersonId;
import dev.practicetracker.events.Role;
import dev.practicetracker.security.Actor;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.GenericEventMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Erases the persons of withdrawn accounts once the retention period has passed since their withdrawal. A recurring
 * task of the deadline scheduler's table: one node at a time runs it, however many there are, and a node that dies
 * mid-run leaves the rest to the next run. Each erasure is the same command an admin sends, asked for by the admin
 * who set the period, so it is refused and recorded the same way.
 */
@Configuration(proxyBeanMethods = false)
class RetentionErasure {

    private static final Logger log = LoggerFactory.getLogger(RetentionErasure.class);
    private static final int PER_RUN = 100;

    @Bean
    RecurringTask<Void> withdrawnAccountErasure(
            AccountsProjection accounts,
            CommandGateway commands,
            @Value("${tracker.privacy.retention-check-interval:PT1H}") Duration interval) {
        return Tasks.recurring("withdrawn-account-erasure", FixedDelay.of(interval))
                .execute((instance, context) -> eraseDue(accounts, commands));
    }

    static void eraseDue(AccountsProjection accounts, CommandGateway commands) {
        AccountsProjection.RetentionPolicyView policy =
                accounts.retentionPolicy().orElse(null);
        if (policy == null || policy.withdrawnErasedAfter() == null) {
            return;
        }
        Instant now = GenericEventMessage.clock.instant();
        List<PersonId> due = accounts.dueForErasure(now, PER_RUN);
        long days = policy.withdrawnErasedAfter().toDays();
        String reason = "retention period: withdrawn accounts are erased " + days + " days after their withdrawal";
        Actor askedBy = new Actor(policy.setBy(), Role.ADMIN);
        for (PersonId account : due) {
            try {
                commands.sendAndWait(new EraseAccountCommand(account, reason, askedBy));
                log.info(
                        "Erased the person of withdrawn account {}: its retention period of {} days passed",
                        account.value(),
                        days);
            } catch (CommandExecutionException | RuleViolation e) {
                // Refused (erased meanwhile by an admin, say): the next run finds it gone or tries again.
                log.warn(
                        "Withdrawn account {} not erased by the retention period this run: {}",
                        account.value(),
                        e.getMessage());
            }
        }
    }
}
