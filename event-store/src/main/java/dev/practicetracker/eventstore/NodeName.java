package dev.practicetracker.eventstore;

import java.lang.management.ManagementFactory;

/**
 * This node's name among the nodes of its service on one database ({@code TRACKER_NODE_ID}): the owner of the
 * processor segments it claims in {@code token_entry}, and its row among the query nodes sharing them. Without a
 * setting it is Axon's own default, the JVM's {@code pid@host}.
 */
public record NodeName(String value) {

    public static NodeName of(String configured) {
        return new NodeName(
                configured == null || configured.isBlank()
                        ? ManagementFactory.getRuntimeMXBean().getName()
                        : configured.strip());
    }
}
