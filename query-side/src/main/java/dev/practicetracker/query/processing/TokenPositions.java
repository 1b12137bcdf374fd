package dev.practicetracker.query.processing;

import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Where a processor's segments are in the event store: a segment this node works on from memory, any other from its
 * stored token (which trails for a segment without events of its own in recent batches: Axon stores it only when it
 * extends its claim).
 */
@Component
public class TokenPositions {

    private final JdbcTemplate jdbc;
    private final Serializer serializer;

    TokenPositions(JdbcTemplate jdbc, Serializer serializer) {
        this.jdbc = jdbc;
        this.serializer = serializer;
    }

    /** The position of each segment of {@code processor}; a segment without a token yet counts as 0. */
    public List<Long> of(String name, StreamingEventProcessor processor) {
        Map<Integer, EventTrackerStatus> owned = processor.processingStatus();
        return jdbc.query(
                "SELECT segment, token, token_type FROM token_entry WHERE processor_name = ?",
                (rs, i) -> {
                    EventTrackerStatus status = owned.get(rs.getInt("segment"));
                    OptionalLong position = status != null
                            ? status.getCurrentPosition()
                            : stored(rs.getBytes("token"), rs.getString("token_type"));
                    return position.orElse(0);
                },
                name);
    }

    /** The stored position of each segment of {@code processor}, whoever works on it. */
    public List<Long> stored(String name) {
        return jdbc.query(
                "SELECT token, token_type FROM token_entry WHERE processor_name = ?",
                (rs, i) ->
                        stored(rs.getBytes("token"), rs.getString("token_type")).orElse(0),
                name);
    }

    /** Whether this node works on every segment {@code processor} has stored. */
    public boolean allOwnedHere(String name, StreamingEventProcessor processor) {
        Integer segments =
                jdbc.queryForObject("SELECT COUNT(*) FROM token_entry WHERE processor_name = ?", Integer.class, name);
        return segments != null && segments > 0 && processor.processingStatus().size() == segments;
    }

    private OptionalLong stored(byte[] token, String type) {
        if (token == null || type == null) {
            return OptionalLong.empty();
        }
        TrackingToken tracking = serializer.deserialize(new SimpleSerializedObject<>(token, byte[].class, type, null));
        return tracking == null ? OptionalLong.empty() : tracking.position();
    }
}
