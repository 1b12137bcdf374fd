package dev.practicetracker.query;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "dev.practicetracker.query", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /**
     * What every feature builds on: the application, the HTTP plumbing, who may see what, and how events arrive. A
     * feature may use them; they must never reach into a feature, or one feature's change ripples through all.
     */
    private static final String[] SHARED = {
        "dev.practicetracker.query",
        "dev.practicetracker.query.web..",
        "dev.practicetracker.query.access..",
        "dev.practicetracker.query.processing.."
    };

    /** Any package of the read side that is not shared is a feature, so a new feature is covered without a change here. */
    private static final DescribedPredicate<JavaClass> A_FEATURE = resideInAPackage("dev.practicetracker.query..")
            .and(not(resideInAnyPackage(SHARED)))
            .as("a feature of the read side");

    /**
     * The read side learns everything from events and answers queries; it never asks the write side to do anything.
     * (The poms keep the command side's classes off this classpath; Axon's command bus is on it.)
     */
    @ArchTest
    static final ArchRule query_side_sends_no_commands = noClasses()
            .that()
            .resideInAPackage("dev.practicetracker.query..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("org.axonframework.commandhandling..");

    @ArchTest
    static final ArchRule shared_packages_do_not_depend_on_features =
            noClasses().that().resideInAnyPackage(SHARED).should().dependOnClassesThat(A_FEATURE);

    /** Features may build on one another (a cohort's levels come from the profile), but never in a circle. */
    @ArchTest
    static final ArchRule packages_are_free_of_cycles =
            slices().matching("dev.practicetracker.query.(*)..").should().beFreeOfCycles();

    /** Projections write read models; they do not answer HTTP requests, and controllers do not handle events. */
    @ArchTest
    static final ArchRule controllers_do_not_handle_events = noClasses()
            .that()
            .haveSimpleNameEndingWith("Controller")
            .should()
            .dependOnClassesThat()
            .haveFullyQualifiedName("org.axonframework.eventhandling.EventHandler");

    @ArchTest
    static final ArchRule projections_do_not_depend_on_web = noClasses()
            .that()
            .haveSimpleNameEndingWith("Projection")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("org.springframework.web..");
}
