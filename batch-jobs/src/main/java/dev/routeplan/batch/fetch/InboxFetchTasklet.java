package dev.routeplan.batch.fetch;

import dev.routeplan.batch.fetch.SftpInbox.DownloadedFile;
import dev.routeplan.batch.job.PlanRunParameters;
import dev.routeplan.batch.store.InputFileKind;
import dev.routeplan.batch.store.InputFileStore;
import dev.routeplan.planning.digest.Sha256;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Takes in the plan date's files from the local inbox folder and, when configured, the SFTP
 * inbox: copies each into staging and registers it by SHA-256. Content already registered for
 * the date is skipped, so a file is never taken in twice; a same-named file with new content is
 * a new version.
 */
public class InboxFetchTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(InboxFetchTasklet.class);

    private final InputFileStore files;
    private final RemoteInbox remote;

    public InboxFetchTasklet(InputFileStore files, RemoteInbox remote) {
        this.files = files;
        this.remote = remote;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws IOException {
        PlanRunParameters run = PlanRunParameters.from(chunkContext.getStepContext().getStepExecution().getJobParameters());
        Path inbox = run.inputDir();
        if (!Files.isDirectory(inbox)) {
            throw new IllegalStateException("input folder " + inbox + " does not exist or is not a folder");
        }
        Path staging = Files.createDirectories(run.runOutputDir().resolve("staging"));
        Tally tally = new Tally();
        for (Path file : localFiles(inbox)) {
            take(run, file, file.getFileName().toString(), null, staging, tally);
        }
        // downloads land in their own folder first: a crash there leaves only .part files, never a staged one
        for (DownloadedFile download : remote.download(run.planDate(), run.runOutputDir().resolve("sftp"))) {
            take(run, download.localPath(), download.remoteName(), download.remoteName(), staging, tally);
        }
        contribution.incrementWriteCount(tally.registered);
        chunkContext.getStepContext().getStepExecution().getExecutionContext()
                .putString("summary", tally.registered + " files registered, " + tally.skipped + " already taken in");
        return RepeatStatus.FINISHED;
    }

    private void take(PlanRunParameters run, Path file, String name, String remoteName, Path staging, Tally tally)
            throws IOException {
        Optional<InputFileKind> kind = safeName(name).flatMap(InputFileKind::ofFileName);
        if (kind.isEmpty()) {
            log.info("ignoring {}: not an orders*.csv(.gz)/orders*.xlsx, fleet.csv or depots.csv file", name);
            return;
        }
        String sha256 = Sha256.hex(file);
        Optional<Path> registered = files.stagedCopy(run.planDate(), sha256);
        if (registered.isPresent()) {
            log.info("skipping {}: the same content (sha256 {}) was already taken in for {}", name, sha256, run.planDate());
            // a re-run may write elsewhere, or staging may have been cleaned: later steps still read the staged copy
            if (!Files.exists(registered.get())) {
                Files.createDirectories(registered.get().getParent());
                Files.copy(file, registered.get());
            }
            tally.skipped++;
            return;
        }
        // the digest prefix keeps a same-named file with new content from overwriting the earlier version
        Path staged = staging.resolve(sha256.substring(0, 12) + "-" + name);
        Files.copy(file, staged, StandardCopyOption.REPLACE_EXISTING);
        files.register(run.planDate(), name, kind.get(), Files.size(staged), sha256, staged, remoteName);
        tally.registered++;
    }

    private static Optional<String> safeName(String name) {
        try {
            return Optional.of(SafeFileNames.require(name));
        } catch (UnsafeFileNameException e) {
            log.warn("ignoring {}", e.getMessage());
            return Optional.empty();
        }
    }

    private static List<Path> localFiles(Path inbox) throws IOException {
        try (Stream<Path> listing = Files.list(inbox)) {
            return listing.filter(Files::isRegularFile).sorted().toList();
        }
    }

    private static final class Tally {
        int registered;
        int skipped;
    }
}
