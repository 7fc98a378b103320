package dev.routeplan.reports.pdf;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JasperCompileManager;
import net.sf.jasperreports.engine.JasperReport;

/**
 * The compiled JRXML templates of this module, keyed by classpath resource. Compiling a JRXML
 * runs the Java compiler and takes seconds, so each template is compiled once per JVM, on first
 * use; writers running in parallel then share the compiled report, which JasperReports allows
 * (filling never changes a {@link JasperReport}).
 */
public final class ReportTemplates {

    private static final Map<String, JasperReport> COMPILED = new ConcurrentHashMap<>();

    private ReportTemplates() {
    }

    /**
     * The compiled template at {@code resource} (an absolute classpath path). Concurrent first
     * calls compile it once; a failed compile is not cached, so the next call tries again.
     *
     * @throws ReportTemplateException when the resource is missing or does not compile
     */
    public static JasperReport compiled(String resource) {
        return COMPILED.computeIfAbsent(resource, ReportTemplates::compile);
    }

    private static JasperReport compile(String resource) {
        try (InputStream jrxml = ReportTemplates.class.getResourceAsStream(resource)) {
            if (jrxml == null) {
                throw new ReportTemplateException("template " + resource + " is not on the classpath", null);
            }
            return JasperCompileManager.compileReport(jrxml);
        } catch (JRException | IOException e) {
            throw new ReportTemplateException("template " + resource + " does not compile: " + e.getMessage(), e);
        }
    }
}
