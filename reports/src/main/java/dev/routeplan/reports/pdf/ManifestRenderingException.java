package dev.routeplan.reports.pdf;

/** A manifest could not be rendered; the message names the depot and date, or the template at fault. */
public class ManifestRenderingException extends RuntimeException {

    public ManifestRenderingException(String message, Throwable cause) {
        super(message, cause);
    }
}
