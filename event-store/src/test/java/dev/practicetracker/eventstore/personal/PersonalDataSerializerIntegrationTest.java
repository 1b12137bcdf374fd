package dev.practicetracker.eventstore.personal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.practicetracker.database.TestDatabases;
import dev.practicetracker.events.CandidateEvent;
import dev.practicetracker.events.CandidateId;
import dev.practicetracker.events.CohortId;
import dev.practicetracker.events.PersonId;
import dev.practicetracker.events.PersonalData;
import dev.practicetracker.events.QuestionId;
import dev.practicetracker.events.RaterRole;
import dev.practicetracker.events.Role;
import dev.practicetracker.events.RubricScores;
import dev.practicetracker.events.SessionId;
import dev.practicetracker.events.Theme;
import dev.practicetracker.events.account.AccountCreatedEvent;
import dev.practicetracker.events.account.AccountEvent;
import dev.practicetracker.events.account.PersonErasedEvent;
import dev.practicetracker.events.session.AnswerRatedEvent;
import dev.practicetracker.events.session.QuestionAnsweredEvent;
import dev.practicetracker.eventstore.EventStoreAutoConfiguration;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.axonframework.serialization.AnnotationRevisionResolver;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** The event serializer with a real key table: what is stored, what reads back, and what an erasure leaves. */
class PersonalDataSerializerIntegrationTest {

    private static final Instant AT = Instant.parse("2026-03-01T10:00:00Z");

    private DataSource dataSource;
    private Serializer serializer;
    private PersonKeys keys;

    @BeforeEach
    void freshDatabase() {
        dataSource = new DriverManagerDataSource(TestDatabases.createDatabase());
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/eventstore")
                .load()
                .migrate();
        keys = new PersonKeys(dataSource, new PersonalDataProperties("").wrappingKey());
        serializer = serializerOn(keys);
    }

    private static Serializer serializerOn(PersonKeys keys) {
        return new EventStoreAutoConfiguration()
                .eventSerializer(new AnnotationRevisionResolver(), new PersonalDataCipher(keys));
    }

    @Test
    void storesNamesAndAnswersSealedAndReadsThemBack() {
        AccountCreatedEvent account = account("amara", "amara-k", "Amara Okafor");
        QuestionAnsweredEvent answer = answer("amara", "I would add an index on the foreign key first");

        String storedAccount = stored(account);
        String storedAnswer = stored(answer);

        assertThat(storedAccount).doesNotContain("amara-k", "Amara Okafor").contains("\"accountId\":\"amara\"");
        assertThat(storedAnswer).doesNotContain("index on the foreign key").contains("\"theme\"");
        assertThat(readBack(account)).isEqualTo(account);
        assertThat(readBack(answer)).isEqualTo(answer);
    }

    @Test
    void sealsTheSameTextDifferentlyEachTime() {
        AccountCreatedEvent account = account("amara", "amara-k", "Amara Okafor");

        assertThat(stored(account)).isNotEqualTo(stored(account));
    }

    @Test
    void keepsAnAbsentCommentAbsent() {
        AnswerRatedEvent rating = rating("amara", null);

        assertThat(readBack(rating).comment()).isNull();
    }

    @Test
    void anErasedPersonReadsAsPlaceholdersWhileEveryoneElseReadsAsWritten() {
        SerializedObject<byte[]> amaraAccount =
                serializer.serialize(account("amara", "amara-k", "Amara Okafor"), byte[].class);
        SerializedObject<byte[]> amaraAnswer =
                serializer.serialize(answer("amara", "a known answer text"), byte[].class);
        SerializedObject<byte[]> amaraRating = serializer.serialize(rating("amara", "good trade-offs"), byte[].class);
        AccountCreatedEvent bruno = account("bruno", "bruno-s", "Bruno Silva");
        QuestionAnsweredEvent brunoAnswer = answer("bruno", "bruno's own answer");
        SerializedObject<byte[]> brunoAccount = serializer.serialize(bruno, byte[].class);
        SerializedObject<byte[]> brunoAnswered = serializer.serialize(brunoAnswer, byte[].class);

        assertThat(keys.erase("amara", AT)).isTrue();

        AccountCreatedEvent erased = serializer.deserialize(amaraAccount);
        assertThat(erased.username()).isEqualTo("erased person");
        assertThat(erased.displayName()).isEqualTo("erased person");
        assertThat(erased.role()).isEqualTo(Role.CANDIDATE);
        assertThat(((QuestionAnsweredEvent) serializer.deserialize(amaraAnswer)).answer())
                .isEqualTo("[erased]");
        AnswerRatedEvent rating = serializer.deserialize(amaraRating);
        assertThat(rating.comment()).isEqualTo("[erased]");
        assertThat(rating.scores()).isEqualTo(scores());
        assertThat((Object) serializer.deserialize(brunoAccount)).isEqualTo(bruno);
        assertThat((Object) serializer.deserialize(brunoAnswered)).isEqualTo(brunoAnswer);
    }

    @Test
    void aLostKeyDoesNotStopTheReplayOfAnyoneElse() {
        List<SerializedObject<byte[]>> history = new ArrayList<>();
        for (String person : List.of("amara", "bruno", "chloe")) {
            history.add(serializer.serialize(account(person, person + "-user", person + " Name"), byte[].class));
            history.add(serializer.serialize(answer(person, person + " answers"), byte[].class));
        }
        new JdbcTemplate(dataSource).update("DELETE FROM person_key WHERE person_id = 'bruno'");
        Serializer freshNode = serializerOn(new PersonKeys(dataSource, new PersonalDataProperties("").wrappingKey()));

        List<String> replayed = history.stream()
                .map(freshNode::deserialize)
                .map(PersonalDataSerializerIntegrationTest::personalText)
                .toList();

        assertThat(replayed)
                .containsExactly(
                        "amara Name", "amara answers", "erased person", "[erased]", "chloe Name", "chloe answers");
    }

    @Test
    void anotherNodeStopsReadingOnceItForgetsTheErasedKey() {
        SerializedObject<byte[]> answer = serializer.serialize(answer("amara", "a known answer text"), byte[].class);
        PersonKeys otherNodeKeys = new PersonKeys(dataSource, new PersonalDataProperties("").wrappingKey());
        Serializer otherNode = serializerOn(otherNodeKeys);
        assertThat(((QuestionAnsweredEvent) otherNode.deserialize(answer)).answer())
                .isEqualTo("a known answer text");

        keys.erase("amara", AT);
        otherNodeKeys.forget("amara");

        assertThat(((QuestionAnsweredEvent) otherNode.deserialize(answer)).answer())
                .isEqualTo("[erased]");
    }

    @Test
    void writesNothingPersonalForSomeoneErasedAlready() {
        keys.erase("amara", AT);

        String stored = stored(answer("amara", "written after the erasure"));

        assertThat(stored).doesNotContain("written after the erasure").contains("[erased]");
        assertThat(new JdbcTemplate(dataSource)
                        .queryForObject("SELECT count(*) FROM person_key WHERE wrapped_key IS NOT NULL", Long.class))
                .isZero();
    }

    @Test
    void aSealedValueCopiedIntoAnotherPersonsEventDoesNotOpen() {
        String sealed = stored(answer("amara", "amara's answer"));
        serializer.serialize(answer("bruno", "bruno's"), byte[].class);
        String forged = sealed.replace("\"candidateId\":\"amara\"", "\"candidateId\":\"bruno\"");

        QuestionAnsweredEvent read = serializer.deserialize(new SimpleSerializedObject<>(
                forged.getBytes(StandardCharsets.UTF_8),
                byte[].class,
                serializer.typeForClass(QuestionAnsweredEvent.class)));

        assertThat(read.answer()).isEqualTo("[erased]");
    }

    @Test
    void readsFieldsWrittenBeforeSealingAsTheyAreUntilThePersonIsErased() {
        String plain =
                stored(answer("amara", "x")).replaceAll("\"answer\":\"[^\"]*\"", "\"answer\":\"written in clear\"");
        SerializedObject<byte[]> legacy = new SimpleSerializedObject<>(
                plain.getBytes(StandardCharsets.UTF_8),
                byte[].class,
                serializer.typeForClass(QuestionAnsweredEvent.class));

        assertThat(((QuestionAnsweredEvent) serializer.deserialize(legacy)).answer())
                .isEqualTo("written in clear");
        keys.erase("amara", AT);
        assertThat(((QuestionAnsweredEvent) serializer.deserialize(legacy)).answer())
                .isEqualTo("[erased]");
    }

    @Test
    void theOneOffMigrationSealsFieldsWrittenInClearOnceAndErasedPeopleLoseThem() {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        jdbc.update("DELETE FROM personal_data_reencryption");
        insertInClear(
                jdbc, 1, "amara", "{\"sessionId\":\"s\",\"candidateId\":\"amara\",\"answer\":\"amara in clear\"}");
        insertInClear(
                jdbc, 2, "bruno", "{\"sessionId\":\"s\",\"candidateId\":\"bruno\",\"answer\":\"bruno in clear\"}");
        keys.erase("bruno", AT);
        PersonalDataReencryption migration = new PersonalDataReencryption(dataSource, new PersonalDataCipher(keys));

        assertThat(migration.run()).isEqualTo(2);
        assertThat(migration.run()).isEqualTo(-1);

        List<String> payloads = jdbc.queryForList(
                "SELECT convert_from(payload, 'UTF8') FROM domain_event_entry ORDER BY global_index", String.class);
        assertThat(payloads.get(0)).doesNotContain("amara in clear").contains("pd1:");
        assertThat(payloads.get(1)).doesNotContain("bruno in clear").contains("[erased]");
        QuestionAnsweredEvent amara = serializer.deserialize(new SimpleSerializedObject<>(
                payloads.get(0).getBytes(StandardCharsets.UTF_8),
                byte[].class,
                serializer.typeForClass(QuestionAnsweredEvent.class)));
        assertThat(amara.answer()).isEqualTo("amara in clear");
    }

    private static void insertInClear(JdbcTemplate jdbc, int sequence, String aggregate, String json) {
        jdbc.update(
                "INSERT INTO domain_event_entry (aggregate_identifier, sequence_number, type, event_identifier, payload,"
                        + " payload_revision, payload_type, time_stamp) VALUES (?, ?, 'Session', ?, ?, '1', ?, ?)",
                aggregate,
                sequence,
                UUID.randomUUID().toString(),
                json.getBytes(StandardCharsets.UTF_8),
                QuestionAnsweredEvent.class.getName(),
                AT.toString());
    }

    /**
     * A new event about a person with a name, an answer or a comment in it and no mark would keep that text for ever.
     * Events about questions and cohorts hold the product's texts; the erasure's reason is the product's record of it.
     */
    @Test
    void everyPersonalFieldOfEveryEventIsMarkedWithAnOwnerItCarries() throws Exception {
        List<String> unmarked = new ArrayList<>();
        for (Class<?> event : eventClasses()) {
            boolean aboutAPerson =
                    CandidateEvent.class.isAssignableFrom(event) || AccountEvent.class.isAssignableFrom(event);
            if (!aboutAPerson || event == PersonErasedEvent.class) {
                continue;
            }
            Map<String, PersonalData> fields = PersonalDataModule.fieldsOf(event);
            for (var component : event.getRecordComponents()) {
                PersonalData personal = fields.get(component.getName());
                if (personal != null) {
                    assertThat(event.getMethod(personal.owner()).getReturnType())
                            .as(event.getSimpleName() + "." + component.getName() + "'s owner")
                            .isIn(PersonId.class, CandidateId.class);
                } else if (component.getType() == String.class && looksPersonal(component.getName())) {
                    unmarked.add(event.getSimpleName() + "." + component.getName());
                }
            }
        }
        assertThat(unmarked).isEmpty();
        assertThat(PersonalDataModule.fieldsOf(AccountCreatedEvent.class)).containsOnlyKeys("username", "displayName");
    }

    private static boolean looksPersonal(String name) {
        return name.matches("(?i).*(name|answer|comment|reason|note|text)");
    }

    private static List<Class<?>> eventClasses() throws ClassNotFoundException {
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(
                (reader, factory) -> reader.getClassMetadata().getClassName().endsWith("Event"));
        List<Class<?>> classes = new ArrayList<>();
        for (BeanDefinition definition : scanner.findCandidateComponents("dev.practicetracker.events")) {
            Class<?> type = Class.forName(definition.getBeanClassName());
            if (type.isRecord()) {
                classes.add(type);
            }
        }
        assertThat(classes).hasSizeGreaterThan(20);
        return classes;
    }

    private static String personalText(Object event) {
        if (event instanceof AccountCreatedEvent account) {
            return account.displayName();
        }
        return ((QuestionAnsweredEvent) event).answer();
    }

    private String stored(Object event) {
        return new String(serializer.serialize(event, byte[].class).getData(), StandardCharsets.UTF_8);
    }

    @SuppressWarnings("unchecked")
    private <T> T readBack(T event) {
        return (T) serializer.deserialize(serializer.serialize(event, byte[].class));
    }

    private static AccountCreatedEvent account(String id, String username, String displayName) {
        return new AccountCreatedEvent(
                PersonId.of(id), username, displayName, Role.CANDIDATE, PersonId.of("admin"), AT);
    }

    private static QuestionAnsweredEvent answer(String candidate, String text) {
        return new QuestionAnsweredEvent(
                SessionId.of("s-" + candidate),
                CandidateId.of(candidate),
                CohortId.of("cohort"),
                QuestionId.of("q1"),
                Theme.DATABASES,
                text,
                90,
                AT);
    }

    private static AnswerRatedEvent rating(String candidate, String comment) {
        return new AnswerRatedEvent(
                SessionId.of("s-" + candidate),
                CandidateId.of(candidate),
                CohortId.of("cohort"),
                QuestionId.of("q1"),
                Theme.DATABASES,
                PersonId.of("coach"),
                RaterRole.COACH,
                scores(),
                comment,
                AT);
    }

    private static RubricScores scores() {
        return new RubricScores(4, 3, 5, 4, 2);
    }
}
