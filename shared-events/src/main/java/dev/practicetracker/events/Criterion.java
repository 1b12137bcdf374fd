package dev.practicetracker.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.stream.Collectors;

/** A rubric criterion an answer is scored on, 1 to 5. */
public enum Criterion {
    CLARITY("clarity", "Clarity", "Could a listener follow it without jargon getting in the way?"),
    REASONING("reasoning", "Reasoning and trade-offs", "Does it say why, weighing the options and their costs?"),
    TECHNICAL_DEPTH("technical-depth", "Technical depth", "Is it correct and specific, beyond buzzwords?"),
    STRUCTURE(
            "structure",
            "Structure of the approach",
            "Clarify, outline options, choose, verify: is the approach ordered?"),
    IMPACT("impact", "Impact", "Is the result quantified and tied to users, cost or revenue?");

    private final String id;
    private final String title;
    private final String question;

    Criterion(String id, String title, String question) {
        this.id = id;
        this.title = title;
        this.question = question;
    }

    @JsonValue
    public String id() {
        return id;
    }

    public String title() {
        return title;
    }

    public String question() {
        return question;
    }

    @JsonCreator
    public static Criterion fromId(String id) {
        return Arrays.stream(values())
                .filter(criterion -> criterion.id.equals(id))
                .findFirst()
                .orElseThrow(
                        () -> new IllegalArgumentException("unknown criterion '" + id + "'; known criteria: " + ids()));
    }

    public static String ids() {
        return Arrays.stream(values()).map(Criterion::id).collect(Collectors.joining(", "));
    }
}
