package dev.practicetracker.command.web;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import dev.practicetracker.security.Actor;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.lang.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Every command is safe to retry: a change sent with an {@code Idempotency-Key} header is decided once per caller and
 * key. The key, a fingerprint of the request (method, path, body) and the command handler's result are stored in
 * PostgreSQL inside the command's own unit of work, so in the same transaction as its events: either both are there or
 * neither, on every node and after any restart. A retry of the same request gets the stored result, from which its
 * controller builds the same answer, and decides nothing again; the same key with another request is refused (422); a
 * retry while the first is still being decided is refused (409 with {@code Retry-After}), without waiting for it.
 *
 * <p>The key travels in the command's metadata, so a command that {@code ConflictRetry} decides again on another thread
 * checks and stores it in that attempt's transaction; the failed attempt's transaction, and its claim, were rolled
 * back. A refused command stores no key: a retry is decided again.
 *
 * <p>Hand-written: no library found for Axon 4 or Spring MVC that keeps keys in the command's transaction.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IdempotentCommands.IdempotencyProperties.class)
class IdempotentCommands {

    private static final Logger log = LoggerFactory.getLogger(IdempotentCommands.class);

    static final String REQUEST = IdempotentCommands.class.getName() + ".request";
    static final String KEY = "idempotencyKey";
    static final String CALLER = "idempotencyCaller";
    static final String FINGERPRINT = "idempotencyFingerprint";

    /** Seconds a client waits before retrying while the first request with its key is still being decided. */
    static final int IN_FLIGHT_RETRY_AFTER_SECONDS = 1;

    private static final Set<String> CHANGES = Set.of("POST", "PUT", "PATCH", "DELETE");

    /**
     * How long a key is kept ({@code TRACKER_IDEMPOTENCY_KEY_RETENTION}, 24 hours by default): a retry later than that
     * is decided again. Expired keys are deleted every {@code TRACKER_IDEMPOTENCY_KEY_PURGE_INTERVAL} (an hour).
     */
    @ConfigurationProperties("tracker.commands.idempotency")
    record IdempotencyProperties(
            @DefaultValue("24h") Duration retention,
            @DefaultValue("1h") Duration purgeInterval) {}

    /** What a request with a key asks of the command it sends: who, which key, and which request it was. */
    record IdempotentRequest(String caller, String key, String fingerprint) {

        Map<String, String> metaData() {
            return Map.of(CALLER, caller, KEY, key, FINGERPRINT, fingerprint);
        }
    }

    @Bean
    FilterRegistrationBean<IdempotencyFilter> idempotencyFilter() {
        return new FilterRegistrationBean<>(new IdempotencyFilter());
    }

    @Bean
    WebMvcConfigurer idempotencyKeyReader() {
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                registry.addInterceptor(new KeyReader())
                        .addPathPatterns("/api/**")
                        .excludePathPatterns("/api/auth/**");
            }
        };
    }

    @Bean
    KeyStore idempotencyKeyStore(
            JdbcTemplate jdbc, @Qualifier("eventSerializer") Serializer serializer, IdempotencyProperties properties) {
        return new KeyStore(jdbc, serializer, properties.retention());
    }

    /**
     * Axon registers a handler interceptor bean on the command bus, where it runs in the unit of work (and the
     * transaction) of every attempt, the conflict retry's included.
     */
    @Bean
    KeyCheck idempotencyKeyCheck(KeyStore store) {
        return new KeyCheck(store);
    }

    /** Axon registers a dispatch interceptor bean on the command gateway, which every controller sends through. */
    @Bean
    KeyAttacher idempotencyKeyAttacher() {
        return new KeyAttacher();
    }

    @Bean
    RecurringTask<Void> idempotencyKeyPurge(KeyStore store, IdempotencyProperties properties) {
        return Tasks.recurring("command-idempotency-key-purge", FixedDelay.of(properties.purgeInterval()))
                .execute((instance, context) -> {
                    int purged = store.purgeExpired();
                    if (purged > 0) {
                        log.info("Purged {} idempotency keys older than {}", purged, properties.retention());
                    }
                });
    }

    /** Reads the header of a change to the command side, before its controller sends the command. */
    static final class KeyReader implements HandlerInterceptor {

        @Override
        public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
            if (!(handler instanceof HandlerMethod method)
                    || !method.getBeanType().getPackageName().startsWith("dev.practicetracker.command")
                    || !CHANGES.contains(request.getMethod())) {
                return true;
            }
            IdempotencyKey key = IdempotencyKey.of(request.getHeaders(IdempotencyKey.HEADER));
            String caller = caller();
            if (key == null || caller == null) {
                return true;
            }
            byte[] body = IdempotencyFilter.bodyOf(request);
            request.setAttribute(
                    REQUEST,
                    new IdempotentRequest(
                            caller, key.value(), fingerprint(request.getMethod(), request.getRequestURI(), body)));
            return true;
        }

        @Nullable
        private static String caller() {
            Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
            return authentication != null && authentication.getPrincipal() instanceof Actor actor
                    ? actor.accountId().value()
                    : null;
        }

        static String fingerprint(String method, String path, @Nullable byte[] body) {
            try {
                MessageDigest digest = MessageDigest.getInstance("SHA-256");
                digest.update((method + ' ' + path + '\n').getBytes(StandardCharsets.UTF_8));
                digest.update(body == null ? new byte[0] : body);
                return HexFormat.of().formatHex(digest.digest());
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every JVM has SHA-256", e);
            }
        }
    }

    /** Puts the request's key into the metadata of the (one) command the request sends. */
    static final class KeyAttacher implements MessageDispatchInterceptor<CommandMessage<?>> {

        @Override
        public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(
                List<? extends CommandMessage<?>> messages) {
            return (index, command) -> {
                RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
                if (attributes == null
                        || !(attributes.getAttribute(REQUEST, RequestAttributes.SCOPE_REQUEST)
                                instanceof IdempotentRequest request)) {
                    return command;
                }
                attributes.removeAttribute(REQUEST, RequestAttributes.SCOPE_REQUEST);
                return command.andMetaData(request.metaData());
            };
        }
    }

    /** Claims the key in the attempt's transaction, answers a retry from the store, and stores a first result. */
    static final class KeyCheck implements MessageHandlerInterceptor<CommandMessage<?>> {

        private final KeyStore store;

        KeyCheck(KeyStore store) {
            this.store = store;
        }

        @Override
        public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain)
                throws Exception {
            MetaData metaData = unitOfWork.getMessage().getMetaData();
            if (!(metaData.get(KEY) instanceof String key)
                    || !(metaData.get(CALLER) instanceof String caller)
                    || !(metaData.get(FINGERPRINT) instanceof String fingerprint)) {
                return chain.proceed();
            }
            Optional<KeyStore.Stored> stored = store.claim(caller, key);
            if (stored.isPresent()) {
                if (!stored.get().fingerprint().equals(fingerprint)) {
                    throw new IdempotencyKeyReused();
                }
                return stored.get().result();
            }
            Object result = chain.proceed();
            store.remember(caller, key, fingerprint, result);
            return result;
        }
    }

    /** The keys' table; every statement runs in the caller's transaction (the command's unit of work). */
    static final class KeyStore {

        private final JdbcTemplate jdbc;
        private final Serializer serializer;
        private final Duration retention;

        KeyStore(JdbcTemplate jdbc, Serializer serializer, Duration retention) {
            this.jdbc = jdbc;
            this.serializer = serializer;
            this.retention = retention;
        }

        /** A kept answer of a request with this key; the result is null when the handler returned nothing. */
        record Stored(String fingerprint, @Nullable Object result) {}

        /**
         * Takes the key's transaction-scoped advisory lock, without waiting: held by another transaction means that
         * request is being decided now. Locked, the key's row (if any) is committed, since the lock is released only
         * after the transaction that stored it committed.
         */
        Optional<Stored> claim(String caller, String key) {
            Boolean locked =
                    jdbc.queryForObject("SELECT pg_try_advisory_xact_lock(?)", Boolean.class, lockId(caller, key));
            if (!Boolean.TRUE.equals(locked)) {
                throw new IdempotencyKeyInFlight();
            }
            List<Stored> rows = jdbc.query(
                    "SELECT fingerprint, result_type, result_revision, result FROM command_idempotency_keys"
                            + " WHERE caller_id = ? AND idempotency_key = ? AND created_at > now() - ? * interval '1 ms'",
                    (rs, n) -> new Stored(
                            rs.getString("fingerprint"),
                            deserialize(
                                    rs.getString("result_type"),
                                    rs.getString("result_revision"),
                                    rs.getString("result"))),
                    caller,
                    key,
                    retention.toMillis());
            return rows.stream().findFirst();
        }

        void remember(String caller, String key, String fingerprint, @Nullable Object result) {
            SerializedObject<String> serialized = result == null ? null : serializer.serialize(result, String.class);
            jdbc.update(
                    "INSERT INTO command_idempotency_keys"
                            + " (caller_id, idempotency_key, fingerprint, result_type, result_revision, result, created_at)"
                            + " VALUES (?, ?, ?, ?, ?, ?, now())"
                            + " ON CONFLICT (caller_id, idempotency_key) DO UPDATE SET fingerprint = excluded.fingerprint,"
                            + " result_type = excluded.result_type, result_revision = excluded.result_revision,"
                            + " result = excluded.result, created_at = excluded.created_at",
                    caller,
                    key,
                    fingerprint,
                    serialized == null ? null : serialized.getType().getName(),
                    serialized == null ? null : serialized.getType().getRevision(),
                    serialized == null ? null : serialized.getData());
        }

        int purgeExpired() {
            return jdbc.update(
                    "DELETE FROM command_idempotency_keys WHERE created_at < now() - ? * interval '1 ms'",
                    retention.toMillis());
        }

        @Nullable
        private Object deserialize(@Nullable String type, @Nullable String revision, @Nullable String data) {
            if (type == null || data == null) {
                return null;
            }
            return serializer.deserialize(new SimpleSerializedObject<>(data, String.class, type, revision));
        }

        private static long lockId(String caller, String key) {
            try {
                MessageDigest digest = MessageDigest.getInstance("SHA-256");
                byte[] hash = digest.digest(("idempotency\n" + caller + '\n' + key).getBytes(StandardCharsets.UTF_8));
                return ByteBuffer.wrap(hash).getLong();
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every JVM has SHA-256", e);
            }
        }
    }
}
