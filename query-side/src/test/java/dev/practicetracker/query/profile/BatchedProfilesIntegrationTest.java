package dev.practicetracker.query.profile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.practicetracker.events.CandidateId;
import dev.practicetracker.query.ReadSideIntegrationTest;
import dev.practicetracker.query.Scenario;
import java.util.LinkedHashMap;
import java.util.Map;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.junit.jupiter.api.Test;

/**
 * The profile is recomputed once per candidate and theme per batch of events: the rows a catch-up writes in big
 * batches must equal those written when every event was processed in a batch of its own.
 */
class BatchedProfilesIntegrationTest extends ReadSideIntegrationTest {

    @Test
    void aCatchUpInBatchesWritesTheSameProfilesAndProgressAsProcessingEventByEvent() {
        Scenario scenario = new Scenario(3, 4, 23);
        for (Object event : scenario.events) {
            appendAndWait(event);
        }
        Map<String, String> eventByEvent = candidateRows(scenario);
        assertThat(eventByEvent.get("qs_skill_profile")).isNotBlank();
        assertThat(eventByEvent.get("qs_progress_daily")).isNotBlank();

        // Every event again from the first, with the read models emptied first (the processor's reset handlers), so
        // the catch-up meets many events of each candidate in one batch.
        PooledStreamingEventProcessor processor = processing
                .eventProcessor("read-models", PooledStreamingEventProcessor.class)
                .orElseThrow();
        processor.shutDown();
        processor.resetTokens();
        processor.start();
        awaitCaughtUp();

        assertThat(candidateRows(scenario)).isEqualTo(eventByEvent);
    }

    /** The scenario's candidates' rows of every table the profile feeds, as canonical text. */
    private Map<String, String> candidateRows(Scenario scenario) {
        String[] candidates =
                scenario.candidates.stream().map(CandidateId::value).toArray(String[]::new);
        Map<String, String> tables = new LinkedHashMap<>();
        for (String table : new String[] {"qs_skill_profile", "qs_progress_daily", "qs_rating", "qs_answer"}) {
            tables.put(
                    table,
                    jdbc.queryForObject(
                            "SELECT COALESCE(string_agg(t::text, E'\\n' ORDER BY t::text), '') FROM " + table
                                    + " t WHERE t.candidate_id = ANY (?)",
                            String.class,
                            (Object) candidates));
        }
        return tables;
    }
}
