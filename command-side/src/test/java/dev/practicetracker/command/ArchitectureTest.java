package dev.practicetracker.command;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

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

    @ArchTest
    static final ArchRule command_side_does_not_depend_on_query_side = noClasses()
            .that()
            .resideInAPackage("dev.practicetracker.command..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("dev.practicetracker.query..");

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
