package dev.routeplan.reports.pdf;

import dev.routeplan.reports.DepotPlanDocument;
import java.io.OutputStream;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JasperExportManager;
import net.sf.jasperreports.engine.JasperFillManager;
import net.sf.jasperreports.engine.JasperPrint;
import net.sf.jasperreports.engine.data.JRMapCollectionDataSource;

/**
 * Writes the drivers' manifests of a depot's published plan as one PDF: a page (or more) per
 * route with its stops, totals, the compliance stamp and signature boxes. A depot without routes
 * gets a one-page PDF saying so, so the publishing step never has to special-case it.
 *
 * <p>Stateless and safe to call from several threads; the template is compiled once per JVM.
 */
public final class ManifestPdfWriter {

    /** Writes the PDF to {@code out} and leaves {@code out} open: the caller owns it. */
    public void write(DepotPlanDocument doc, OutputStream out) {
        try {
            JasperPrint print = JasperFillManager.fillReport(ManifestTemplate.compiled(),
                    ManifestRows.parameters(doc), new JRMapCollectionDataSource(ManifestRows.rows(doc)));
            JasperExportManager.exportReportToPdfStream(print, out);
        } catch (JRException e) {
            throw new ManifestRenderingException("manifest of depot " + doc.depot().id() + " for "
                    + doc.planDate() + " could not be rendered: " + e.getMessage(), e);
        }
    }
}
