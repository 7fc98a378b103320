package dev.routeplan.app.console;

import dev.routeplan.app.runs.RunEvents;
import dev.routeplan.app.runs.RunQueries;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * A running run's progress as server-sent events for its console page (the session's, where the
 * API's stream needs a bearer token): the same {@link RunEvents} stream, whose {@code step} and
 * {@code run} events make the page fetch its run part again, and whose {@code end} closes it.
 */
@ConditionalOnWebApplication
@Controller
class RunProgressStream {

    private final RunQueries queries;
    private final RunEvents events;

    RunProgressStream(RunQueries queries, RunEvents events) {
        this.queries = queries;
        this.events = events;
    }

    @GetMapping(path = "/runs/{id}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @PreAuthorize("hasAnyRole('OPS', 'PLANNER')")
    ResponseEntity<SseEmitter> events(@PathVariable long id) {
        if (queries.execution(id).isEmpty()) {
            return ResponseEntity.notFound().build();
        }
        return ResponseEntity.ok(events.stream(id));
    }
}
