package dev.practicetracker.query.processing;

import dev.practicetracker.eventstore.NotifiedEventSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.axonframework.eventhandling.deadletter.DeadLetteringEventHandlerInvoker;
import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcSequencedDeadLetterQueue;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.messaging.StreamableMessageSource;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/**
 * The processor a rebuild replays the event store with: the live processor's projections, sequencing and dead-letter
 * handling, under its own name (so its own tokens and dead letters), from the first event, writing into the rebuild's
 * tables ({@link ReadModelTables#intoBuildTables}). Axon builds the live processor from the settings; this one is
 * built here, as Axon's configuration would start it with the application and give each projection to one processor
 * only.
 */
@Component
public class RebuildProcessor implements DisposableBean {

    private final ApplicationContext context;
    private final Configuration axon;
    private final TokenStore tokens;
    private final NotifiedEventSource events;
    private final TransactionManager transactions;
    private final ConnectionProvider connections;
    private final DeadLetterSchema deadLetterSchema;
    private final SequencingPolicy<EventMessage<?>> sequencing;
    private final ReadModelTables tables;
    private final int batchSize;
    private final int threads;
    private final List<ScheduledExecutorService> executors = new ArrayList<>();
    private PooledStreamingEventProcessor processor;

    @SuppressWarnings("java:S107") // the parts Axon's configuration would otherwise hand a processor
    RebuildProcessor(
            ApplicationContext context,
            Configuration axon,
            TokenStore tokens,
            NotifiedEventSource events,
            TransactionManager transactions,
            ConnectionProvider connections,
            DeadLetterSchema deadLetterSchema,
            SequencingPolicy<EventMessage<?>> candidateSequencingPolicy,
            ReadModelTables tables,
            @Value("${axon.eventhandling.processors.read-models.batch-size:100}") int batchSize,
            @Value("${axon.eventhandling.processors.read-models.thread-count:4}") int threads) {
        this.context = context;
        this.axon = axon;
        this.tokens = tokens;
        this.events = events;
        this.transactions = transactions;
        this.connections = connections;
        this.deadLetterSchema = deadLetterSchema;
        this.sequencing = candidateSequencingPolicy;
        this.tables = tables;
        this.batchSize = batchSize;
        this.threads = threads;
    }

    /**
     * The processor over the read-model projections, made the first time and then started and stopped for each rebuild;
     * {@code segments} is how many segments a rebuild without stored tokens starts with (as many as the live one has).
     */
    public synchronized PooledStreamingEventProcessor processor(int segments) {
        if (processor == null) {
            processor = create(segments);
        }
        return processor;
    }

    private PooledStreamingEventProcessor create(int segments) {
        List<Object> projections = projections();
        JdbcSequencedDeadLetterQueue<EventMessage<?>> deadLetters = JdbcSequencedDeadLetterQueue.builder()
                .processingGroup(ReadModels.REBUILD_PROCESSOR)
                .connectionProvider(connections)
                .transactionManager(transactions)
                .schema(deadLetterSchema)
                .genericSerializer(axon.serializer())
                .eventSerializer(axon.eventSerializer())
                .build();
        DeadLetteringEventHandlerInvoker invoker = DeadLetteringEventHandlerInvoker.builder()
                .eventHandlers(projections)
                .parameterResolverFactory(axon.parameterResolverFactory())
                .handlerDefinition(axon.handlerDefinition(projections.get(0).getClass()))
                .sequencingPolicy(sequencing)
                .queue(deadLetters)
                .transactionManager(transactions)
                .build();
        return PooledStreamingEventProcessor.builder()
                .name(ReadModels.REBUILD_PROCESSOR)
                .eventHandlerInvoker(invoker)
                .messageSource(events)
                .tokenStore(tokens)
                .transactionManager(tables.intoBuildTables(transactions))
                .coordinatorExecutor(executor("rebuild-coordinator", 1))
                .workerExecutor(executor("rebuild-worker", threads))
                .initialSegmentCount(segments)
                .initialToken(StreamableMessageSource::createTailToken)
                .batchSize(batchSize)
                .build();
    }

    /** Every bean of the read models' processing group, as Axon's configuration gives them to the live processor. */
    private List<Object> projections() {
        List<Object> projections = new ArrayList<>();
        for (Map.Entry<String, Object> bean :
                context.getBeansWithAnnotation(ProcessingGroup.class).entrySet()) {
            ProcessingGroup group = context.findAnnotationOnBean(bean.getKey(), ProcessingGroup.class);
            if (group != null && ReadModels.PROCESSOR.equals(group.value())) {
                projections.add(bean.getValue());
            }
        }
        if (projections.isEmpty()) {
            throw new IllegalStateException("no projection in processing group " + ReadModels.PROCESSOR);
        }
        return projections;
    }

    private ScheduledExecutorService executor(String name, int size) {
        AtomicInteger count = new AtomicInteger();
        ThreadFactory factory = runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.getAndIncrement());
            thread.setDaemon(true);
            return thread;
        };
        ScheduledExecutorService executor = Executors.newScheduledThreadPool(size, factory);
        executors.add(executor);
        return executor;
    }

    @Override
    public synchronized void destroy() {
        executors.forEach(ScheduledExecutorService::shutdownNow);
    }
}
