package dev.practicetracker.events;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A text field of an event that is personal data of one person, the owner: the event store keeps it encrypted with
 * that person's key, and once the person is erased (the key deleted) it reads as {@link Kind#placeholder()}. The owner
 * is named by the record component that holds their id ({@code accountId}, {@code candidateId}).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
public @interface PersonalData {

    /** The name of the record component whose value is the id of the person this field is about. */
    String owner();

    Kind kind() default Kind.TEXT;

    /** What an erased field reads as: a name shows as "erased person", anything written as "[erased]". */
    enum Kind {
        NAME("erased person"),
        TEXT("[erased]");

        private final String placeholder;

        Kind(String placeholder) {
            this.placeholder = placeholder;
        }

        public String placeholder() {
            return placeholder;
        }
    }
}
