package dev.practicetracker.command.question;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

/**
 * Brings the question bank in line with the shipped catalogue at start-up, through the same commands as any other
 * change: adds what is missing, revises what the catalogue has reworded, and leaves the rest alone. Running it on a
 * second node or after a restart adds nothing twice: ids come from the catalogue's keys, and a concurrent add of the
 * same question is rejected by the event store's uniqueness of (aggregate, sequence), which Axon reports as an
 * {@link AggregateStreamCreationException} (not a {@link ConcurrencyException}) for a question's first event.
 */
@Component
@EnableConfigurationProperties(CatalogueProperties.class)
class CatalogueLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(CatalogueLoader.class);

    private final QuestionBank bank;
    private final CommandGateway commands;
    private final ObjectMapper mapper;
    private final Resource catalogue;
    private final boolean enabled;

    CatalogueLoader(QuestionBank bank, CommandGateway commands, ObjectMapper mapper, CatalogueProperties properties) {
        this.bank = bank;
        this.commands = commands;
        this.mapper = mapper;
        this.catalogue = properties.location();
        this.enabled = properties.loadOnStart();
    }

    @Override
    public void run(ApplicationArguments args) {
        if (enabled) {
            load();
        }
    }

    /** Returns how many questions were added and revised. */
    LoadResult load() {
        QuestionCatalogue read = QuestionCatalogue.read(catalogue, mapper);
        int added = 0;
        int revised = 0;
        int total = read.questions().size();
        for (QuestionCatalogue.Entry entry : read.questions()) {
            Optional<BankQuestion> existing = bank.find(entry.questionId());
            if (existing.isEmpty()) {
                added += add(entry) ? 1 : 0;
            } else if (existing.get().active() && differs(existing.get(), entry)) {
                commands.sendAndWait(new ReviseQuestionCommand(
                        entry.questionId(), entry.difficulty(), entry.prompt(), entry.strongAnswer()));
                revised++;
            }
        }
        log.info(
                "Question catalogue v{}: {} questions, {} added, {} revised, {} already up to date",
                read.version(),
                total,
                added,
                revised,
                total - added - revised);
        return new LoadResult(total, added, revised);
    }

    private boolean add(QuestionCatalogue.Entry entry) {
        try {
            commands.sendAndWait(new AddQuestionCommand(
                    entry.questionId(),
                    entry.theme(),
                    entry.difficulty(),
                    entry.prompt(),
                    entry.strongAnswer(),
                    "catalogue: " + entry.tip()));
            return true;
        } catch (AggregateStreamCreationException | ConcurrencyException e) {
            log.debug("Question {} was added by another node meanwhile", entry.key());
            return false;
        }
    }

    private static boolean differs(BankQuestion existing, QuestionCatalogue.Entry entry) {
        return existing.difficulty() != entry.difficulty()
                || !existing.prompt().equals(entry.prompt().strip())
                || !existing.strongAnswer().equals(entry.strongAnswer().strip());
    }

    record LoadResult(int total, int added, int revised) {}
}
