package dev.routeplan.batch.fetch;

import dev.routeplan.batch.job.PlanRunParameters;
import dev.routeplan.batch.store.InputFileKind;
import dev.routeplan.batch.store.InputFileStore;
import dev.routeplan.batch.store.Sha256;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Copies the plan date's input files from the inbox folder into staging and registers each by
 * SHA-256: content already registered for the date is skipped, so a file is never taken in twice.
 */
public class InboxFetchTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(InboxFetchTasklet.class);

    private final InputFileStore files;

    public InboxFetchTasklet(InputFileStore files) {
        this.files = files;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws IOException {
        PlanRunParameters run = PlanRunParameters.from(chunkContext.getStepContext().getStepExecution().getJobParameters());
        Path inbox = run.inputDir();
        if (!Files.isDirectory(inbox)) {
            throw new IllegalStateException("input folder " + inbox + " does not exist or is not a folder");
        }
        Path staging = Files.createDirectories(run.runOutputDir().resolve("staging"));
        int registered = 0;
        int skipped = 0;
        for (Path file : inputFiles(inbox)) {
            String name = file.getFileName().toString();
            Optional<InputFileKind> kind = InputFileKind.ofFileName(name);
            if (kind.isEmpty()) {
                log.info("ignoring {}: not an orders*.csv, fleet.csv or depots.csv file", file);
                continue;
            }
            String sha256 = Sha256.of(file);
            if (files.isRegistered(run.planDate(), sha256)) {
                log.info("skipping {}: the same content (sha256 {}) was already taken in for {}", name, sha256, run.planDate());
                skipped++;
                continue;
            }
            // the digest prefix keeps a same-named file with new content from overwriting the earlier version
            Path staged = staging.resolve(sha256.substring(0, 12) + "-" + name);
            Files.copy(file, staged, StandardCopyOption.REPLACE_EXISTING);
            files.register(run.planDate(), name, kind.get(), Files.size(staged), sha256, staged);
            contribution.incrementWriteCount(1);
            registered++;
        }
        chunkContext.getStepContext().getStepExecution().getExecutionContext()
                .putString("summary", registered + " files registered, " + skipped + " already taken in");
        return RepeatStatus.FINISHED;
    }

    private static List<Path> inputFiles(Path inbox) throws IOException {
        try (Stream<Path> listing = Files.list(inbox)) {
            List<Path> found = new ArrayList<>(listing.filter(Files::isRegularFile).sorted().toList());
            return found;
        }
    }
}
