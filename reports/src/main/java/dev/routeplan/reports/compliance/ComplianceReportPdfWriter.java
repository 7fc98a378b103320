package dev.routeplan.reports.compliance;

import dev.routeplan.reports.pdf.ReportTemplates;
import java.io.OutputStream;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JasperExportManager;
import net.sf.jasperreports.engine.JasperFillManager;
import net.sf.jasperreports.engine.JasperPrint;
import net.sf.jasperreports.engine.JasperReport;
import net.sf.jasperreports.engine.data.JRMapCollectionDataSource;

/**
 * Writes the compliance officers' PDF of one plan date: the run summary (GRAP stage and its
 * source, rule pack with its SHA-256, how to redo it and its files, the travel model, route and
 * check counts, ECC charges), a table per rule with its legal source, the blocked routes with their
 * failing checks, legal sources, evidence and legs, then a page per depot with its routes. A run
 * without routes still gets a valid PDF saying so.
 *
 * <p>Stateless and safe to call from several threads; the template is compiled once per JVM.
 */
public final class ComplianceReportPdfWriter {

    static final String TEMPLATE = "/dev/routeplan/reports/compliance/compliance-report.jrxml";

    /** Writes the PDF to {@code out} and leaves {@code out} open: the caller owns it. */
    public void write(ComplianceReport report, OutputStream out) {
        try {
            JasperPrint print = JasperFillManager.fillReport(template(), ComplianceRows.parameters(report),
                    new JRMapCollectionDataSource(ComplianceRows.rows(report)));
            JasperExportManager.exportReportToPdfStream(print, out);
        } catch (JRException e) {
            throw new ComplianceReportRenderingException("compliance report for " + report.planDate()
                    + " could not be rendered: " + e.getMessage(), e);
        }
    }

    static JasperReport template() {
        return ReportTemplates.compiled(TEMPLATE);
    }
}
