package dev.practicetracker.query.question;

import dev.practicetracker.events.Theme;
import dev.practicetracker.query.web.BadRequest;
import dev.practicetracker.query.web.Page;
import dev.practicetracker.query.web.PageRequest;
import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The question bank, guidance included, and the themes it is organised by. */
@RestController("questionQueryController") // the command side has a QuestionController too, and the app has both
@RequestMapping("/api")
class QuestionController {

    private final QuestionQueries queries;

    QuestionController(QuestionQueries queries) {
        this.queries = queries;
    }

    /**
     * {@code theme} is a theme id such as {@code databases}; it is read here rather than bound to {@link Theme}, since
     * the default enum binding expects the constant's name and would not say which themes exist.
     */
    @Operation(summary = "The question bank, filtered by theme and by active or retired; pages of 1 to 100")
    @GetMapping("/questions")
    Page<QuestionView> questions(
            @RequestParam(required = false) String theme,
            @RequestParam(required = false) Boolean active,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        return queries.questions(theme(theme), active, new PageRequest(page, size));
    }

    @Operation(summary = "One question of the bank with its guidance")
    @GetMapping("/questions/{questionId}")
    QuestionView question(@PathVariable String questionId) {
        return queries.question(questionId);
    }

    @Operation(summary = "The themes questions are grouped by")
    @GetMapping("/themes")
    List<ThemeView> themes() {
        return queries.themes();
    }

    private static Theme theme(String theme) {
        if (theme == null || theme.isBlank()) {
            return null;
        }
        try {
            return Theme.fromId(theme);
        } catch (IllegalArgumentException e) {
            throw new BadRequest("theme", "must be one of " + Theme.ids());
        }
    }
}
