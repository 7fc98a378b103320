package dev.routeplan.batch.fetch;

import dev.routeplan.batch.sftp.SftpEndpoint;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;

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
        endpoint(host, port, user, password, privateKey, privateKeyPassphrase, knownHosts, trustAnyHostKey, maxAttempts,
                initialBackoff, connectTimeout);   // checks the connection settings
        require(remoteDir != null && !remoteDir.isBlank(), "remoteDir is required");
        require(patterns != null && !patterns.isEmpty() && patterns.stream().allMatch(p -> p != null && !p.isBlank()),
                "at least one file name pattern is required");
        patterns = List.copyOf(patterns);
        processedDir = processedDir == null ? "" : processedDir.strip();
    }

    /** The server, login and retry policy, as the shared SFTP connection takes them. */
    public SftpEndpoint endpoint() {
        return endpoint(host, port, user, password, privateKey, privateKeyPassphrase, knownHosts, trustAnyHostKey, maxAttempts,
                initialBackoff, connectTimeout);
    }

    private static SftpEndpoint endpoint(String host, int port, String user, String password, Path privateKey,
                                         String passphrase, Path knownHosts, boolean trustAny, int maxAttempts,
                                         Duration initialBackoff, Duration connectTimeout) {
        return new SftpEndpoint(host, port, user, password, privateKey, passphrase, knownHosts, trustAny, maxAttempts,
                initialBackoff, connectTimeout);
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
