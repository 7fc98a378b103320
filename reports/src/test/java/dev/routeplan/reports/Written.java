package dev.routeplan.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** What a writer writes to the stream its caller hands it, as the caller gets it back. */
public final class Written {

    private Written() {
    }

    /** A writer's call, given the stream to write to. */
    @FunctionalInterface
    public interface Writing {
        void to(OutputStream out) throws IOException;
    }

    /** A writer's method that writes a document to a stream. */
    @FunctionalInterface
    public interface Writer<T> {
        void write(T document, OutputStream out) throws IOException;
    }

    public static byte[] bytes(Writing writing) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writing.to(out);
        return out.toByteArray();
    }

    /**
     * What one writer wrote for each document, all of them written at once on threads of their own,
     * as the publish step's threads share one writer.
     */
    public static <T> List<byte[]> inParallel(List<T> documents, Writer<T> writer) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(documents.size());
        try {
            List<Future<byte[]>> results = new ArrayList<>();
            for (T document : documents) {
                results.add(pool.submit(() -> bytes(out -> writer.write(document, out))));
            }
            List<byte[]> written = new ArrayList<>();
            for (Future<byte[]> result : results) {
                written.add(result.get());
            }
            return written;
        } finally {
            pool.shutdownNow();
        }
    }

    /** The bytes written, failing if the writer closed the stream: the caller may write more, and closes it. */
    public static byte[] leavingTheStreamOpen(Writing writing) throws IOException {
        var out = new ByteArrayOutputStream() {
            boolean closed;

            @Override
            public void close() {
                closed = true;
            }
        };
        writing.to(out);
        assertThat(out.closed).as("the writer closed its caller's stream").isFalse();
        return out.toByteArray();
    }
}
