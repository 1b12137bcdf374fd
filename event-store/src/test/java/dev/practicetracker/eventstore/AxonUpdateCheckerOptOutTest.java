package dev.practicetracker.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.annotation.Configuration;

/** Started as every launcher starts it, a Spring application with the event store on its classpath stays offline. */
class AxonUpdateCheckerOptOutTest {

    private String before;

    @BeforeEach
    void forgetTheProperty() {
        before = System.clearProperty(AxonUpdateCheckerOptOut.PROPERTY);
    }

    @AfterEach
    void restoreTheProperty() {
        if (before == null) {
            System.clearProperty(AxonUpdateCheckerOptOut.PROPERTY);
        } else {
            System.setProperty(AxonUpdateCheckerOptOut.PROPERTY, before);
        }
    }

    @Test
    void anApplicationStartedWithoutAnyFlagHasTheUpdateCheckerTurnedOff() {
        start();

        assertThat(System.getProperty(AxonUpdateCheckerOptOut.PROPERTY)).isEqualTo("true");
    }

    @Test
    void anOperatorWhoAsksForTheUpdateCheckerKeepsIt() {
        System.setProperty(AxonUpdateCheckerOptOut.PROPERTY, "false");

        start();

        assertThat(System.getProperty(AxonUpdateCheckerOptOut.PROPERTY)).isEqualTo("false");
    }

    private static void start() {
        new SpringApplicationBuilder(Nothing.class)
                .web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                // Named only so that local-database's post-processor looks for no PostgreSQL: nothing connects.
                .properties("spring.datasource.url=jdbc:postgresql://127.0.0.1:1/unused")
                .run()
                .close();
    }

    @Configuration(proxyBeanMethods = false)
    static class Nothing {}
}
