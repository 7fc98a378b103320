package dev.routeplan.reports.pdf;

import net.sf.jasperreports.engine.JasperReport;

/** The compiled manifest template, shared through {@link ReportTemplates} (once per JVM). */
final class ManifestTemplate {

    static final String RESOURCE = "/dev/routeplan/reports/pdf/route-manifest.jrxml";

    private ManifestTemplate() {
    }

    /** The compiled template; a failed compile is retried on the next call instead of being cached. */
    static JasperReport compiled() {
        try {
            return ReportTemplates.compiled(RESOURCE);
        } catch (ReportTemplateException e) {
            throw new ManifestRenderingException(e.getMessage(), e.getCause());
        }
    }
}
