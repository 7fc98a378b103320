package dev.routeplan.batch.retry;

/**
 * A call to another server (the SFTP inbox or outbox, the mail server, OSRM) failed for good: after
 * the {@link Retrier}'s tries, or at once when trying again could not help. Its message names the
 * server, what was asked and the last cause, and is what the operator is told when it fails a run:
 * neither the step's wrappers nor the root cause ("Connection refused", "HttpTimeoutException") say
 * which server it was.
 */
public class ServerCallFailed extends RuntimeException {

    public ServerCallFailed(String message, Throwable cause) {
        super(message, cause);
    }

    public ServerCallFailed(String message) {
        super(message);
    }
}
