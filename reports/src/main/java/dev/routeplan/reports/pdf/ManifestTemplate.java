package dev.routeplan.reports.pdf;

import net.sf.jasperreports.engine.JasperReport;

/** The compiled manifest and summary templates, shared through {@link ReportTemplates} (once per JVM). */
final class ManifestTemplate {

    static final String RESOURCE = "/dev/routeplan/reports/pdf/route-manifest.jrxml";
    static final String SUMMARY_RESOURCE = "/dev/routeplan/reports/pdf/depot-summary.jrxml";

    private ManifestTemplate() {
    }

    /** The compiled manifest template; a failed compile is retried on the next call instead of being cached. */
    static JasperReport compiled() {
        return compiled(RESOURCE);
    }

    /** The compiled summary page template, the first page of a depot's PDF. */
    static JasperReport summary() {
        return compiled(SUMMARY_RESOURCE);
    }

    private static JasperReport compiled(String resource) {
        try {
            return ReportTemplates.compiled(resource);
        } catch (ReportTemplateException e) {
            throw new ManifestRenderingException(e.getMessage(), e.getCause());
        }
    }
}
