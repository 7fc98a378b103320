package dev.routeplan.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ServerSentEventsTests {

    @Test
    void readsNamedEventsAsTheServiceSendsThem() throws IOException {
        List<ServerSentEvents.Event> events = read("""
                event:step
                data:{"name":"fetch","status":"STARTED"}

                event:end
                data:{"status":"COMPLETED"}

                """);

        assertThat(events).containsExactly(
                new ServerSentEvents.Event("step", "{\"name\":\"fetch\",\"status\":\"STARTED\"}", null),
                new ServerSentEvents.Event("end", "{\"status\":\"COMPLETED\"}", null));
    }

    @Test
    void joinsDataLinesWithNewlinesAndTakesOneSpaceAfterTheColon() throws IOException {
        List<ServerSentEvents.Event> events = read("data: first\ndata:  second\ndata\n\n");

        assertThat(events).containsExactly(new ServerSentEvents.Event("message", "first\n second\n", null));
    }

    @Test
    void skipsCommentsAndHeartbeatsAndEventsWithoutData() throws IOException {
        List<ServerSentEvents.Event> events = read("""
                : heartbeat
                :

                event:ignored

                event:run
                : a comment inside an event
                data:{"status":"STARTED"}

                """);

        assertThat(events).containsExactly(new ServerSentEvents.Event("run", "{\"status\":\"STARTED\"}", null));
    }

    @Test
    void keepsTheLastIdForTheEventsAfterIt() throws IOException {
        List<ServerSentEvents.Event> events = read("id: 7\nevent: step\ndata: a\n\ndata: b\n\nid\ndata: c\n\n");

        assertThat(events).extracting(ServerSentEvents.Event::id).containsExactly("7", "7", "");
        assertThat(events).extracting(ServerSentEvents.Event::name).containsExactly("step", "message", "message");
    }

    @Test
    void takesCrlfAndCrLineEndsAsLf() throws IOException {
        List<ServerSentEvents.Event> events = read("event: step\r\ndata: one\r\ndata: two\r\n\r\nevent: end\rdata: three\r\r");

        assertThat(events).containsExactly(new ServerSentEvents.Event("step", "one\ntwo", null),
                new ServerSentEvents.Event("end", "three", null));
    }

    @Test
    void dropsALastEventCutOffBeforeItsBlankLine() throws IOException {
        List<ServerSentEvents.Event> events = read("\uFEFFevent: step\ndata: whole\n\nevent: end\ndata: cut off");

        assertThat(events).containsExactly(new ServerSentEvents.Event("step", "whole", null));
    }

    private static List<ServerSentEvents.Event> read(String stream) throws IOException {
        ServerSentEvents events = new ServerSentEvents(new BufferedReader(new StringReader(stream)));
        List<ServerSentEvents.Event> read = new ArrayList<>();
        for (Optional<ServerSentEvents.Event> event = events.next(); event.isPresent(); event = events.next()) {
            read.add(event.get());
        }
        return read;
    }
}
