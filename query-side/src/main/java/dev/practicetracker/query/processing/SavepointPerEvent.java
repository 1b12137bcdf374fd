package dev.practicetracker.query.processing;

import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.interceptors.MessageHandlerInterceptor;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The base of every projection: each event's writes run in a savepoint of the batch's transaction. When a handler
 * fails, only that event's writes are rolled back and it goes to the dead-letter queue; without the savepoint,
 * PostgreSQL would refuse every further statement of the transaction, the batch would fail as a whole, and one bad
 * event would stop the projection.
 */
public abstract class SavepointPerEvent {

    private final TransactionTemplate savepoint;

    protected SavepointPerEvent(PlatformTransactionManager transactions) {
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    @MessageHandlerInterceptor
    Object inSavepoint(InterceptorChain chain) throws Exception {
        try {
            return savepoint.execute(status -> {
                try {
                    return chain.proceed();
                } catch (Exception e) {
                    throw new HandlerFailed(e);
                }
            });
        } catch (HandlerFailed e) {
            throw e.cause;
        }
    }

    private static final class HandlerFailed extends RuntimeException {
        private final Exception cause;

        private HandlerFailed(Exception cause) {
            super(cause);
            this.cause = cause;
        }
    }
}
