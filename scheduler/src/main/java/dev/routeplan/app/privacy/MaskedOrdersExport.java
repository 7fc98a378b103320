package dev.routeplan.app.privacy;

import dev.routeplan.app.audit.Audit;
import dev.routeplan.app.audit.AuditAction;
import dev.routeplan.app.audit.AuditEntry;
import dev.routeplan.batch.privacy.Masked;
import dev.routeplan.batch.store.OrderStore;
import dev.routeplan.planning.csv.CsvTable;
import dev.routeplan.planning.domain.Order;
import dev.routeplan.planning.sample.ScenarioWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * A date's orders for use outside production (a staging night, a test fixture, analysis), in the
 * orders file format routeplan reads, with each name as initials, each phone as
 * {@code +91XXXXXX1234} and each address without house and street. Coordinates, weights and
 * windows stay: without them the orders cannot be planned. Audited as EXPORT.
 */
@Service
public class MaskedOrdersExport {

    private final OrderStore orders;
    private final Audit audit;

    public MaskedOrdersExport(OrderStore orders, Audit audit) {
        this.orders = orders;
        this.audit = audit;
    }

    /** What was written: none when the date holds no orders, and then no file. */
    public record Exported(LocalDate planDate, Path file, int orders) {
    }

    /**
     * Writes the date's orders, masked, into {@code file}, which must not exist yet; a reader never
     * sees it half written.
     *
     * @param commandLineUser who asked, from the command line; null inside a request
     */
    public Exported write(LocalDate planDate, Path file, String commandLineUser) throws IOException {
        List<Order> masked = orders.orders(planDate).stream().map(MaskedOrdersExport::masked).toList();
        if (masked.isEmpty()) {
            return new Exported(planDate, file, 0);
        }
        Path part = file.resolveSibling("." + file.getFileName() + ".part");
        // people open it in a spreadsheet: text that starts like a formula is guarded, as in every published file
        try (OutputStream out = Files.newOutputStream(part)) {
            CsvTable.writeOutput(out, ScenarioWriter.ORDERS_HEADER, ScenarioWriter.orderRows(masked));
        }
        Files.move(part, file, StandardCopyOption.ATOMIC_MOVE);
        String detail = masked.size() + " orders, names, phones and addresses masked, to " + file.toAbsolutePath();
        audit.record(commandLineUser, AuditAction.EXPORT, "orders " + planDate, AuditEntry.Outcome.SUCCEEDED, detail);
        return new Exported(planDate, file, masked.size());
    }

    static Order masked(Order o) {
        return new Order(o.id(), Masked.name(o.customerName()), Masked.phone(o.phone()), Masked.address(o.address()),
                o.pincode(), o.location(), o.weightKg(), o.volumeM3(), o.windows(), o.serviceMinutes(), o.priority(),
                o.depotId(), o.goodsType());
    }
}
