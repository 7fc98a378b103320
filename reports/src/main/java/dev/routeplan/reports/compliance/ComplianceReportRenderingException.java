package dev.routeplan.reports.compliance;

/** The compliance report PDF could not be rendered; the message names the plan date. */
public class ComplianceReportRenderingException extends RuntimeException {

    public ComplianceReportRenderingException(String message, Throwable cause) {
        super(message, cause);
    }
}
