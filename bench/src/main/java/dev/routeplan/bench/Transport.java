package dev.routeplan.bench;

/**
 * How a load's requests reach the server. {@link #send} is called by the load's one sending
 * thread at each request's due time and must not block; the answer (or failure) comes back
 * through the {@link Completion}, on a thread of the transport.
 */
interface Transport extends AutoCloseable {

    /** The end of one request. {@code failure} is null when an HTTP status came back. */
    @FunctionalInterface
    interface Completion {
        void done(int status, long bodyBytes, String failure, long doneNanos);
    }

    /** Sends the {@code path}-th path of the mix's {@code kind}-th kind, due at {@code dueNanos}. */
    void send(int kind, int path, long dueNanos, Completion completion);

    @Override
    void close();
}
