package dev.routeplan.batch.deliver;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The SFTP outbox the published plans are uploaded to, off by default (the demo needs no server):
 * which folders on the server of {@code routeplan.outbox} (the server itself, login, host key and
 * retries are its {@link dev.routeplan.batch.sftp.SftpEndpoint}, bound under the same prefix).
 * {@code remoteDir} takes a depot's files, {@code runRemoteDir} the run-wide ones; both may hold
 * {@code {date}} (yyyy-MM-dd) and {@code remoteDir} also {@code {depot}}.
 */
@ConfigurationProperties("routeplan.outbox")
public record OutboxProperties(
        @DefaultValue("false") boolean enabled,
        @DefaultValue("/outbox/{date}/{depot}") String remoteDir,
        @DefaultValue("/outbox/{date}") String runRemoteDir) {

    @Override
    public String toString() {
        return "remoteDir=" + remoteDir + ", runRemoteDir=" + runRemoteDir;
    }
}
