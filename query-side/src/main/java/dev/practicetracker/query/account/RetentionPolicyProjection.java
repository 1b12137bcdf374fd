package dev.practicetracker.query.account;

import dev.practicetracker.events.account.RetentionPolicySetEvent;
import dev.practicetracker.query.processing.ReadModels;
import dev.practicetracker.query.processing.SavepointPerEvent;
import java.sql.Timestamp;
import java.sql.Types;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

/** The retention period for withdrawn accounts, as last set; a replay writes each setting again, in order. */
@Component
@ProcessingGroup(ReadModels.PROCESSOR)
class RetentionPolicyProjection extends SavepointPerEvent {

    private final JdbcClient jdbc;

    RetentionPolicyProjection(PlatformTransactionManager transactions, JdbcClient jdbc) {
        super(transactions);
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(RetentionPolicySetEvent event) {
        jdbc.sql("""
                INSERT INTO qs_retention_policy (id, withdrawn_erased_after_seconds, set_by, set_at)
                VALUES (1, :seconds, :setBy, :setAt)
                ON CONFLICT (id) DO UPDATE SET withdrawn_erased_after_seconds = excluded.withdrawn_erased_after_seconds,
                    set_by = excluded.set_by, set_at = excluded.set_at
                """)
                .param(
                        "seconds",
                        event.withdrawnErasedAfter() == null
                                ? null
                                : event.withdrawnErasedAfter().toSeconds(),
                        Types.BIGINT)
                .param("setBy", event.setBy().value())
                .param("setAt", Timestamp.from(event.setAt()))
                .update();
    }
}
