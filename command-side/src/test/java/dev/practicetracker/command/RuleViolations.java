package dev.practicetracker.command;

import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;

/** Matches a rejection by the rule it names, for fixture tests' {@code expectException}. */
public final class RuleViolations {

    private RuleViolations() {}

    public static Matcher<RuleViolation> violationOf(String rule) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(RuleViolation violation) {
                return rule.equals(violation.rule());
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a RuleViolation of rule ").appendValue(rule);
            }

            @Override
            protected void describeMismatchSafely(RuleViolation violation, Description description) {
                description.appendText("its rule was ").appendValue(violation.rule());
            }
        };
    }
}
