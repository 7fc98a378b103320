package dev.routeplan.batch.fetch;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The SFTP inbox, off by default (the embedded default reads a local folder). Secrets come from
 * the environment, e.g. {@code ROUTEPLAN_SFTP_PASSWORD}; nothing secret has a default.
 */
@ConfigurationProperties("routeplan.sftp")
public record SftpProperties(
        @DefaultValue("false") boolean enabled,
        String host,
        @DefaultValue("22") int port,
        String user,
        String password,
        Path privateKey,
        String privateKeyPassphrase,
        @DefaultValue("config/sftp/known_hosts") Path knownHosts,
        @DefaultValue("false") boolean trustAnyHostKey,
        @DefaultValue("/inbox/{date}") String remoteDir,
        @DefaultValue({"orders*.csv", "orders*.csv.gz", "orders*.xlsx", "fleet.csv", "depots.csv", "permits.csv", "grap.csv"}) List<String> patterns,
        @DefaultValue("/processed/{date}") String processedDir,
        @DefaultValue("4") int maxAttempts,
        @DefaultValue("2s") Duration initialBackoff,
        @DefaultValue("10s") Duration connectTimeout) {

    public SftpSettings toSettings() {
        return new SftpSettings(host, port, user, password, privateKey, privateKeyPassphrase, knownHosts, trustAnyHostKey,
                remoteDir, patterns, processedDir, maxAttempts, initialBackoff, connectTimeout);
    }

    @Override
    public String toString() {
        return toSettings().toString();
    }
}
