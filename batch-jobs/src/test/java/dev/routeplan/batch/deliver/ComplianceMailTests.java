package dev.routeplan.batch.deliver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** Against GreenMail's SMTP server on loopback, random port. */
class ComplianceMailTests {

    private static final LocalDate PLAN_DATE = LocalDate.of(2026, 12, 1);
    private static final byte[] PDF = "%PDF-1.7 report".getBytes();

    @RegisterExtension
    static final GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @TempDir
    Path temp;

    @Test
    void mailsTheReportToEveryRecipientWithThePdfAttached() throws Exception {
        // given
        Path report = Files.write(temp.resolve("compliance-report.pdf"), PDF);

        // when
        mail(greenMail.getSmtp().getPort()).send(PLAN_DATE, 1, false, report);

        // then
        MimeMessage[] received = greenMail.getReceivedMessages();
        assertThat(received).hasSize(2);   // one copy per recipient
        assertThat(received[0].getSubject()).isEqualTo("Compliance report 2026-12-01");
        assertThat(received[0].getAllRecipients()).extracting(Object::toString)
                .containsExactly("officer@example.test", "depot-lead@example.test");
        Part attachment = attachment(received[0]);
        assertThat(attachment.getFileName()).isEqualTo("compliance-report.pdf");
        assertThat(attachment.getContentType()).startsWith("application/pdf");
        try (InputStream in = attachment.getInputStream()) {
            assertThat(in.readAllBytes()).isEqualTo(PDF);
        }
    }

    @Test
    void saysRevisedAndWhichRevisionWhenAnEarlierReportWentOut() throws Exception {
        Path report = Files.write(temp.resolve("compliance-report.pdf"), PDF);

        mail(greenMail.getSmtp().getPort()).send(PLAN_DATE, 2, true, report);

        assertThat(greenMail.getReceivedMessages()[0].getSubject())
                .isEqualTo("REVISED compliance report 2026-12-01 (revision 2)");
    }

    @Test
    void failsNamingTheSubjectRecipientsAndServerAfterRetryingWhenTheServerIsDown() throws Exception {
        int closedPort = freePort();
        Path report = Files.write(temp.resolve("compliance-report.pdf"), PDF);

        assertThatThrownBy(() -> mail(closedPort).send(PLAN_DATE, 1, false, report))
                .isInstanceOf(DeliveryException.class)
                .hasMessageStartingWith("mail \"Compliance report 2026-12-01\" to [officer@example.test, depot-lead@example.test]: "
                        + "SMTP 127.0.0.1:" + closedPort + ": ")
                .hasMessageEndingWith("(after 2 attempts)");
    }

    @Test
    void retriesUntilTheMailServerIsBack() throws Exception {
        int port = freePort();
        Path report = Files.write(temp.resolve("compliance-report.pdf"), PDF);
        ComplianceMail mail = mail(port, 4, Duration.ofMillis(400));
        GreenMail late = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        Thread start = new Thread(() -> {
            try {
                Thread.sleep(200);   // the first try has failed by then, the retry waits 400 ms
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            late.start();
        });
        start.start();
        try {
            mail.send(PLAN_DATE, 1, false, report);
            start.join();

            assertThat(late.getReceivedMessages()).hasSize(2)   // one copy per recipient
                    .extracting(MimeMessage::getSubject).containsOnly("Compliance report 2026-12-01");
        } finally {
            start.join();
            late.stop();
        }
    }

    private static ComplianceMail mail(int port) {
        return mail(port, 2, Duration.ofMillis(10));
    }

    private static ComplianceMail mail(int port, int maxAttempts, Duration initialBackoff) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(port);
        return new ComplianceMail(sender, new ComplianceMailProperties(true, "routeplan@example.test",
                List.of("officer@example.test", "depot-lead@example.test"), maxAttempts, initialBackoff));
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static Part attachment(MimeMessage message) throws Exception {
        Multipart parts = (Multipart) message.getContent();
        for (int i = 0; i < parts.getCount(); i++) {
            BodyPart part = parts.getBodyPart(i);
            if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
                return part;
            }
        }
        throw new AssertionError("no attachment in " + message.getSubject());
    }
}
