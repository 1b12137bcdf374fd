package dev.practicetracker.eventstore.personal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.practicetracker.events.PersonalData;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.lang.Nullable;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one-off migration of events written before personal fields were sealed: each such field is sealed in place with
 * its owner's key (an erased person's becomes the placeholder), once per database, by whichever node starts first (an
 * advisory lock keeps the others waiting, then they find it done). The one change ever made to a stored event: the
 * same event, with its personal text no longer readable without the key.
 */
public class PersonalDataReencryption {

    private static final Logger log = LoggerFactory.getLogger(PersonalDataReencryption.class);
    private static final int BATCH = 500;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final PersonalDataCipher cipher;
    private final ObjectMapper json = new ObjectMapper();

    public PersonalDataReencryption(DataSource dataSource, PersonalDataCipher cipher) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        this.cipher = cipher;
    }

    private record Stored(long globalIndex, byte[] payload) {}

    /** Seals what is still in clear, unless done already; the number of events changed. */
    public long run() {
        Long fixed = transaction.execute(status -> {
            jdbc.queryForObject("SELECT pg_advisory_xact_lock(hashtext('personal_data_reencryption'))", Object.class);
            Integer done = jdbc.queryForObject("SELECT count(*) FROM personal_data_reencryption", Integer.class);
            if (done != null && done > 0) {
                return -1L;
            }
            long changed = 0;
            for (String type :
                    jdbc.queryForList("SELECT DISTINCT payload_type FROM domain_event_entry", String.class)) {
                Map<String, PersonalData> fields = fieldsOf(type);
                if (!fields.isEmpty()) {
                    changed += seal(type, fields);
                }
            }
            jdbc.update(
                    "INSERT INTO personal_data_reencryption (id, done_at, events_fixed) VALUES (1, now(), ?)", changed);
            return changed;
        });
        long result = fixed == null ? -1 : fixed;
        if (result >= 0) {
            log.info("Sealed the personal fields of {} events written before they were encrypted", result);
        }
        return result;
    }

    private long seal(String type, Map<String, PersonalData> fields) {
        long changed = 0;
        long after = -1;
        while (true) {
            List<Stored> rows = jdbc.query(
                    "SELECT global_index, payload FROM domain_event_entry WHERE payload_type = ? AND global_index > ?"
                            + " ORDER BY global_index LIMIT " + BATCH,
                    (rs, i) -> new Stored(rs.getLong(1), rs.getBytes(2)),
                    type,
                    after);
            if (rows.isEmpty()) {
                return changed;
            }
            for (Stored row : rows) {
                after = row.globalIndex();
                byte[] sealed = sealed(row.payload(), fields);
                if (sealed != null) {
                    jdbc.update("UPDATE domain_event_entry SET payload = ? WHERE global_index = ?", sealed, after);
                    changed++;
                }
            }
        }
    }

    /** The payload with its clear personal fields sealed, or null when there was nothing in clear. */
    @Nullable
    private byte[] sealed(byte[] payload, Map<String, PersonalData> fields) {
        try {
            JsonNode tree = json.readTree(payload);
            if (!(tree instanceof ObjectNode event)) {
                return null;
            }
            boolean changed = false;
            for (Map.Entry<String, PersonalData> field : fields.entrySet()) {
                JsonNode value = event.get(field.getKey());
                JsonNode owner = event.get(field.getValue().owner());
                if (value != null
                        && value.isTextual()
                        && !PersonalDataCipher.isSealed(value.asText())
                        && owner != null
                        && owner.isTextual()) {
                    event.put(
                            field.getKey(),
                            cipher.seal(
                                    owner.asText(),
                                    value.asText(),
                                    field.getValue().kind()));
                    changed = true;
                }
            }
            return changed ? json.writeValueAsBytes(event) : null;
        } catch (IOException e) {
            throw new IllegalStateException("an event payload is not JSON", e);
        }
    }

    private static Map<String, PersonalData> fieldsOf(String type) {
        try {
            return PersonalDataModule.fieldsOf(Class.forName(type));
        } catch (ClassNotFoundException e) {
            return Map.of();
        }
    }
}
