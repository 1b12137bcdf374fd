package dev.practicetracker.database;

import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Gives a test's application context a database of its own on a real PostgreSQL ({@link TestDatabases}). Use with
 * {@code @ContextConfiguration(initializers = FreshTestDatabase.class)}.
 */
public class FreshTestDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        String url = TestDatabases.createDatabase();
        context.getEnvironment()
                .getPropertySources()
                .addFirst(new MapPropertySource("freshTestDatabase", Map.of("spring.datasource.url", url)));
    }
}
