package dev.practicetracker.events;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.axonframework.serialization.Revision;

/** The events both sides share are a published language: plain, versioned records with no framework beneath them. */
@AnalyzeClasses(packages = "dev.practicetracker.events", importOptions = ImportOption.DoNotIncludeTests.class)
class PublishedLanguageTest {

    @ArchTest
    static final ArchRule shared_events_does_not_depend_on_spring_or_persistence = noClasses()
            .that()
            .resideInAPackage("dev.practicetracker.events..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.springframework..", "jakarta.persistence..", "java.sql..");

    /** {@code CandidateEvent} is the interface events of a candidate share, not an event, so it is left out. */
    @ArchTest
    static final ArchRule every_event_is_a_record_with_a_revision = classes()
            .that()
            .haveSimpleNameEndingWith("Event")
            .and()
            .areNotInterfaces()
            .should()
            .beRecords()
            .andShould()
            .beAnnotatedWith(Revision.class);
}
