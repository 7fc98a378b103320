package dev.routeplan.app.runs;

import dev.routeplan.planning.domain.RouteStatus;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.routeplan.app.LoopbackPorts;
import dev.routeplan.app.schedule.RetryDeliveries;
import dev.routeplan.batch.deliver.PlanDelivery;
import dev.routeplan.batch.store.DeliveryChannel;
import dev.routeplan.batch.store.DeliveryState;
import dev.routeplan.batch.store.DeliveryStore;
import dev.routeplan.batch.store.DeliveryStore.Delivery;
import dev.routeplan.batch.store.PlanStore;
import dev.routeplan.planning.digest.Sha256;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The deliver step against an embedded Apache MINA SSHD server (host key checked) and GreenMail,
 * both on loopback at random ports: new revisions go out once, unchanged ones never again, and an
 * outage of either is recorded without failing the run, then delivered when the server is back.
 */
@PlanJobTest
class PlanDeliveryTests {

    static final EmbeddedSftpServer SFTP = EmbeddedSftpServer.start("dispatch");
    static final GreenMail MAIL = startMail();

    @DynamicPropertySource
    static void outbox(DynamicPropertyRegistry registry) throws Exception {
        SFTP.connect(registry, "routeplan.outbox");
        registry.add("routeplan.outbox.max-attempts", () -> "2");
        registry.add("routeplan.outbox.initial-backoff", () -> "10ms");
        registry.add("routeplan.outbox.connect-timeout", () -> "2s");
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> MAIL.getSmtp().getPort());
        registry.add("routeplan.mail.enabled", () -> "true");
        registry.add("routeplan.mail.from", () -> "routeplan@example.test");
        registry.add("routeplan.mail.recipients", () -> "compliance@example.test");
        registry.add("routeplan.mail.max-attempts", () -> "2");
        registry.add("routeplan.mail.initial-backoff", () -> "10ms");
    }

    @AfterAll
    static void stopServers() throws IOException {
        SFTP.stop();
        MAIL.stop();
    }

    @Autowired
    PlanStore plans;
    @Autowired
    DeliveryStore deliveries;
    @Autowired
    PlanDelivery planDelivery;
    @Autowired
    PlanRuns runs;
    @Autowired
    PlanDateRuns planDates;
    @Autowired
    RetryDeliveries retryDeliveries;
    @Autowired
    MeterRegistry meters;

    @Test
    void sendsEachNewRevisionOnceAndMailsARevisedReportWhenThePlanChanges(SampleDay sampleDay) throws Exception {
        // given
        LocalDate date = LocalDate.of(2026, 12, 12);
        Path dir = sampleDay.outputs(date).dir();

        // when
        JobExecution first = sampleDay.run(date, 0, 1);

        // then the files are in the outbox under their final names, and the report is mailed
        assertThat(first.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        Path outbox = SFTP.root().resolve("outbox").resolve(date.toString());
        assertThat(remoteFiles(outbox)).contains("D1/plan-D1.xlsx", "D1/manifests-D1.pdf", "D3/plan-D3.xlsx",
                "compliance-report.pdf", "routes.csv", "summary.json").noneMatch(name -> name.contains(".writing"));
        assertThat(Sha256.hex(outbox.resolve("D1/plan-D1.xlsx"))).isEqualTo(Sha256.hex(dir.resolve("D1/plan-D1.xlsx")));
        assertThat(mailsOf(date)).extracting(MimeMessage::getSubject).containsExactly("Compliance report " + date);
        try (InputStream in = attachment(mailsOf(date).get(0)).getInputStream()) {
            assertThat(in.readAllBytes()).isEqualTo(Files.readAllBytes(dir.resolve("compliance-report.pdf")));
        }
        assertThat(deliveries.of(date)).hasSize(5).allSatisfy(d -> assertThat(d.status()).isEqualTo(DeliveryState.SENT));

        // when the same plan is published again
        JobExecution second = runs.republish(date);

        // then nothing goes out
        assertThat(mailsOf(date)).hasSize(1);
        assertThat(deliveries.of(date)).hasSize(5).allSatisfy(d -> assertThat(d.attempts()).isEqualTo(1));

        // when a route of D1 is withdrawn and the plan published again
        String withdrawn = plans.routes(date, "D1").stream().filter(r -> !r.route().stops().isEmpty()).findFirst()
                .orElseThrow().route().vehicleId();
        plans.setStatus(date, withdrawn, RouteStatus.BLOCKED);
        runs.republish(date);

        // then the officers get a revised report and the outbox the new D1 files
        assertThat(mailsOf(date)).extracting(MimeMessage::getSubject)
                .containsExactly("Compliance report " + date, "REVISED compliance report " + date + " (revision 2)");
        assertThat(Sha256.hex(outbox.resolve("D1/plan-D1.xlsx"))).isEqualTo(Sha256.hex(dir.resolve("D1/plan-D1.xlsx")));
        assertThat(planDelivery.current(date)).extracting(d -> d.depotId() + " r" + d.revision() + " " + d.channel() + " " + d.status())
                .containsExactly("* r2 MAIL SENT", "* r2 SFTP SENT", "D1 r2 SFTP SENT", "D2 r1 SFTP SENT", "D3 r1 SFTP SENT");
    }

    @Test
    void anSftpOutageIsRecordedWithoutFailingTheRunAndDeliveredWhenTheServerIsBack(SampleDay sampleDay) throws Exception {
        // given the outbox server is down
        LocalDate date = LocalDate.of(2026, 12, 13);
        int port = SFTP.port();
        SFTP.stop();
        try {
            // when
            JobExecution execution = sampleDay.run(date, 0, 1);

            // then the plans are published, the uploads FAILED with where and why, the mail went out
            assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
            assertThat(sampleDay.outputs(date).file("D1/plan-D1.xlsx")).isRegularFile();
            List<Delivery> afterRun = deliveries.of(date);
            assertThat(afterRun).filteredOn(d -> d.channel() == DeliveryChannel.SFTP).hasSize(4).allSatisfy(d -> {
                assertThat(d.status()).isEqualTo(DeliveryState.FAILED);
                assertThat(d.lastError()).contains("SFTP 127.0.0.1:" + port, "(after 2 attempts)");
            });
            assertThat(afterRun).filteredOn(d -> d.channel() == DeliveryChannel.MAIL)
                    .singleElement().extracting(Delivery::status).isEqualTo(DeliveryState.SENT);
        } finally {
            SFTP.startAgain();
        }

        // when the server is back and the operator delivers
        List<Delivery> retried = planDelivery.deliver(date);

        // then
        assertThat(retried).hasSize(5).allSatisfy(d -> assertThat(d.status()).isEqualTo(DeliveryState.SENT));
        assertThat(retried).filteredOn(d -> d.channel() == DeliveryChannel.SFTP)
                .allSatisfy(d -> assertThat(d.attempts()).isEqualTo(2));
        assertThat(SFTP.root().resolve("outbox").resolve(date.toString()).resolve("D2/manifests-D2.pdf")).isRegularFile();
        assertThat(mailsOf(date)).hasSize(1);
    }

    @Test
    void aMailOutageIsRecordedWithoutFailingTheRunAndTheHourlyRetryMailsTheReportOnceWhenTheServerIsBack(SampleDay sampleDay)
            throws Exception {
        // given the mail server is down
        LocalDate date = LocalDate.of(2026, 12, 14);
        double failedMails = mailDeliveries(DeliveryState.FAILED);
        double sentMails = mailDeliveries(DeliveryState.SENT);
        int port = MAIL.getSmtp().getPort();
        MAIL.stop();
        try {
            // when
            RunResult run = planDates.run(date, sampleDay.input(), sampleDay.output(), 0, 1);

            // then the plans are published and uploaded, the mail is recorded FAILED with where and why, and counted
            assertThat(run.status()).isEqualTo(BatchStatus.COMPLETED);
            assertThat(run.planned().outputs()).contains("compliance-report.pdf", "D1/plan-D1.xlsx");
            assertThat(run.planned().delivery().notSent()).isEqualTo(1);
            List<Delivery> afterRun = deliveries.of(date);
            assertThat(afterRun).filteredOn(d -> d.channel() == DeliveryChannel.SFTP).hasSize(4)
                    .allSatisfy(d -> assertThat(d.status()).isEqualTo(DeliveryState.SENT));
            assertThat(afterRun).filteredOn(d -> d.channel() == DeliveryChannel.MAIL).singleElement().satisfies(d -> {
                assertThat(d.status()).isEqualTo(DeliveryState.FAILED);
                assertThat(d.target()).isEqualTo("mailto:compliance@example.test");
                assertThat(d.lastError()).startsWith("mail \"Compliance report " + date + "\" to [compliance@example.test]")
                        .contains(": SMTP 127.0.0.1:" + port + ": ").endsWith("(after 2 attempts)");
            });
            assertThat(mailDeliveries(DeliveryState.FAILED)).isEqualTo(failedMails + 1);
            assertThat(mailsOf(date)).isEmpty();
        } finally {
            MAIL.start();
        }

        // when the server is back and the hourly delivery retry runs, twice
        retryDeliveries.retry(date);
        retryDeliveries.retry(date);

        // then the report is mailed once, and only the mail was sent again
        assertThat(mailsOf(date)).extracting(MimeMessage::getSubject).containsExactly("Compliance report " + date);
        assertThat(planDelivery.current(date)).hasSize(5).allSatisfy(d -> {
            assertThat(d.status()).isEqualTo(DeliveryState.SENT);
            assertThat(d.attempts()).isEqualTo(d.channel() == DeliveryChannel.MAIL ? 2 : 1);
        });
        assertThat(mailDeliveries(DeliveryState.SENT)).isEqualTo(sentMails + 1);
    }

    private double mailDeliveries(DeliveryState state) {
        return MeterCounts.count(meters, "routeplan.deliveries", "channel", "MAIL", "state", state.name());
    }

    private static List<MimeMessage> mailsOf(LocalDate date) {
        return Arrays.stream(MAIL.getReceivedMessages()).filter(m -> {
            try {
                return m.getSubject().contains(date.toString());
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private static Part attachment(MimeMessage message) throws Exception {
        Multipart parts = (Multipart) message.getContent();
        for (int i = 0; i < parts.getCount(); i++) {
            BodyPart part = parts.getBodyPart(i);
            if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
                assertThat(part.getFileName()).isEqualTo("compliance-report.pdf");
                return part;
            }
        }
        throw new AssertionError("no attachment in " + message.getSubject());
    }

    private static List<String> remoteFiles(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).map(f -> folder.relativize(f).toString()).sorted().toList();
        }
    }

    /** On a port of its own, so that started again after an outage it is where the application looks. */
    private static GreenMail startMail() {
        GreenMail mail = new GreenMail(ServerSetupTest.SMTP.port(LoopbackPorts.closed()));
        mail.start();
        return mail;
    }
}
