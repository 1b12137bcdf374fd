package dev.practicetracker.query.profile;

import dev.practicetracker.events.Theme;
import dev.practicetracker.query.access.Visibility;
import dev.practicetracker.query.web.BadRequest;
import dev.practicetracker.security.Actor;
import io.swagger.v3.oas.annotations.Operation;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import reactor.core.scheduler.Schedulers;

/** A candidate's skills: profile (now or as of a past date), progress, calibration, what next, live updates. */
@RestController
@RequestMapping("/api/candidates/{candidateId}")
class ProfileController implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ProfileController.class);
    private static final long HEARTBEAT_SECONDS = 15;

    private final ProfileQueries queries;
    private final QueryGateway queryGateway;
    private final LiveStreams streams;
    private final Visibility visibility;
    private final ScheduledExecutorService heartbeats = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "sse-heartbeat");
        thread.setDaemon(true);
        return thread;
    });

    ProfileController(ProfileQueries queries, QueryGateway queryGateway, LiveStreams streams, Visibility visibility) {
        this.visibility = visibility;
        this.queries = queries;
        this.queryGateway = queryGateway;
        this.streams = streams;
    }

    /**
     * {@code asOf} is an instant ({@code 2026-11-01T12:00:00Z}) or a date ({@code 2026-11-01}, meaning the end of that
     * day in {@code zone}, UTC by default); without it, now.
     */
    @Operation(summary = "A candidate's skill profile: level per theme with its uncertainty, trend and basis")
    @GetMapping("/profile")
    CandidateProfile profile(
            @AuthenticationPrincipal Actor actor,
            @PathVariable String candidateId,
            @RequestParam(required = false) String asOf,
            @RequestParam(defaultValue = "UTC") String zone) {
        visibility.requireCandidate(actor, candidateId);
        return queries.profile(candidateId, asOf == null ? Instant.now() : parseAsOf(asOf, zone(zone)));
    }

    @Operation(summary = "A candidate's level per theme over time")
    @GetMapping("/progress")
    List<ProfileQueries.ProgressPoint> progress(
            @AuthenticationPrincipal Actor actor,
            @PathVariable String candidateId,
            @RequestParam(required = false) Theme theme,
            @RequestParam(required = false) LocalDate from,
            @RequestParam(required = false) LocalDate to) {
        visibility.requireCandidate(actor, candidateId);
        LocalDate end = to != null ? to : LocalDate.now(ZoneOffset.UTC);
        LocalDate start = from != null ? from : end.minusDays(90);
        if (start.isAfter(end)) {
            throw new BadRequest("from", "must not be after to");
        }
        return queries.progress(candidateId, theme, start, end);
    }

    @Operation(summary = "How a candidate's self-ratings compare with coach and peer ratings")
    @GetMapping("/calibration")
    ProfileQueries.CalibrationReport calibration(
            @AuthenticationPrincipal Actor actor, @PathVariable String candidateId) {
        visibility.requireCandidate(actor, candidateId);
        return queries.calibration(candidateId);
    }

    @Operation(summary = "What a candidate should practise next, and why")
    @GetMapping("/next")
    ProfileQueries.NextPractice next(@AuthenticationPrincipal Actor actor, @PathVariable String candidateId) {
        visibility.requireCandidate(actor, candidateId);
        return queries.next(candidateId, Instant.now());
    }

    /** Server-sent events: the profile at once ({@code event: profile}), then again each time it changes. */
    @Operation(summary = "The profile as a live stream of server-sent events, one on each change")
    @GetMapping(path = "/profile/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter stream(@AuthenticationPrincipal Actor actor, @PathVariable String candidateId) {
        visibility.requireCandidate(actor, candidateId);
        queries.profile(candidateId, Instant.now()); // answers 404 for an unknown candidate before streaming
        SseEmitter emitter = new SseEmitter(0L);
        streams.add(emitter);
        // Subscribed before the first profile is read, so a rating landing in between is not missed.
        SubscriptionQueryResult<CandidateProfile, ProfileChanged> subscription = queryGateway.subscriptionQuery(
                new FindSkillProfileQuery(candidateId),
                ResponseTypes.instanceOf(CandidateProfile.class),
                ResponseTypes.instanceOf(ProfileChanged.class));
        // Updates are sent off the processor's thread, and only the latest is kept for a slow reader, so a client
        // that stops reading never holds up the projections.
        subscription
                .updates()
                .onBackpressureLatest()
                .publishOn(Schedulers.boundedElastic(), 1)
                .subscribe(
                        changed -> {
                            // A stream outlives the request that opened it: it ends once its reader may no longer read.
                            if (visibility.stillMayReadCandidate(actor, candidateId)) {
                                send(emitter, queries.profile(candidateId, Instant.now()));
                            } else {
                                emitter.complete();
                            }
                        },
                        error -> emitter.completeWithError(error),
                        emitter::complete);
        send(emitter, queries.profile(candidateId, Instant.now()));
        ScheduledFuture<?> heartbeat = heartbeats.scheduleAtFixedRate(
                () -> {
                    try {
                        emitter.send(SseEmitter.event().comment("keep-alive"));
                    } catch (IOException | IllegalStateException e) {
                        subscription.cancel();
                    }
                },
                HEARTBEAT_SECONDS,
                HEARTBEAT_SECONDS,
                TimeUnit.SECONDS);
        Runnable close = () -> {
            heartbeat.cancel(false);
            subscription.cancel();
            streams.remove(emitter);
        };
        emitter.onCompletion(close);
        emitter.onTimeout(close);
        emitter.onError(error -> close.run());
        return emitter;
    }

    private static void send(SseEmitter emitter, CandidateProfile profile) {
        try {
            emitter.send(SseEmitter.event().name("profile").data(profile, MediaType.APPLICATION_JSON));
        } catch (IOException | IllegalStateException e) {
            log.debug("A live profile subscriber went away: {}", e.getMessage());
        }
    }

    static Instant parseAsOf(String asOf, ZoneId zone) {
        try {
            if (asOf.length() == 10) {
                return LocalDate.parse(asOf)
                        .plusDays(1)
                        .atStartOfDay(zone)
                        .toInstant()
                        .minusNanos(1000);
            }
            return Instant.parse(asOf);
        } catch (DateTimeException e) {
            throw new BadRequest("asOf", "must be an instant like 2026-11-01T12:00:00Z or a date like 2026-11-01");
        }
    }

    private static ZoneId zone(String zone) {
        try {
            return ZoneId.of(zone);
        } catch (DateTimeException e) {
            throw new BadRequest("zone", "must be a time zone id like UTC or Europe/Paris");
        }
    }

    @Override
    public void destroy() {
        heartbeats.shutdownNow();
    }
}
