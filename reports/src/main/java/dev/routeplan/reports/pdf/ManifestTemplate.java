package dev.routeplan.reports.pdf;

import java.io.IOException;
import java.io.InputStream;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JasperCompileManager;
import net.sf.jasperreports.engine.JasperReport;

/**
 * The compiled manifest template. Compiling a JRXML runs the Java compiler and takes seconds,
 * so it happens once per JVM, on first use; depots publishing in parallel then share the
 * compiled report, which JasperReports allows (filling never changes a {@link JasperReport}).
 */
final class ManifestTemplate {

    static final String RESOURCE = "/dev/routeplan/reports/pdf/route-manifest.jrxml";

    private static volatile JasperReport compiled;

    private ManifestTemplate() {
    }

    /** The compiled template; a failed compile is retried on the next call instead of being cached. */
    static JasperReport compiled() {
        JasperReport report = compiled;
        if (report == null) {
            synchronized (ManifestTemplate.class) {
                report = compiled;
                if (report == null) {
                    report = compile();
                    compiled = report;
                }
            }
        }
        return report;
    }

    private static JasperReport compile() {
        try (InputStream jrxml = ManifestTemplate.class.getResourceAsStream(RESOURCE)) {
            if (jrxml == null) {
                throw new ManifestRenderingException("template " + RESOURCE + " is not on the classpath", null);
            }
            return JasperCompileManager.compileReport(jrxml);
        } catch (JRException | IOException e) {
            throw new ManifestRenderingException("template " + RESOURCE + " does not compile: " + e.getMessage(), e);
        }
    }
}
