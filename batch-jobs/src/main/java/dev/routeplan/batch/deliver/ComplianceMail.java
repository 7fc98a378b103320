package dev.routeplan.batch.deliver;

import dev.routeplan.batch.retry.Retrier;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.LocalDate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.FileSystemResource;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * Mails the compliance report PDF to the compliance officers. A revision after one they already
 * received says so in the subject, so nobody acts on the superseded report. Tried
 * {@code maxAttempts} times with exponential backoff by the shared {@link Retrier}; then it fails
 * naming the subject, the recipients, the server and the last cause.
 */
public class ComplianceMail {

    private static final Logger log = LoggerFactory.getLogger(ComplianceMail.class);

    private final JavaMailSender sender;
    private final ComplianceMailProperties settings;
    private final String server;

    public ComplianceMail(JavaMailSender sender, ComplianceMailProperties settings) {
        this.sender = sender;
        this.settings = settings;
        this.server = server(sender);
    }

    /**
     * The SMTP server as the operator configured it (spring.mail.host and port), so that a failure
     * says which server did not take the mail: JavaMail's root cause says only "Connection refused".
     */
    private static String server(JavaMailSender sender) {
        if (sender instanceof JavaMailSenderImpl smtp && smtp.getHost() != null) {
            return "SMTP " + smtp.getHost() + (smtp.getPort() > 0 ? ":" + smtp.getPort() : "");
        }
        return "the mail server";
    }

    public String target() {
        return "mailto:" + String.join(",", settings.recipients());
    }

    static String subject(LocalDate planDate, int revision, boolean revised) {
        return revised ? "REVISED compliance report " + planDate + " (revision " + revision + ")"
                : "Compliance report " + planDate;
    }

    public void send(LocalDate planDate, int revision, boolean revised, Path reportPdf) {
        String subject = subject(planDate, revision, revised);
        new Retrier("mail \"" + subject + "\"", settings.retry(), e -> true).call("sending", () -> {
            sender.send(message(planDate, revision, revised, subject, reportPdf));
            return null;
        }, (last, attempts) -> new DeliveryException("mail \"" + subject + "\" to " + settings.recipients() + ": " + server
                + ": " + Retrier.rootMessage(last) + " " + Retrier.attempts(attempts), last));
        log.info("mailed \"{}\" to {}", subject, settings.recipients());
    }

    private MimeMessage message(LocalDate planDate, int revision, boolean revised, String subject, Path reportPdf)
            throws MessagingException {
        MimeMessage message = sender.createMimeMessage();
        MimeMessageHelper mail = new MimeMessageHelper(message, true, "UTF-8");
        mail.setFrom(settings.from());
        mail.setTo(settings.recipients().toArray(String[]::new));
        mail.setSubject(subject);
        mail.setText((revised
                ? "The plan for " + planDate + " has changed since the report you received. This is revision " + revision
                  + "; it replaces the earlier one.\n"
                : "The compliance report of the plan for " + planDate + " is attached (revision " + revision + ").\n")
                + "\nSent by routeplan.\n");
        mail.addAttachment(reportPdf.getFileName().toString(), new FileSystemResource(reportPdf), "application/pdf");
        return message;
    }
}
