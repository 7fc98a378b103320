package dev.routeplan.app.problems;

import org.apache.tomcat.util.http.InvalidParameterException;

/**
 * A query string Tomcat cannot decode (bytes that are not UTF-8 once percent-decoded, too many
 * parameters): the caller's mistake, found only when a handler first reads a parameter, so it
 * reaches the handlers' catch-all as an exception and must be answered 400 there, not as a bug.
 */
public final class MalformedQuery {

    public static final String DETAIL = "the query string cannot be read: its percent-encoded bytes are not UTF-8";

    private MalformedQuery() {
    }

    public static boolean is(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof InvalidParameterException) {
                return true;
            }
        }
        return false;
    }
}
