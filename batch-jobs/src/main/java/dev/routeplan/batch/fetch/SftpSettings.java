package dev.routeplan.batch.fetch;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;

/**
 * Where the day's input files are picked up by SFTP and how hard to try.
 *
 * <p>{@code remoteDir}, {@code processedDir} and the patterns may contain {@code {date}}, replaced
 * by the plan date as yyyy-MM-dd. Patterns are globs on the file name ({@code *} any run of
 * characters, {@code ?} one character), e.g. {@code orders*.csv}. A blank {@code processedDir}
 * leaves ingested files where they are. There are no defaults for anything secret: a password or
 * a private key must be given, and a known_hosts file unless {@code trustAnyHostKey}.
 *
 * @param password             may be null when a private key is given
 * @param privateKey           OpenSSH or PEM key file; may be null when a password is given
 * @param privateKeyPassphrase null or blank for an unencrypted key
 * @param knownHosts           OpenSSH known_hosts file the server's key is checked against
 * @param trustAnyHostKey      accept any server key (tests, first contact only); logged as a WARN on every connection
 * @param maxAttempts          tries per operation (connect and list, each download, each move), at least 1
 * @param initialBackoff       pause after the first failed try; doubled after each further one
 * @param connectTimeout       for connecting and for authenticating
 */
public record SftpSettings(
        String host,
        int port,
        String user,
        String password,
        Path privateKey,
        String privateKeyPassphrase,
        Path knownHosts,
        boolean trustAnyHostKey,
        String remoteDir,
        List<String> patterns,
        String processedDir,
        int maxAttempts,
        Duration initialBackoff,
        Duration connectTimeout) {

    static final String DATE_PLACEHOLDER = "{date}";

    public SftpSettings {
        require(host != null && !host.isBlank(), "host is required");
        require(port > 0 && port <= 65535, "port " + port + " is not between 1 and 65535");
        require(user != null && !user.isBlank(), "user is required");
        require((password != null && !password.isEmpty()) || privateKey != null,
                "a password or a private key is required");
        require(trustAnyHostKey || knownHosts != null,
                "a known_hosts file is required unless trustAnyHostKey is set");
        require(remoteDir != null && !remoteDir.isBlank(), "remoteDir is required");
        require(patterns != null && !patterns.isEmpty() && patterns.stream().allMatch(p -> p != null && !p.isBlank()),
                "at least one file name pattern is required");
        require(maxAttempts >= 1, "maxAttempts must be at least 1, was " + maxAttempts);
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        require(!initialBackoff.isNegative(), "initialBackoff must not be negative");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        require(!connectTimeout.isNegative() && !connectTimeout.isZero(), "connectTimeout must be positive");
        patterns = List.copyOf(patterns);
        processedDir = processedDir == null ? "" : processedDir.strip();
    }

    /** The remote folder holding the files of {@code planDate}. */
    public String remoteDir(LocalDate planDate) {
        return withDate(remoteDir, planDate);
    }

    /** The remote folder ingested files of {@code planDate} move to; empty when they stay. */
    public String processedDir(LocalDate planDate) {
        return withDate(processedDir, planDate);
    }

    public List<String> patterns(LocalDate planDate) {
        return patterns.stream().map(p -> withDate(p, planDate)).toList();
    }

    public String hostAndPort() {
        return host + ":" + port;
    }

    /** Never prints the password or the passphrase (a record's default toString would). */
    @Override
    public String toString() {
        return "SftpSettings[" + user + "@" + hostAndPort()
                + ", auth=" + (privateKey != null ? "key " + privateKey : "password")
                + ", knownHosts=" + (trustAnyHostKey ? "NOT VERIFIED" : knownHosts)
                + ", remoteDir=" + remoteDir + ", patterns=" + patterns + ", processedDir=" + processedDir
                + ", maxAttempts=" + maxAttempts + ", initialBackoff=" + initialBackoff
                + ", connectTimeout=" + connectTimeout + "]";
    }

    private static String withDate(String text, LocalDate planDate) {
        return text.replace(DATE_PLACEHOLDER, planDate.format(DateTimeFormatter.ISO_LOCAL_DATE));
    }

    private static void require(boolean condition, String problem) {
        if (!condition) {
            throw new IllegalArgumentException("SFTP settings: " + problem);
        }
    }
}
