package dev.practicetracker.command.account;

import dev.practicetracker.command.Duplicate;
import dev.practicetracker.events.Role;
import dev.practicetracker.security.LocalDefaults;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Makes sure someone can log in on a fresh install: if there is no account named {@code TRACKER_ADMIN_USERNAME}, it is
 * opened as an admin with {@code TRACKER_ADMIN_PASSWORD}, through the same command as any other account. Its id is
 * derived from the name, so a second node or a restart adds nothing twice.
 */
@Component
class FirstAdmin implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FirstAdmin.class);

    private final AccountRegistry accounts;
    private final org.axonframework.commandhandling.gateway.CommandGateway commands;
    private final AdminProperties admin;

    FirstAdmin(
            AccountRegistry accounts,
            org.axonframework.commandhandling.gateway.CommandGateway commands,
            Environment environment,
            AdminProperties admin) {
        LocalDefaults.refuseInProduction(environment, admin.usesDefaultPassword(), "TRACKER_ADMIN_PASSWORD");
        this.accounts = accounts;
        this.commands = commands;
        this.admin = admin;
    }

    @Override
    public void run(ApplicationArguments args) {
        String username = admin.username();
        if (accounts.findByUsername(username).isPresent()) {
            return;
        }
        try {
            commands.sendAndWait(new CreateAccountCommand(
                    admin.accountId(), username, "Administrator", Role.ADMIN, Password.of(admin.password()), null));
            log.info("Opened the first admin account '{}' from TRACKER_ADMIN_USERNAME", username);
        } catch (AggregateStreamCreationException | ConcurrencyException | Duplicate e) {
            log.debug("The first admin was opened by another node meanwhile");
        } catch (CommandExecutionException | EventStoreException e) {
            if (accounts.findByUsername(username).isEmpty()) {
                throw e;
            }
        }
    }
}
