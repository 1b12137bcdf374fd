package dev.practicetracker.query.processing;

import dev.practicetracker.events.CandidateEvent;
import dev.practicetracker.events.account.AccountEvent;
import dev.practicetracker.eventstore.NotifiedEventSource;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.axonframework.eventhandling.async.SequentialPerAggregatePolicy;
import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** How the read side consumes the event store: one pooled streaming processor, woken by PostgreSQL notifications. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ProcessingProperties.class)
class ProcessingConfig {

    @Bean
    NotifiedEventSource notifiedEventSource(
            EventStorageEngine storage, DataSourceProperties dataSource, ProcessingProperties properties) {
        return new NotifiedEventSource(
                storage,
                dataSource.determineUrl(),
                dataSource.determineUsername(),
                dataSource.determinePassword(),
                properties.fetchSize());
    }

    /**
     * A candidate's events are handled in order, one at a time, whichever sessions and cohorts they come from, because
     * a candidate's profile is recomputed from all of them. An account's events are handled in order by account id,
     * whether or not they were appended as one aggregate's: a lock handled before the account's creation would be lost,
     * and the locked account would keep its access. Other events keep per-aggregate order.
     */
    @Bean
    SequencingPolicy<EventMessage<?>> candidateSequencingPolicy() {
        SequentialPerAggregatePolicy perAggregate = SequentialPerAggregatePolicy.instance();
        return event -> {
            Object payload = event.getPayload();
            if (payload instanceof CandidateEvent candidateEvent) {
                return "candidate:" + candidateEvent.candidateId().value();
            }
            if (payload instanceof AccountEvent accountEvent) {
                return "account:" + accountEvent.accountId().value();
            }
            return perAggregate.getSequenceIdentifierFor(event);
        };
    }

    @Bean
    DeadLetterSchema deadLetterSchema() {
        return DeadLetterSchema.builder()
                .deadLetterTable("dead_letter_entry")
                .deadLetterIdentifierColumn("dead_letter_id")
                .processingGroupColumn("processing_group")
                .sequenceIdentifierColumn("sequence_identifier")
                .sequenceIndexColumn("sequence_index")
                .messageTypeColumn("message_type")
                .eventIdentifierColumn("event_identifier")
                .timestampColumn("time_stamp")
                .payloadTypeColumn("payload_type")
                .payloadRevisionColumn("payload_revision")
                .payloadColumn("payload")
                .metaDataColumn("meta_data")
                .aggregateTypeColumn("type")
                .aggregateIdentifierColumn("aggregate_identifier")
                .sequenceNumberColumn("sequence_number")
                .tokenTypeColumn("token_type")
                .tokenColumn("token")
                .enqueuedAtColumn("enqueued_at")
                .lastTouchedColumn("last_touched")
                .processingStartedColumn("processing_started")
                .causeTypeColumn("cause_type")
                .causeMessageColumn("cause_message")
                .diagnosticsColumn("diagnostics")
                .build();
    }
}
