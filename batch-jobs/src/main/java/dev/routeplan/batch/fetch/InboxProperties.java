package dev.routeplan.batch.fetch;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The SFTP inbox, off by default (the embedded default reads a local folder): which folders and
 * files on the server of {@code routeplan.sftp} (the server itself, login, host key and retries
 * are its {@link dev.routeplan.batch.sftp.SftpEndpoint}, bound under the same prefix).
 *
 * <p>{@code remoteDir}, {@code processedDir} and the patterns may contain {@code {date}}, replaced
 * by the plan date as yyyy-MM-dd. Patterns are globs on the file name ({@code *} any run of
 * characters, {@code ?} one character), e.g. {@code orders*.csv}. A blank {@code processedDir}
 * leaves taken-in files where they are.
 */
@ConfigurationProperties("routeplan.sftp")
public record InboxProperties(
        @DefaultValue("false") boolean enabled,
        @DefaultValue("/inbox/{date}") String remoteDir,
        @DefaultValue({"orders*.csv", "orders*.csv.gz", "orders*.xlsx", "fleet.csv", "depots.csv", "permits.csv", "grap.csv"})
        List<String> patterns,
        @DefaultValue("/processed/{date}") String processedDir) {

    static final String DATE_PLACEHOLDER = "{date}";

    public InboxProperties {
        require(remoteDir != null && !remoteDir.isBlank(), "remoteDir is required");
        require(patterns != null && !patterns.isEmpty() && patterns.stream().allMatch(p -> p != null && !p.isBlank()),
                "at least one file name pattern is required");
        patterns = List.copyOf(patterns);
        processedDir = processedDir == null ? "" : processedDir.strip();
    }

    /** The remote folder holding the files of {@code planDate}. */
    public String remoteDir(LocalDate planDate) {
        return withDate(remoteDir, planDate);
    }

    /** The remote folder taken-in files of {@code planDate} move to; empty when they stay. */
    public String processedDir(LocalDate planDate) {
        return withDate(processedDir, planDate);
    }

    public List<String> patterns(LocalDate planDate) {
        return patterns.stream().map(p -> withDate(p, planDate)).toList();
    }

    @Override
    public String toString() {
        return "remoteDir=" + remoteDir + ", patterns=" + patterns + ", processedDir=" + processedDir;
    }

    private static String withDate(String text, LocalDate planDate) {
        return text.replace(DATE_PLACEHOLDER, planDate.format(DateTimeFormatter.ISO_LOCAL_DATE));
    }

    private static void require(boolean condition, String problem) {
        if (!condition) {
            throw new IllegalArgumentException("SFTP inbox settings: " + problem);
        }
    }
}
