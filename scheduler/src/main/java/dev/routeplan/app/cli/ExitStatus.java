package dev.routeplan.app.cli;

/** The process exit status of every command: what scripts and schedulers branch on. */
final class ExitStatus {

    static final int OK = 0;
    /** The run failed, or the command could not do what it was asked; one line on stderr says why. */
    static final int FAILED = 1;
    /** The command line is wrong: an unknown command or option, a missing or malformed value, an unusable folder. */
    static final int USAGE = 2;
    /** Done, but compliance blocked routes: they need a person. */
    static final int BLOCKED_ROUTES = 3;
    /** Done and published, but a delivery (SFTP outbox, mail) did not go out: {@code routeplan deliver} retries. */
    static final int DELIVERY_FAILED = 4;

    private ExitStatus() {
    }
}
