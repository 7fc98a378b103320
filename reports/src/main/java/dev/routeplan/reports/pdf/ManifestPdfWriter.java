package dev.routeplan.reports.pdf;

import dev.routeplan.reports.DepotPlanDocument;
import dev.routeplan.reports.RouteMapImage;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JasperFillManager;
import net.sf.jasperreports.engine.JasperPrint;
import net.sf.jasperreports.engine.data.JRMapCollectionDataSource;
import net.sf.jasperreports.pdf.JRPdfExporter;
import net.sf.jasperreports.export.SimpleExporterInput;
import net.sf.jasperreports.export.SimpleOutputStreamExporterOutput;

/**
 * Writes a depot's published plan as one PDF: first a summary page (the plan's figures and, when
 * given, the route map), then the drivers' manifests, a page (or more) per route with its stops,
 * totals, the compliance stamp and signature boxes. A depot without routes gets the summary page
 * alone, saying so, so the publishing step never has to special-case it.
 *
 * <p>Stateless and safe to call from several threads; the templates are compiled once per JVM.
 */
public final class ManifestPdfWriter {

    /** Writes the PDF without a route map to {@code out} and leaves {@code out} open: the caller owns it. */
    public void write(DepotPlanDocument doc, OutputStream out) {
        write(doc, null, out);
    }

    /** Writes the PDF with {@code map} (null for none) on its summary page; leaves {@code out} open. */
    public void write(DepotPlanDocument doc, RouteMapImage map, OutputStream out) {
        try {
            List<JasperPrint> prints = new ArrayList<>();
            prints.add(JasperFillManager.fillReport(ManifestTemplate.summary(), DepotSummaryParameters.of(doc, map)));
            if (!doc.routes().isEmpty()) {
                prints.add(JasperFillManager.fillReport(ManifestTemplate.compiled(),
                        ManifestRows.parameters(doc), new JRMapCollectionDataSource(ManifestRows.rows(doc))));
            }
            JRPdfExporter exporter = new JRPdfExporter();
            exporter.setExporterInput(SimpleExporterInput.getInstance(prints));
            exporter.setExporterOutput(new SimpleOutputStreamExporterOutput(out));
            exporter.exportReport();
        } catch (JRException e) {
            throw new ManifestRenderingException("manifest of depot " + doc.depot().id() + " for "
                    + doc.planDate() + " could not be rendered: " + e.getMessage(), e);
        }
    }
}
