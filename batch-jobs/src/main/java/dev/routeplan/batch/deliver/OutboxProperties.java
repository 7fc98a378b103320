package dev.routeplan.batch.deliver;

import dev.routeplan.batch.sftp.SftpEndpoint;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The SFTP outbox the published plans are uploaded to, off by default (the demo needs no server).
 * {@code remoteDir} takes a depot's files, {@code runRemoteDir} the run-wide ones; both may hold
 * {@code {date}} (yyyy-MM-dd) and {@code remoteDir} also {@code {depot}}. Secrets come from the
 * environment, e.g. {@code ROUTEPLAN_OUTBOX_PASSWORD}; nothing secret has a default.
 */
@ConfigurationProperties("routeplan.outbox")
public record OutboxProperties(
        @DefaultValue("false") boolean enabled,
        String host,
        @DefaultValue("22") int port,
        String user,
        String password,
        Path privateKey,
        String privateKeyPassphrase,
        @DefaultValue("config/sftp/known_hosts") Path knownHosts,
        @DefaultValue("false") boolean trustAnyHostKey,
        @DefaultValue("/outbox/{date}/{depot}") String remoteDir,
        @DefaultValue("/outbox/{date}") String runRemoteDir,
        @DefaultValue("4") int maxAttempts,
        @DefaultValue("2s") Duration initialBackoff,
        @DefaultValue("10s") Duration connectTimeout) {

    public SftpEndpoint endpoint() {
        return new SftpEndpoint(host, port, user, password, privateKey, privateKeyPassphrase, knownHosts, trustAnyHostKey,
                maxAttempts, initialBackoff, connectTimeout);
    }

    @Override
    public String toString() {
        return "outbox " + endpoint() + ", remoteDir=" + remoteDir + ", runRemoteDir=" + runRemoteDir;
    }
}
