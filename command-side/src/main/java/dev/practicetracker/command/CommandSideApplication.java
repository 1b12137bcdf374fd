package dev.practicetracker.command;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The write side: takes commands over HTTP and appends the resulting events to PostgreSQL. */
@SpringBootApplication
public class CommandSideApplication {

    public static void main(String[] args) {
        // Read by Axon before Spring starts; without it the framework calls out to an update server at start-up.
        System.setProperty("axoniq.update-checker.disabled", "true");
        SpringApplication.run(CommandSideApplication.class, args);
    }
}
