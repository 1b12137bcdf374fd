package dev.practicetracker.command.question;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.practicetracker.events.Difficulty;
import dev.practicetracker.events.Ids;
import dev.practicetracker.events.QuestionId;
import dev.practicetracker.events.Theme;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.springframework.core.io.Resource;

/**
 * The question catalogue shipped with the product, written from hiring managers' interview tips. Its keys are
 * permanent: a question's id is derived from its key, so loading the catalogue again finds the same questions.
 */
public record QuestionCatalogue(int version, List<Entry> questions) {

    public record Entry(
            String key, Theme theme, Difficulty difficulty, String prompt, String strongAnswer, String tip) {

        public QuestionId questionId() {
            return new QuestionId(Ids.derive("catalogue-question", key));
        }
    }

    public static QuestionCatalogue read(Resource resource, ObjectMapper mapper) {
        try (InputStream in = resource.getInputStream()) {
            return mapper.readValue(in, QuestionCatalogue.class);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the question catalogue " + resource, e);
        }
    }
}
