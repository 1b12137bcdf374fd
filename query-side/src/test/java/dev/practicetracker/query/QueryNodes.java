package dev.practicetracker.query;

import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Query-side nodes in the test's JVM, on one database, for the tests of what several nodes share. */
public final class QueryNodes {

    private QueryNodes() {}

    /**
     * A node under a name of its own ({@code TRACKER_NODE_ID}): two in one JVM would otherwise claim the processor's
     * segments as one owner (Axon's pid@host). {@code settings} are further {@code --name=value} arguments.
     */
    public static ConfigurableApplicationContext start(String database, String name, String... settings) {
        List<String> arguments = new ArrayList<>(List.of(
                "--spring.datasource.url=" + database,
                "--server.port=0",
                "--TRACKER_EMBEDDED_DATABASE=false",
                "--DATABASE_POOL_SIZE=4",
                "--TRACKER_NODE_ID=" + name));
        arguments.addAll(List.of(settings));
        return new SpringApplicationBuilder(QuerySideApplication.class).run(arguments.toArray(String[]::new));
    }
}
