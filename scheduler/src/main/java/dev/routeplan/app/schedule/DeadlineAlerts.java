package dev.routeplan.app.schedule;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Raises a night's deadline alert once: the first node to record it in {@code schedule_alerts}
 * logs the ERROR line and mails the ops list ({@code routeplan.schedules.alert-mail-to}, through
 * Spring's {@link JavaMailSender} as the compliance mail goes); later checks of the same night,
 * on this node or another, find it recorded and stay quiet.
 */
@Component
class DeadlineAlerts {

    private static final Logger log = LoggerFactory.getLogger(DeadlineAlerts.class);

    private final JdbcClient jdbc;
    private final ObjectProvider<JavaMailSender> mailSender;
    private final SchedulesProperties schedules;

    DeadlineAlerts(JdbcClient jdbc, ObjectProvider<JavaMailSender> mailSender, SchedulesProperties schedules) {
        this.jdbc = jdbc;
        this.mailSender = mailSender;
        this.schedules = schedules;
    }

    /** @return true when this call raised it, false when it had been raised already */
    boolean raise(ScheduleName schedule, LocalDate planDate, ZonedDateTime deadline, String reason, Instant now) {
        try {
            jdbc.sql("insert into schedule_alerts (schedule, plan_date, raised_at, deadline, reason) values (?, ?, ?, ?, ?)")
                    .params(schedule.id(), planDate, Timestamp.from(now), Timestamp.from(deadline.toInstant()),
                            reason.length() > 1000 ? reason.substring(0, 1000) : reason)
                    .update();
        } catch (DuplicateKeyException alreadyRaised) {
            return false;
        }
        log.error("DEADLINE MISSED schedule {} plan date {}: {}", schedule.id(), planDate, reason);
        mail(schedule, planDate, reason);
        return true;
    }

    private void mail(ScheduleName schedule, LocalDate planDate, String reason) {
        JavaMailSender sender = mailSender.getIfAvailable();
        if (schedules.alertMailTo().isEmpty() || sender == null) {
            log.warn("deadline alert of {} not mailed: {}", planDate, sender == null
                    ? "no mail server (spring.mail.host)" : "no ops list (routeplan.schedules.alert-mail-to)");
            return;
        }
        try {
            MimeMessage message = sender.createMimeMessage();
            MimeMessageHelper mail = new MimeMessageHelper(message, false, "UTF-8");
            mail.setFrom(schedules.alertMailFrom());
            mail.setTo(schedules.alertMailTo().toArray(String[]::new));
            mail.setSubject("routeplan DEADLINE: plans of " + planDate + " (" + schedule.id() + ")");
            mail.setText(reason + "\n\nSee the runs of " + planDate + " (GET /api/v1/runs) and the service's log.\n"
                    + "\nSent by routeplan.\n");
            sender.send(message);
            log.info("deadline alert of {} mailed to {}", planDate, schedules.alertMailTo());
        } catch (MessagingException | MailException e) {
            log.error("deadline alert of {} could not be mailed to {}: {}", planDate, schedules.alertMailTo(), e.getMessage());
        }
    }
}
