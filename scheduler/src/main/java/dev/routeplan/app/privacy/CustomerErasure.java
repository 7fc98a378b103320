package dev.routeplan.app.privacy;

import dev.routeplan.app.audit.Audit;
import dev.routeplan.app.audit.AuditAction;
import dev.routeplan.app.audit.AuditEntry;
import dev.routeplan.app.runs.PlanRuns;
import dev.routeplan.batch.ingest.RejectExport;
import dev.routeplan.batch.ingest.format.OrderFileSettings;
import dev.routeplan.batch.job.NightlyPlanJobConfiguration;
import dev.routeplan.batch.job.PlanRunParameters;
import dev.routeplan.batch.privacy.Masked;
import dev.routeplan.batch.privacy.PhoneLookup;
import dev.routeplan.batch.privacy.StagedInputScrubber;
import dev.routeplan.batch.publish.PlanRevisions;
import dev.routeplan.batch.store.ArtifactStore;
import dev.routeplan.batch.store.CustomerRecords;
import dev.routeplan.batch.store.FileTrees;
import dev.routeplan.batch.store.OrderStore;
import dev.routeplan.batch.store.OutputFiles;
import dev.routeplan.batch.store.PlanRevisionStore;
import dev.routeplan.planning.domain.IndianMobile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobExecutionException;
import org.springframework.stereotype.Service;

/**
 * A customer's right to erasure, asked by their phone number: everything routeplan keeps of them
 * goes, wherever it was copied. In this order, so that an erasure cut off at any point is finished
 * by asking again (the keyed hash that finds the customer goes last):
 * <ol>
 * <li>the staged copies of the order files: the rows with that number lose name, phone and address;</li>
 * <li>the database: the orders' name, phone and address and the rejected rows' raw text; the reject
 * lists given back to the sender (written by the ingest, not the publish) are written again;</li>
 * <li>each date's published files: published again from the erased rows (a new revision, delivered
 * as any changed plan is), then every kept earlier revision of the date deleted;</li>
 * <li>the keyed hash, and the audit row, which shows the number's last four digits only.</li>
 * </ol>
 * Outside routeplan's keeping, and so not here: the sender's files (the local inbox, the SFTP
 * server) and copies already delivered (outbox, mail).
 */
@Service
public class CustomerErasure {

    /** What an erasure found and did. */
    public record Erased(String maskedPhone, List<CustomerRecords.OnDate> dates, int stagedRows, int republished,
                         int keptFilesDeleted) {

        public int orders() {
            return dates.stream().mapToInt(CustomerRecords.OnDate::orders).sum();
        }

        public int rejects() {
            return dates.stream().mapToInt(CustomerRecords.OnDate::rejects).sum();
        }

        String summary() {
            return orders() + " orders and " + rejects() + " rejected rows on " + dates.size() + " dates "
                    + dates.stream().map(d -> d.planDate().toString()).toList() + ", " + stagedRows + " staged rows, "
                    + republished + " dates published again, " + keptFilesDeleted + " files of earlier revisions deleted";
        }
    }

    /** A phone number that is not an Indian mobile number: nothing can be found by it. */
    public static class NotAPhoneNumber extends IllegalArgumentException {
        NotAPhoneNumber(String written) {
            super("phone \"" + Masked.phone(written) + "\" is not an Indian mobile number");
        }
    }

    private static final Logger log = LoggerFactory.getLogger(CustomerErasure.class);

    private final PhoneLookup phones;
    private final CustomerRecords records;
    private final StagedInputScrubber scrubber;
    private final OrderStore orders;
    private final RejectExport rejectExport;
    private final PlanRuns runs;
    private final PlanRevisionStore revisions;
    private final ArtifactStore artifacts;
    private final Audit audit;

    CustomerErasure(PhoneLookup phones, CustomerRecords records, OrderFileSettings orderFiles, OrderStore orders,
                    PlanRuns runs, PlanRevisionStore revisions, ArtifactStore artifacts, Audit audit) {
        this.phones = phones;
        this.records = records;
        this.scrubber = new StagedInputScrubber(orderFiles);
        this.orders = orders;
        this.rejectExport = new RejectExport(new OutputFiles(artifacts));
        this.runs = runs;
        this.revisions = revisions;
        this.artifacts = artifacts;
        this.audit = audit;
    }

    /**
     * Erases the customer with this phone number.
     *
     * @param commandLineUser the OS user of {@code routeplan erase}, or null when the request's user asks
     */
    public Erased erase(String phone, String commandLineUser) throws JobExecutionException {
        String number = IndianMobile.normalise(phone == null ? "" : phone).orElseThrow(() -> new NotAPhoneNumber(phone));
        String target = "customer phone " + Masked.phone(number);
        try {
            Erased erased = erase(number);
            log.info("erasure of {}: {}", target, erased.summary());
            record(commandLineUser, target, AuditEntry.Outcome.SUCCEEDED, erased.summary());
            return erased;
        } catch (JobExecutionException | RuntimeException e) {
            record(commandLineUser, target, AuditEntry.Outcome.FAILED, e.getMessage() + "; ask again to finish it");
            throw e;
        }
    }

    private Erased erase(String number) throws JobExecutionException {
        String lookup = phones.of(number);
        List<CustomerRecords.OnDate> dates = records.find(lookup);
        int stagedRows = scrubStagedFiles(dates, written -> IndianMobile.normalise(written).map(number::equals).orElse(false));
        records.eraseFields(lookup);
        writeRejectListsAgain(records.filesWithRejects(lookup));
        int republished = 0;
        int keptFilesDeleted = 0;
        for (CustomerRecords.OnDate date : dates) {
            if (republish(date.planDate())) {
                republished++;
            }
            keptFilesDeleted += deleteEarlierRevisions(date.planDate());
        }
        records.forget(lookup);
        return new Erased(Masked.phone(number), dates, stagedRows, republished, keptFilesDeleted);
    }

    private int scrubStagedFiles(List<CustomerRecords.OnDate> dates, Predicate<String> theirs) {
        int rows = 0;
        for (CustomerRecords.OnDate date : dates) {
            for (CustomerRecords.StagedFile file : records.stagedOrderFiles(date.planDate())) {
                if (Files.isRegularFile(file.stagedPath())) {
                    rows += scrubber.scrub(file.stagedPath(), file.fileName(), theirs).rows();
                }
            }
        }
        return rows;
    }

    /** The ingest wrote them, into the output folder of the run that took the file in. */
    private void writeRejectListsAgain(List<CustomerRecords.RejectsFile> files) {
        for (CustomerRecords.RejectsFile file : files) {
            Optional<Path> runOutputDir = Stream.of(NightlyPlanJobConfiguration.JOB_NAME, NightlyPlanJobConfiguration.INGEST_JOB_NAME)
                    .map(job -> runs.latestExecution(job, file.planDate())).flatMap(Optional::stream).findFirst()
                    .map(e -> PlanRunParameters.from(e.getJobParameters()).runOutputDir());
            if (runOutputDir.isEmpty()) {
                continue;
            }
            try {
                rejectExport.export(file.planDate(), runOutputDir.get(), file.fileName(), orders.rejectsOf(file.fileId()));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the rejects of " + file.fileName() + " again", e);
            }
        }
    }

    /** @return whether the date had a plan to publish again */
    private boolean republish(LocalDate planDate) throws JobExecutionException {
        if (runs.latestExecution(NightlyPlanJobConfiguration.JOB_NAME, planDate).isEmpty()) {
            return false;
        }
        JobExecution publish = runs.republish(planDate);
        if (publish.getStatus() != BatchStatus.COMPLETED) {
            throw new IllegalStateException("publishing " + planDate + " again ended " + publish.getStatus()
                    + " (run " + publish.getId() + "): the files of that date still show the customer");
        }
        return true;
    }

    /**
     * Deletes the kept revisions of every folder the date was published into, and the files of
     * folders no current revision lives in (an earlier run into another output folder).
     */
    private int deleteEarlierRevisions(LocalDate planDate) {
        List<Path> current = revisions.latestOfEach(planDate).stream().map(PlanRevisionStore.Revision::folder).toList();
        List<Path> deleted = new ArrayList<>();
        for (Path folder : revisions.folders(planDate)) {
            deleted.addAll(FileTrees.deleteTree(folder.resolve(PlanRevisions.REVISIONS_FOLDER)));
            if (!current.contains(folder) && Files.isDirectory(folder)) {
                try (Stream<Path> files = Files.list(folder)) {
                    for (Path file : files.filter(Files::isRegularFile).toList()) {
                        Files.deleteIfExists(file);
                        deleted.add(file);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot delete the files of " + folder, e);
                }
            }
        }
        deleted.forEach(file -> artifacts.forget(planDate, file.toString()));
        return deleted.size();
    }

    private void record(String commandLineUser, String target, AuditEntry.Outcome outcome, String detail) {
        audit.record(commandLineUser, AuditAction.ERASE, target, outcome, detail);
    }
}
