package dev.practicetracker.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.stream.Collectors;

/** The skill themes questions are grouped by, taken from hiring managers' interview tips. */
public enum Theme {
    COMMUNICATION("communication", "Communication", "Explaining complex logic to a non-technical listener"),
    TRADEOFFS(
            "tradeoffs",
            "The why behind choices",
            "Trade-offs such as ORM versus raw SQL, or one framework versus another"),
    PROBLEM_SOLVING(
            "problem-solving", "Problem solving", "Clarify, outline options, choose, and say the reasoning out loud"),
    DATABASES(
            "databases",
            "Databases",
            "SQL versus NoSQL, indexing, query optimisation, relationships, a real database story"),
    API_DESIGN("api-design", "API design", "REST design, asynchronous operations, designing a simple API live"),
    GIT("git", "Git and version control", "Branches, merges, conflicts, and why version control matters in a team"),
    SYSTEM_DESIGN(
            "system-design",
            "System design",
            "Scaling, high traffic, cloud services, a scalable authentication system"),
    SECURITY("security", "Security", "Hashing, JWT, OAuth and security best practices"),
    DEBUGGING("debugging", "Debugging", "Diagnosing broken APIs and slow queries, telling a debugging story"),
    FUNDAMENTALS("fundamentals", "Fundamentals", "Data structures, algorithms, core language and framework knowledge"),
    BUSINESS_IMPACT(
            "business-impact",
            "Business impact",
            "Connecting a technical change to users, cost and revenue; quantifying impact"),
    COMPANY_RESEARCH("company-research", "Company research", "Researching the company and asking insightful questions"),
    PORTFOLIO("portfolio", "Portfolio", "Walking through your own projects, their trade-offs and measured results");

    private final String id;
    private final String title;
    private final String covers;

    Theme(String id, String title, String covers) {
        this.id = id;
        this.title = title;
        this.covers = covers;
    }

    @JsonValue
    public String id() {
        return id;
    }

    public String title() {
        return title;
    }

    public String covers() {
        return covers;
    }

    @JsonCreator
    public static Theme fromId(String id) {
        return Arrays.stream(values())
                .filter(theme -> theme.id.equals(id))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown theme '" + id + "'; known themes: " + ids()));
    }

    public static String ids() {
        return Arrays.stream(values()).map(Theme::id).collect(Collectors.joining(", "));
    }
}
