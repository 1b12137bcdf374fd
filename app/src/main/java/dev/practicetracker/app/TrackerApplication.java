package dev.practicetracker.app;

import dev.practicetracker.command.CommandSideApplication;
import dev.practicetracker.query.QuerySideApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

/**
 * Both services in one process: each service's own configuration (its component scan, its scheduling, its settings
 * file) is imported as it is, so the one-process app runs exactly the code of the two-process deployment.
 */
@SpringBootApplication
@Import({CommandSideApplication.class, QuerySideApplication.class})
public class TrackerApplication {

    public static void main(String[] args) {
        SpringApplication.run(TrackerApplication.class, args);
    }
}
