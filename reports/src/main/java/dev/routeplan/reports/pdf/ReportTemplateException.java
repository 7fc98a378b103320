package dev.routeplan.reports.pdf;

/** A report template is missing from the classpath or does not compile; the message names it. */
public class ReportTemplateException extends RuntimeException {

    public ReportTemplateException(String message, Throwable cause) {
        super(message, cause);
    }
}
