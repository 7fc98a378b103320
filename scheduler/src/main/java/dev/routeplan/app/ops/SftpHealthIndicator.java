package dev.routeplan.app.ops;

import dev.routeplan.batch.sftp.SftpConnection;
import dev.routeplan.batch.sftp.SftpEndpoint;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.integration.sftp.session.SftpSession;

/**
 * An SFTP server of the jobs (the inbox or the outbox): one login, without retries, and whether the
 * folder the dated folders live under is there. Reported in the full health only: a server that is
 * down fails that night's fetch or delivery, which retry by themselves, and must not take the
 * service out of rotation.
 */
class SftpHealthIndicator extends AbstractHealthIndicator {

    private final SftpEndpoint endpoint;
    private final String folder;

    /** @param folder a remote folder; the part before any {@code {date}} or {@code {depot}} is checked */
    SftpHealthIndicator(SftpEndpoint endpoint, String folder) {
        super("SFTP health check failed");
        this.endpoint = endpoint;
        int placeholder = folder.indexOf('{');
        String fixed = placeholder < 0 ? folder : folder.substring(0, placeholder);
        this.folder = fixed.isEmpty() || fixed.equals("/") ? "/" : fixed.replaceAll("/+$", "");
    }

    @Override
    protected void doHealthCheck(Health.Builder health) {
        health.withDetail("server", endpoint.hostAndPort()).withDetail("folder", folder);
        try (SftpConnection connection = new SftpConnection(endpoint, folder,
                (problem, attempts, cause) -> new IllegalStateException(problem, cause))) {
            SftpSession session = connection.sessionFactory().getSession();
            try {
                if (session.exists(folder)) {
                    health.up();
                } else {
                    health.down().withDetail("problem", "folder not found");
                }
            } finally {
                session.close();
            }
        }
    }
}
