package dev.routeplan.batch.fetch;

import dev.routeplan.batch.sftp.SftpConnection;
import dev.routeplan.batch.sftp.SftpEndpoint;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.sshd.sftp.client.SftpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.integration.sftp.session.SftpSession;

/**
 * The plan date's input files on an SFTP server: lists the date's folder, downloads the files
 * that match the patterns into a staging folder, and moves ingested files aside.
 *
 * <p>Uses spring-integration-sftp's session factory and sessions directly, so it needs no Spring
 * context. Each call opens one SSH connection and closes it before returning. Every step (connect
 * and list, each download, each move) is tried up to {@code maxAttempts} times with exponential
 * backoff (the shared {@link dev.routeplan.batch.retry.Retrier}), reconnecting in between; then it fails with an {@link SftpFetchException} naming the
 * server, the folder and the cause.
 *
 * <p>A download is written to {@code .<name>.part}, checked against the remote size and then
 * renamed, so a file under its real name in staging is always complete. A file already in
 * staging with the remote size and modification time is not downloaded again: a restart after a
 * failure resumes where it stopped.
 */
public class SftpInbox {

    /** A remote file now complete in staging under its own (validated) name. */
    public record DownloadedFile(String remoteName, Path localPath, long size) {
    }

    private record RemoteFile(String name, long size, FileTime modified) {
    }

    private static final Logger log = LoggerFactory.getLogger(SftpInbox.class);

    private final SftpEndpoint server;
    private final InboxProperties settings;

    public SftpInbox(SftpEndpoint server, InboxProperties folders) {
        this.server = server;
        this.settings = folders;
    }

    /**
     * Downloads the files of {@code planDate} that match the patterns into {@code stagingDir}
     * (created if missing) and returns them sorted by name, including those already there from an
     * earlier attempt. Remote names that are not safe file names are skipped with a WARN.
     */
    public List<DownloadedFile> download(LocalDate planDate, Path stagingDir) {
        String folder = settings.remoteDir(planDate);
        List<Pattern> patterns = settings.patterns(planDate).stream().map(SftpInbox::glob).toList();
        createDirectories(stagingDir);
        try (SftpConnection connection = connect(folder)) {
            List<RemoteFile> remoteFiles = connection.withRetries("listing", s -> list(s, folder, patterns));
            List<DownloadedFile> downloaded = new ArrayList<>();
            int fetched = 0;
            for (RemoteFile remote : remoteFiles) {
                Path target = stagingDir.resolve(remote.name());
                if (alreadyDownloaded(remote, target)) {
                    log.info("SFTP {} folder {}: {} already in staging ({} bytes), not downloaded again",
                            server.hostAndPort(), folder, remote.name(), remote.size());
                } else {
                    connection.withRetries("downloading " + remote.name(), s -> fetch(s, folder, remote, target));
                    fetched++;
                }
                downloaded.add(new DownloadedFile(remote.name(), target, remote.size()));
            }
            log.info("SFTP {} folder {}: {} matching files, {} downloaded to {}",
                    server.hostAndPort(), folder, downloaded.size(), fetched, stagingDir);
            return downloaded;
        }
    }

    /**
     * Moves {@code remoteName} from the date's folder into the processed folder (created if
     * missing), so the next run does not see it again. Does nothing when no processed folder is
     * configured. A move that an earlier attempt already made counts as done.
     */
    public void moveToProcessed(LocalDate planDate, String remoteName) {
        String name = SafeFileNames.require(remoteName);
        String processed = settings.processedDir(planDate);
        if (processed.isEmpty()) {
            log.debug("no processed folder configured; {} stays where it is", name);
            return;
        }
        String folder = settings.remoteDir(planDate);
        String from = SftpConnection.remotePath(folder, name);
        String to = SftpConnection.remotePath(processed, name);
        try (SftpConnection connection = connect(folder)) {
            connection.withRetries("moving " + name + " to " + processed, session -> {
                if (!session.exists(from) && session.exists(to)) {
                    return null;   // an earlier attempt moved it but lost the reply
                }
                SftpConnection.makeDirectories(session, processed);
                session.rename(from, to);
                return null;
            });
        }
        log.info("SFTP {}: moved {} to {}", server.hostAndPort(), from, to);
    }

    private List<RemoteFile> list(SftpSession session, String folder, List<Pattern> patterns) throws IOException {
        List<RemoteFile> found = new ArrayList<>();
        for (SftpClient.DirEntry entry : session.list(folder)) {
            String name = entry.getFilename();
            if (".".equals(name) || "..".equals(name)) {
                continue;   // the folder itself and its parent, in every listing
            }
            try {
                SafeFileNames.require(name);
            } catch (UnsafeFileNameException e) {
                // never used as a local name, never downloaded: it could escape staging or hide there
                log.warn("SFTP {} folder {}: skipping remote file, {}", server.hostAndPort(), folder, e.getMessage());
                continue;
            }
            SftpClient.Attributes attributes = entry.getAttributes();
            if (!attributes.isRegularFile()) {
                log.debug("SFTP {} folder {}: {} is not a regular file", server.hostAndPort(), folder, name);
                continue;
            }
            if (patterns.stream().noneMatch(p -> p.matcher(name).matches())) {
                log.debug("SFTP {} folder {}: {} matches no pattern", server.hostAndPort(), folder, name);
                continue;
            }
            found.add(new RemoteFile(name, attributes.getSize(), attributes.getModifyTime()));
        }
        found.sort(Comparator.comparing(RemoteFile::name));
        return found;
    }

    private Void fetch(SftpSession session, String folder, RemoteFile remote, Path target) throws IOException {
        String remotePath = SftpConnection.remotePath(folder, remote.name());
        // starts with '.', which SafeFileNames refuses for remote names, so it can never clash with one
        Path part = target.resolveSibling("." + remote.name() + ".part");
        try {
            try (OutputStream out = Files.newOutputStream(part)) {
                session.read(remotePath, out);
            }
            long received = Files.size(part);
            if (received != remote.size()) {
                throw new IOException("received " + received + " bytes of " + remote.size()
                        + " (connection cut or file still being written)");
            }
            if (remote.modified() != null) {
                // with the size, this is how a restart recognises a file it already has
                Files.setLastModifiedTime(part, remote.modified());
            }
            Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return null;
        } finally {
            Files.deleteIfExists(part);
        }
    }

    private static boolean alreadyDownloaded(RemoteFile remote, Path target) {
        try {
            return Files.isRegularFile(target)
                    && Files.size(target) == remote.size()
                    && (remote.modified() == null
                        || Files.getLastModifiedTime(target).toMillis() / 1000 == remote.modified().toMillis() / 1000);
        } catch (IOException e) {
            return false;   // unreadable: download it again
        }
    }

    /** {@code *} any run of characters, {@code ?} one character, everything else literal. */
    static Pattern glob(String glob) {
        StringBuilder regex = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (char c : glob.toCharArray()) {
            if (c == '*' || c == '?') {
                regex.append(Pattern.quote(literal.toString())).append(c == '*' ? ".*" : ".");
                literal.setLength(0);
            } else {
                literal.append(c);
            }
        }
        return Pattern.compile(regex.append(Pattern.quote(literal.toString())).toString());
    }

    private static void createDirectories(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create staging folder " + dir, e);
        }
    }

    /** One SSH connection for one call; failures are named as the inbox's, with the folder. */
    private SftpConnection connect(String folder) {
        return new SftpConnection(server, folder, (problem, attempts, cause) -> attempts == null
                ? new SftpFetchException(server.hostAndPort(), folder, problem)
                : new SftpFetchException(server.hostAndPort(), folder, problem, attempts, cause));
    }
}
