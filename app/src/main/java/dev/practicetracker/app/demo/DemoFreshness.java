package dev.practicetracker.app.demo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationStrategy;

/**
 * Keeps the demo's story true on any later day. Its history is written relative to the day it is seeded (the last
 * practice yesterday, one candidate idle for three weeks); started days later, everyone would look idle. So before the
 * schema is migrated, a demo seeded on an earlier day is wiped with its whole database, which then migrates afresh,
 * and the seed writes the history again up to today. Only where the settings say the database is the demo's own: it
 * holds nothing else then, and the demo's events cannot simply be moved in time, since every read model was built from
 * them.
 */
final class DemoFreshness implements FlywayMigrationStrategy {

    private static final Logger log = LoggerFactory.getLogger(DemoFreshness.class);

    private final DemoProperties settings;
    private final Clock clock;

    DemoFreshness(DemoProperties settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public void migrate(Flyway flyway) {
        if (settings.enabled() && settings.reseedWhenStale()) {
            Instant today = clock.instant().truncatedTo(ChronoUnit.DAYS);
            Optional<Instant> seeded = seededOn(flyway.getConfiguration().getDataSource());
            if (seeded.isPresent() && seeded.get().isBefore(today)) {
                log.info(
                        "The demo was seeded {} days ago: its database is wiped and the demo seeded again for today",
                        Duration.between(seeded.get(), today).toDays());
                Flyway.configure(Flyway.class.getClassLoader())
                        .configuration(flyway.getConfiguration())
                        .cleanDisabled(false)
                        .load()
                        .clean();
            }
        }
        flyway.migrate();
    }

    /** When the demo in this database was seeded, from its cohort's first event; empty when there is none yet. */
    static Optional<Instant> seededOn(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            try (ResultSet table =
                    connection.createStatement().executeQuery("SELECT to_regclass('domain_event_entry') IS NOT NULL")) {
                if (!table.next() || !table.getBoolean(1)) {
                    return Optional.empty();
                }
            }
            try (PreparedStatement first = connection.prepareStatement("SELECT time_stamp FROM domain_event_entry"
                    + " WHERE aggregate_identifier = ? AND sequence_number = 0")) {
                first.setString(1, DemoCohort.COHORT.value());
                try (ResultSet created = first.executeQuery()) {
                    return created.next()
                            ? Optional.of(DemoCohort.seededOn(Instant.parse(created.getString(1))))
                            : Optional.empty();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read when the demo was seeded", e);
        }
    }
}
