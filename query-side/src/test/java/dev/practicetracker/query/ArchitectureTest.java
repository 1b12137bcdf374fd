package dev.practicetracker.query;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "dev.practicetracker.query", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** The read side learns everything from events; it never calls into the write side. */
    @ArchTest
    static final ArchRule query_side_does_not_depend_on_command_side = noClasses()
            .that()
            .resideInAPackage("dev.practicetracker.query..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("dev.practicetracker.command..");

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
