package dev.routeplan.batch.sftp;

import dev.routeplan.batch.retry.RetrySettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.env.Environment;

/**
 * An SFTP server, how to log in, how its host key is checked and how hard to try: the one model
 * of an SFTP connection, bound under {@code routeplan.sftp} for the inbox and under
 * {@code routeplan.outbox} for the outbox, each of which adds only its own folders. There are no
 * defaults for anything secret.
 *
 * @param password             may be null when a private key is given
 * @param privateKey           OpenSSH or PEM key file; may be null when a password is given
 * @param privateKeyPassphrase null or blank for an unencrypted key
 * @param knownHosts           OpenSSH known_hosts file the server's key is checked against (rsa, ecdsa and ed25519 lines)
 * @param trustAnyHostKey      accept any server key (tests, first contact only); logged as a WARN on every connection
 * @param maxAttempts          tries per operation, at least 1
 * @param initialBackoff       pause after the first failed try; doubled after each further one
 * @param connectTimeout       for connecting and for authenticating
 */
public record SftpEndpoint(
        String host,
        @DefaultValue("22") int port,
        String user,
        String password,
        Path privateKey,
        String privateKeyPassphrase,
        @DefaultValue("config/sftp/known_hosts") Path knownHosts,
        @DefaultValue("false") boolean trustAnyHostKey,
        @DefaultValue("4") int maxAttempts,
        @DefaultValue("2s") Duration initialBackoff,
        @DefaultValue("10s") Duration connectTimeout) {

    public SftpEndpoint {
        require(host != null && !host.isBlank(), "host is required");
        require(port > 0 && port <= 65535, "port " + port + " is not between 1 and 65535");
        require(user != null && !user.isBlank(), "user is required");
        require((password != null && !password.isEmpty()) || privateKey != null,
                "a password or a private key is required");
        require(trustAnyHostKey || knownHosts != null,
                "a known_hosts file is required unless trustAnyHostKey is set");
        require(maxAttempts >= 1, "maxAttempts must be at least 1, was " + maxAttempts);
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        require(!initialBackoff.isNegative(), "initialBackoff must not be negative");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        require(!connectTimeout.isNegative() && !connectTimeout.isZero(), "connectTimeout must be positive");
    }

    /**
     * The server configured under {@code prefix} ({@code routeplan.sftp}, {@code routeplan.outbox});
     * bound only when that channel is enabled, so a disabled one needs no host or secret.
     */
    public static SftpEndpoint bind(Environment environment, String prefix) {
        return Binder.get(environment).bindOrCreate(prefix, SftpEndpoint.class);
    }

    public RetrySettings retry() {
        return new RetrySettings(maxAttempts, initialBackoff);
    }

    public String hostAndPort() {
        return host + ":" + port;
    }

    /** Never prints the password or the passphrase (a record's default toString would). */
    @Override
    public String toString() {
        return user + "@" + hostAndPort()
                + ", auth=" + (privateKey != null ? "key " + privateKey : "password")
                + ", knownHosts=" + (trustAnyHostKey ? "NOT VERIFIED" : knownHosts)
                + ", maxAttempts=" + maxAttempts + ", initialBackoff=" + initialBackoff
                + ", connectTimeout=" + connectTimeout;
    }

    private static void require(boolean condition, String problem) {
        if (!condition) {
            throw new IllegalArgumentException("SFTP settings: " + problem);
        }
    }
}
