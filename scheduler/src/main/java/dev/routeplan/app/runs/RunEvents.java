package dev.routeplan.app.runs;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.batch.core.BatchStatus;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Live progress of a run as server-sent events: the job repository is polled every
 * {@code routeplan.runs.events-interval} and what changed is sent: {@code run} (the run's status),
 * {@code step} (a step or partition: status and counts; a partition names its step in
 * {@code partitionOf}), and {@code end} once the run has ended, after which the stream closes.
 * Polling the repository, not listening to the job, lets a client follow a run of another node.
 */
@Component
public class RunEvents implements SmartLifecycle {

    private static final long STREAM_TIMEOUT_MILLIS = TimeUnit.HOURS.toMillis(12);

    private final RunQueries queries;
    private final RunsProperties properties;
    private final ScheduledExecutorService poller = Executors.newScheduledThreadPool(1, task -> {
        Thread thread = new Thread(task, "run-events");
        thread.setDaemon(true);
        return thread;
    });
    private final Set<SseEmitter> open = ConcurrentHashMap.newKeySet();
    private volatile boolean running;

    RunEvents(RunQueries queries, RunsProperties properties) {
        this.queries = queries;
        this.properties = properties;
    }

    /** A step's or partition's state as sent. */
    public record StepEvent(long id, String name, String partitionOf, String status, long readCount, long writeCount,
                            long skipCount, long filterCount, long commitCount, String duration, String exitMessage) {
    }

    /** The run's state as sent. */
    public record RunEvent(long id, String status, String exitCode, String exitMessage, String duration) {
    }

    /** Opens the stream of a run that exists. */
    public SseEmitter stream(long executionId) {
        SseEmitter emitter = new SseEmitter(STREAM_TIMEOUT_MILLIS);
        open.add(emitter);
        Map<Long, StepEvent> sentSteps = new HashMap<>();
        AtomicReference<RunEvent> sentRun = new AtomicReference<>();
        AtomicReference<ScheduledFuture<?>> polling = new AtomicReference<>();
        Runnable poll = () -> {
            try {
                if (!send(executionId, emitter, sentSteps, sentRun)) {
                    close(emitter, polling.get());
                }
            } catch (IOException | RuntimeException e) {
                // the client went away, or the response can no longer be written
                close(emitter, polling.get());
            }
        };
        emitter.onCompletion(() -> close(null, polling.get()));
        emitter.onTimeout(() -> close(emitter, polling.get()));
        emitter.onError(e -> close(null, polling.get()));
        long every = properties.eventsInterval().toMillis();
        polling.set(poller.scheduleWithFixedDelay(poll, 0, every, TimeUnit.MILLISECONDS));
        return emitter;
    }

    /** Sends what changed since the last poll; false when the run has ended and the stream is to close. */
    private synchronized boolean send(long executionId, SseEmitter emitter, Map<Long, StepEvent> sentSteps,
                                      AtomicReference<RunEvent> sentRun) throws IOException {
        RunViews.RunDetail execution = queries.detail(executionId).orElse(null);
        if (execution == null) {
            return false;
        }
        for (RunViews.Step step : execution.steps()) {
            sendIfChanged(emitter, sentSteps, event(step, null));
            for (RunViews.Step partition : step.partitions()) {
                sendIfChanged(emitter, sentSteps, event(partition, step.name()));
            }
        }
        RunEvent run = new RunEvent(execution.id(), execution.status(), execution.exitCode(), execution.exitMessage(), null);
        if (!run.equals(sentRun.get())) {
            emitter.send(SseEmitter.event().name("run").data(run, MediaType.APPLICATION_JSON));
            sentRun.set(run);
        }
        if (!BatchStatus.valueOf(execution.status()).isRunning()) {
            emitter.send(SseEmitter.event().name("end").data(new RunEvent(execution.id(), execution.status(),
                    execution.exitCode(), execution.exitMessage(), execution.duration()), MediaType.APPLICATION_JSON));
            return false;
        }
        return true;
    }

    private static void sendIfChanged(SseEmitter emitter, Map<Long, StepEvent> sent, StepEvent event) throws IOException {
        StepEvent before = sent.get(event.id());
        // the duration of a running step changes on every poll; only a change of state or counts is news
        if (before == null || !before.equals(withDuration(event, before.duration()))) {
            emitter.send(SseEmitter.event().name("step").data(event, MediaType.APPLICATION_JSON));
            sent.put(event.id(), event);
        }
    }

    private static StepEvent withDuration(StepEvent e, String duration) {
        return new StepEvent(e.id(), e.name(), e.partitionOf(), e.status(), e.readCount(), e.writeCount(), e.skipCount(),
                e.filterCount(), e.commitCount(), duration, e.exitMessage());
    }

    private static StepEvent event(RunViews.Step s, String partitionOf) {
        return new StepEvent(s.id(), s.name(), partitionOf, s.status(), s.readCount(), s.writeCount(), s.skipCount(),
                s.filterCount(), s.commitCount(), s.duration(), s.exitMessage());
    }

    private void close(SseEmitter emitter, ScheduledFuture<?> polling) {
        if (polling != null) {
            polling.cancel(false);
        }
        if (emitter != null && open.remove(emitter)) {
            emitter.complete();
        }
    }

    @Override
    public void start() {
        running = true;
    }

    /** Ends every stream, so the web server's graceful shutdown does not wait for them. */
    @Override
    public void stop() {
        running = false;
        for (SseEmitter emitter : List.copyOf(open)) {
            open.remove(emitter);
            emitter.complete();
        }
        poller.shutdownNow();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** After {@link RunningJobs} (whose stopped runs the streams report), before the web server. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 1;
    }
}
