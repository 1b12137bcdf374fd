package dev.practicetracker.query;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The read side: projects the event store into read models and answers questions about them over HTTP. Scheduling
 * samples the gauges that are read from the store and the read model (projection lag, review queues, cohorts).
 */
@SpringBootApplication
@EnableScheduling
public class QuerySideApplication {

    public static void main(String[] args) {
        SpringApplication.run(QuerySideApplication.class, args);
    }
}
