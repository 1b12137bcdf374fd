package dev.practicetracker.command.account;

import dev.practicetracker.command.Duplicate;
import dev.practicetracker.events.Ids;
import dev.practicetracker.events.PersonId;
import dev.practicetracker.events.Role;
import dev.practicetracker.security.LocalDefaults;
import java.util.Locale;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
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

    static final String DEFAULT_PASSWORD = "local-admin-password";

    private static final Logger log = LoggerFactory.getLogger(FirstAdmin.class);

    private final AccountRegistry accounts;
    private final org.axonframework.commandhandling.gateway.CommandGateway commands;
    private final String username;
    private final String password;

    FirstAdmin(
            AccountRegistry accounts,
            org.axonframework.commandhandling.gateway.CommandGateway commands,
            Environment environment,
            @Value("${tracker.security.admin.username:admin}") String username,
            @Value("${tracker.security.admin.password:" + DEFAULT_PASSWORD + "}") String password) {
        LocalDefaults.refuseInProduction(environment, DEFAULT_PASSWORD.equals(password), "TRACKER_ADMIN_PASSWORD");
        this.accounts = accounts;
        this.commands = commands;
        this.username = username.strip().toLowerCase(Locale.ROOT);
        this.password = password;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (accounts.findByUsername(username).isPresent()) {
            return;
        }
        PersonId accountId = PersonId.of(Ids.derive("account", username));
        try {
            commands.sendAndWait(new CreateAccountCommand(
                    accountId, username, "Administrator", Role.ADMIN, Password.of(password), null));
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
