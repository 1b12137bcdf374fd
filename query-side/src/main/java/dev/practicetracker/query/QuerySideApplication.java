package dev.practicetracker.query;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The read side: projects the event store into read models and answers questions about them over HTTP. */
@SpringBootApplication
public class QuerySideApplication {

    public static void main(String[] args) {
        // Read by Axon before Spring starts; without it the framework calls out to an update server at start-up.
        System.setProperty("axoniq.update-checker.disabled", "true");
        SpringApplication.run(QuerySideApplication.class, args);
    }
}
