package dev.routeplan.batch.deliver;

import dev.routeplan.batch.job.RunMetrics;
import dev.routeplan.batch.store.DeliveryChannel;
import dev.routeplan.batch.store.DeliveryState;
import dev.routeplan.batch.store.DeliveryStore;
import dev.routeplan.batch.store.DeliveryStore.Delivery;
import dev.routeplan.batch.store.PlanRevisionStore;
import dev.routeplan.batch.store.PlanRevisionStore.Revision;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the current revision of each depot's plan (and of the run-wide files) over the enabled
 * channels: the SFTP outbox takes every revision's files, the mail takes the compliance report of
 * the run-wide revision. What went out is not sent again, so a re-run with an unchanged plan sends
 * nothing; what could not go out is recorded FAILED with the error and tried again by the next
 * run of the date or by {@code routeplan deliver}. An outage never fails the caller: the plans
 * are published whatever happens here.
 */
public class PlanDelivery {

    static final String REPORT_PDF = "compliance-report.pdf";
    private static final Logger log = LoggerFactory.getLogger(PlanDelivery.class);

    private final PlanRevisionStore revisions;
    private final DeliveryStore deliveries;
    private final Optional<SftpOutbox> outbox;
    private final Optional<ComplianceMail> mail;
    private final RunMetrics metrics;

    public PlanDelivery(PlanRevisionStore revisions, DeliveryStore deliveries, Optional<SftpOutbox> outbox,
                        Optional<ComplianceMail> mail, RunMetrics metrics) {
        this.metrics = metrics;
        this.revisions = revisions;
        this.deliveries = deliveries;
        this.outbox = outbox;
        this.mail = mail;
    }

    /** Sends what is not sent yet for the date's current revisions; returns the deliveries of those revisions. */
    public List<Delivery> deliver(LocalDate planDate) {
        for (Revision revision : revisions.latestOfEach(planDate)) {
            outbox.ifPresent(sftp -> deliverBySftp(sftp, revision));
            if (revision.runWide()) {
                mail.ifPresent(m -> deliverByMail(m, revision));
            }
        }
        return current(planDate);
    }

    /** The deliveries of the date's current revisions, what an operator checks. */
    public List<Delivery> current(LocalDate planDate) {
        List<Revision> latest = revisions.latestOfEach(planDate);
        return deliveries.of(planDate).stream()
                .filter(d -> latest.stream().anyMatch(r -> r.depotId().equals(d.depotId()) && r.revision() == d.revision()))
                .toList();
    }

    private void deliverBySftp(SftpOutbox sftp, Revision revision) {
        String depot = revision.runWide() ? null : revision.depotId();
        String target = sftp.target(revision.planDate(), depot);
        attempt(revision, DeliveryChannel.SFTP, target, () -> sftp.upload(revision.planDate(), depot, files(revision.folder())));
    }

    private void deliverByMail(ComplianceMail m, Revision revision) {
        boolean revised = deliveries.sentBefore(revision.planDate(), revision.depotId(), revision.revision(), DeliveryChannel.MAIL);
        attempt(revision, DeliveryChannel.MAIL, m.target(), () -> m.send(revision.planDate(), revision.revision(), revised,
                revision.folder().resolve(REPORT_PDF)));
    }

    private void attempt(Revision revision, DeliveryChannel channel, String target, Runnable send) {
        Delivery delivery = deliveries.pending(revision.planDate(), revision.depotId(), revision.revision(), channel, target);
        if (delivery.sent()) {
            log.debug("{} {} revision {} already sent by {}", revision.planDate(), revision.depotId(), revision.revision(), channel);
            return;
        }
        try {
            send.run();
            deliveries.sent(delivery, target);
            metrics.delivered(revision.depotId(), channel.name(), DeliveryState.SENT.name());
            log.info("{} {} revision {} delivered by {} to {}", revision.planDate(), revision.depotId(), revision.revision(),
                    channel, target);
        } catch (RuntimeException e) {
            deliveries.failed(delivery, target, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
            metrics.delivered(revision.depotId(), channel.name(), DeliveryState.FAILED.name());
            log.error("{} {} revision {} NOT delivered by {} to {}: {}; it stays FAILED until a later run or "
                    + "'routeplan deliver --date {}' sends it", revision.planDate(), revision.depotId(), revision.revision(),
                    channel, target, e.getMessage(), revision.planDate());
        }
    }

    private static List<Path> files(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().startsWith(".")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the published files in " + folder, e);
        }
    }
}
