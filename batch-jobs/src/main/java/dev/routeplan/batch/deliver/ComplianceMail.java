package dev.routeplan.batch.deliver;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.FileSystemResource;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * Mails the compliance report PDF to the compliance officers. A revision after one they already
 * received says so in the subject, so nobody acts on the superseded report. Tried
 * {@code maxAttempts} times with exponential backoff.
 */
public class ComplianceMail {

    private static final Logger log = LoggerFactory.getLogger(ComplianceMail.class);

    private final JavaMailSender sender;
    private final ComplianceMailProperties settings;

    public ComplianceMail(JavaMailSender sender, ComplianceMailProperties settings) {
        this.sender = sender;
        this.settings = settings;
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
        RuntimeException last = null;
        for (int attempt = 1; attempt <= settings.maxAttempts(); attempt++) {
            try {
                sender.send(message(planDate, revision, revised, subject, reportPdf));
                log.info("mailed \"{}\" to {}", subject, settings.recipients());
                return;
            } catch (MailException | MessagingException e) {
                last = e instanceof RuntimeException r ? r : new IllegalStateException(e);
                if (attempt < settings.maxAttempts()) {
                    Duration pause = settings.initialBackoff().multipliedBy(1L << Math.min(attempt - 1, 20));
                    log.warn("mail \"{}\": {} (attempt {} of {}), trying again in {} ms", subject, rootMessage(e), attempt,
                            settings.maxAttempts(), pause.toMillis());
                    sleep(pause);
                }
            }
        }
        throw new DeliveryException("mail \"" + subject + "\" to " + settings.recipients() + ": " + rootMessage(last)
                + " (after " + settings.maxAttempts() + (settings.maxAttempts() == 1 ? " attempt)" : " attempts)"), last);
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

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeliveryException("interrupted while waiting to retry a mail", e);
        }
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null || root.getMessage().isBlank() ? root.getClass().getSimpleName() : root.getMessage();
    }
}
