package dev.practicetracker.query.profile;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The open server-sent event streams. A stream is a request that never ends by itself, so on shutdown they are
 * closed first: graceful shutdown then waits only for real in-flight requests, and clients reconnect to another
 * instance.
 */
@Component
class LiveStreams implements SmartLifecycle {

    private final Set<SseEmitter> open = ConcurrentHashMap.newKeySet();
    private volatile boolean running;

    void add(SseEmitter emitter) {
        open.add(emitter);
    }

    void remove(SseEmitter emitter) {
        open.remove(emitter);
    }

    int count() {
        return open.size();
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        open.forEach(SseEmitter::complete);
        open.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops before the web server's graceful shutdown, which would otherwise wait for these streams. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE;
    }
}
