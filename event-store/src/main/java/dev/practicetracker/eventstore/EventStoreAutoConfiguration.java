package dev.practicetracker.eventstore;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.practicetracker.eventstore.personal.PersonKeys;
import dev.practicetracker.eventstore.personal.PersonalDataCipher;
import dev.practicetracker.eventstore.personal.PersonalDataModule;
import dev.practicetracker.eventstore.personal.PersonalDataProperties;
import dev.practicetracker.eventstore.personal.PersonalDataReencryption;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.serialization.RevisionResolver;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.springboot.TokenStoreProperties;
import org.axonframework.springboot.autoconfig.JdbcAutoConfiguration;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

/**
 * The event store on PostgreSQL through Axon's JDBC engine: events and snapshots as JSON in {@code bytea} columns of
 * tables that Flyway creates
 * ({@code db/eventstore}), with snake_case names. Both services use it, so they read and write the same tables.
 */
@AutoConfiguration(before = JdbcAutoConfiguration.class)
@EnableConfigurationProperties({EventNotificationProperties.class, PersonalDataProperties.class})
public class EventStoreAutoConfiguration {

    static final String UNIQUE_VIOLATION = "23505";

    /** Events, commands and deadlines: records as plain JSON, tolerant of fields added by later revisions. */
    @Bean
    @Qualifier("messageSerializer")
    public Serializer messageSerializer(RevisionResolver revisionResolver) {
        return JacksonSerializer.builder()
                .objectMapper(recordMapper())
                .revisionResolver(revisionResolver)
                .build();
    }

    /** Events: as messages, but with their personal fields sealed with their owner's key (docs/privacy.md). */
    @Bean
    @Qualifier("eventSerializer")
    public Serializer eventSerializer(RevisionResolver revisionResolver, PersonalDataCipher personalData) {
        return JacksonSerializer.builder()
                .objectMapper(recordMapper().registerModule(new PersonalDataModule(personalData)))
                .revisionResolver(revisionResolver)
                .build();
    }

    /** Each person's key, in {@code person_key}, wrapped with the master key; a production node needs its own. */
    @Bean
    public PersonKeys personKeys(DataSource dataSource, PersonalDataProperties properties, Environment environment) {
        if (properties.usesLocalDevelopmentKey() && environment.acceptsProfiles(Profiles.of("production"))) {
            throw new IllegalStateException("TRACKER_PERSONAL_DATA_KEY still has its local default, which the docs"
                    + " publish; set TRACKER_PERSONAL_DATA_KEY (openssl rand -base64 32) before starting with the"
                    + " 'production' profile");
        }
        return new PersonKeys(dataSource, properties.wrappingKey());
    }

    @Bean
    public PersonalDataCipher personalDataCipher(PersonKeys personKeys) {
        return new PersonalDataCipher(personKeys);
    }

    /** Seals, once per database, the personal fields of events written before they were encrypted. */
    @Bean
    ApplicationRunner personalDataReencryption(DataSource dataSource, PersonalDataCipher personalDataCipher) {
        return arguments -> new PersonalDataReencryption(dataSource, personalDataCipher).run();
    }

    /**
     * The general serializer, used for snapshots and tokens: aggregates keep private fields without getters, so this
     * one reads and writes fields.
     */
    @Bean
    @Primary
    public Serializer serializer(RevisionResolver revisionResolver) {
        ObjectMapper mapper = recordMapper()
                .setVisibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
                .setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
                .setVisibility(PropertyAccessor.CREATOR, JsonAutoDetect.Visibility.ANY);
        return JacksonSerializer.builder()
                .objectMapper(mapper)
                .revisionResolver(revisionResolver)
                .build();
    }

    /** Kept private to Axon: an ObjectMapper bean would replace the one Spring MVC answers HTTP requests with. */
    private static ObjectMapper recordMapper() {
        return new ObjectMapper()
                .findAndRegisterModules()
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    @Bean
    public EventSchema eventSchema() {
        return EventSchema.builder()
                .eventTable("domain_event_entry")
                .snapshotTable("snapshot_event_entry")
                .globalIndexColumn("global_index")
                .timestampColumn("time_stamp")
                .eventIdentifierColumn("event_identifier")
                .aggregateIdentifierColumn("aggregate_identifier")
                .sequenceNumberColumn("sequence_number")
                .typeColumn("type")
                .payloadTypeColumn("payload_type")
                .payloadRevisionColumn("payload_revision")
                .payloadColumn("payload")
                .metaDataColumn("meta_data")
                .build();
    }

    @Bean
    public TokenSchema tokenSchema() {
        return TokenSchema.builder()
                .setTokenTable("token_entry")
                .setProcessorNameColumn("processor_name")
                .setSegmentColumn("segment")
                .setTokenColumn("token")
                .setTokenTypeColumn("token_type")
                .setTimestampColumn("time_stamp")
                .setOwnerColumn("owner")
                .build();
    }

    /**
     * Processors' positions in {@code token_entry}, claimed under this node's name ({@code TRACKER_NODE_ID}). Axon
     * names the owner after the JVM ({@code pid@host}), which two nodes in one JVM, or two containers that both run as
     * pid 1 on hosts of one name, share: both would then take every segment and apply each event twice.
     */
    @Bean
    public TokenStore tokenStore(
            ConnectionProvider connectionProvider,
            Serializer serializer,
            TokenSchema tokenSchema,
            TokenStoreProperties properties,
            NodeName nodeName) {
        return JdbcTokenStore.builder()
                .connectionProvider(connectionProvider)
                .schema(tokenSchema)
                .serializer(serializer)
                .claimTimeout(properties.getClaimTimeout())
                .nodeId(nodeName.value())
                .build();
    }

    @Bean
    public NodeName nodeName(@Value("${tracker.node-id:}") String nodeId) {
        return NodeName.of(nodeId);
    }

    /**
     * Tells Axon which failed appends are a second write to the same (aggregate, sequence). Axon's JDBC default only
     * recognises {@code SQLIntegrityConstraintViolationException}, which the PostgreSQL driver never throws: it reports
     * a unique violation as SQLState {@code 23505}. Without this, creating something twice or two concurrent changes to
     * one aggregate surface as a plain {@code EventStoreException} (HTTP 500) instead of a conflict (HTTP 409).
     */
    @Bean
    public PersistenceExceptionResolver persistenceExceptionResolver() {
        return EventStoreAutoConfiguration::isUniqueViolation;
    }

    static boolean isUniqueViolation(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    /** Announces every commit of appended events to the readers of all processes; see {@link EventsAppendedNotifier}. */
    @Bean
    EventsAppendedNotifier eventsAppendedNotifier(
            DataSource dataSource, EventBus eventBus, EventNotificationProperties properties) {
        EventsAppendedNotifier notifier = new EventsAppendedNotifier(dataSource, properties.notifyInterval());
        eventBus.subscribe(notifier::appended);
        return notifier;
    }

    /** The database's availability as a gauge and a log line per outage; see {@link DatabaseMonitor}. */
    @Bean
    DatabaseMonitor databaseMonitor(DataSource dataSource, MeterRegistry registry) {
        return new DatabaseMonitor(dataSource, registry);
    }

    /** One line at start when the server leaves this service fewer connections than its pool may open. */
    @Bean
    ConnectionBudget connectionBudget(DataSource dataSource) {
        return new ConnectionBudget(dataSource);
    }
}
