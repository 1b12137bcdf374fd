package dev.practicetracker.command;

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
import org.axonframework.spring.stereotype.Aggregate;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Controller;
import org.springframework.stereotype.Repository;
import org.springframework.stereotype.Service;
import org.springframework.web.bind.annotation.RestController;

@AnalyzeClasses(packages = "dev.practicetracker.command", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /**
     * What every feature builds on: the application and the refusals it answers with (root package), and the HTTP
     * plumbing. A feature may use them; they must never reach into a feature.
     */
    private static final String[] SHARED = {"dev.practicetracker.command", "dev.practicetracker.command.web.."};

    /** Any package of the write side that is not shared is a feature, so a new feature is covered without a change. */
    private static final DescribedPredicate<JavaClass> A_FEATURE = resideInAPackage("dev.practicetracker.command..")
            .and(not(resideInAnyPackage(SHARED)))
            .as("a feature of the write side");

    /**
     * The write side decides from its aggregates and its own lookup tables, never from the read side's answers, which
     * lag behind the events. (The poms keep the query side's classes off this classpath; Axon's query bus is on it.)
     */
    @ArchTest
    static final ArchRule command_side_asks_no_queries = noClasses()
            .that()
            .resideInAPackage("dev.practicetracker.command..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("org.axonframework.queryhandling..");

    @ArchTest
    static final ArchRule shared_packages_do_not_depend_on_features =
            noClasses().that().resideInAnyPackage(SHARED).should().dependOnClassesThat(A_FEATURE);

    /** Features may build on one another (a session checks the cohort roster), but never in a circle. */
    @ArchTest
    static final ArchRule packages_are_free_of_cycles =
            slices().matching("dev.practicetracker.command.(*)..").should().beFreeOfCycles();

    /** Only a controller (and the request and response records nested in it) speaks HTTP. */
    @ArchTest
    static final ArchRule features_do_not_depend_on_the_web_layer_except_their_controllers = noClasses()
            .that()
            .resideInAnyPackage(
                    "dev.practicetracker.command.session..",
                    "dev.practicetracker.command.cohort..",
                    "dev.practicetracker.command.question..")
            .and()
            .haveNameNotMatching(".*Controller(\\$.*)?")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("dev.practicetracker.command.web..");

    /**
     * Axon's {@code @Aggregate} is itself a prototype-scoped {@code @Component}, so that Axon can create instances; an
     * aggregate must not also be a Spring bean of its own (singleton stereotype) nor reach into Spring: what it needs
     * arrives as command handler parameters.
     */
    @ArchTest
    static final ArchRule aggregates_are_not_spring_components = noClasses()
            .that()
            .areAnnotatedWith(Aggregate.class)
            .should()
            .beAnnotatedWith(Component.class)
            .orShould()
            .beAnnotatedWith(Service.class)
            .orShould()
            .beAnnotatedWith(Repository.class)
            .orShould()
            .beAnnotatedWith(Controller.class)
            .orShould()
            .beAnnotatedWith(RestController.class)
            .orShould()
            .beAnnotatedWith(Configuration.class)
            .orShould()
            .dependOnClassesThat()
            .resideInAPackage("org.springframework..");
}
