package dev.routeplan.app.plans;

import dev.routeplan.app.plans.PlanInputs.InputFileRow;
import dev.routeplan.app.plans.PlanInputs.Page;
import dev.routeplan.app.plans.PlanInputs.RejectRow;
import java.time.LocalDate;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.core.io.Resource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** The input side of a date: the files taken in, the rows refused and their workbooks. */
@ConditionalOnWebApplication
@RestController
public class PlanInputsApi {

    static final int MAX_PAGE_SIZE = 500;

    /** The files of a date. */
    public record InputFilesView(LocalDate planDate, List<InputFileRow> files) {
    }

    private final PlanInputs inputs;
    private final RejectWorkbooks rejectWorkbooks;

    public PlanInputsApi(PlanInputs inputs, RejectWorkbooks rejectWorkbooks) {
        this.inputs = inputs;
        this.rejectWorkbooks = rejectWorkbooks;
    }

    @GetMapping("/api/v1/inputs/{date}")
    @PreAuthorize("hasRole('PLANNER')")
    public InputFilesView files(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        return new InputFilesView(date, inputs.files(date));
    }

    @GetMapping("/api/v1/rejects/{date}")
    @PreAuthorize("hasRole('PLANNER')")
    public Page<RejectRow> rejects(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
                                   @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        if (page < 0) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "page must be 0 or more");
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "size must be between 1 and " + MAX_PAGE_SIZE);
        }
        return inputs.rejects(date, page, size);
    }

    /** An orders file's rejects workbook ({@code orders.csv.rejects.xlsx}), as the ingest step wrote it for the sender. */
    @GetMapping("/api/v1/rejects/{date}/files/{name}")
    @PreAuthorize("hasRole('PLANNER')")
    public ResponseEntity<Resource> rejectsWorkbook(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
                                                    @PathVariable String name) {
        return Downloads.of(rejectWorkbooks.file(date, name));
    }
}
