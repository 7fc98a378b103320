package dev.routeplan.batch.fetch;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.PublicKey;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.sshd.client.keyverifier.ServerKeyVerifier;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.sftp.client.SftpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.FileSystemResource;
import org.springframework.integration.sftp.session.DefaultSftpSessionFactory;
import org.springframework.integration.sftp.session.SftpSession;

/**
 * The plan date's input files on an SFTP server: lists the date's folder, downloads the files
 * that match the patterns into a staging folder, and moves ingested files aside.
 *
 * <p>Uses spring-integration-sftp's session factory and sessions directly, so it needs no Spring
 * context. Each call opens one SSH connection and closes it before returning. Every step (connect
 * and list, each download, each move) is tried up to {@code maxAttempts} times with exponential
 * backoff, reconnecting in between; then it fails with an {@link SftpFetchException} naming the
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

    @FunctionalInterface
    private interface SessionWork<T> {
        T run(SftpSession session) throws IOException;
    }

    private static final Logger log = LoggerFactory.getLogger(SftpInbox.class);

    private final SftpSettings settings;

    public SftpInbox(SftpSettings settings) {
        this.settings = settings;
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
        try (Connection connection = new Connection(folder)) {
            List<RemoteFile> remoteFiles = connection.withRetries("listing", s -> list(s, folder, patterns));
            List<DownloadedFile> downloaded = new ArrayList<>();
            int fetched = 0;
            for (RemoteFile remote : remoteFiles) {
                Path target = stagingDir.resolve(remote.name());
                if (alreadyDownloaded(remote, target)) {
                    log.info("SFTP {} folder {}: {} already in staging ({} bytes), not downloaded again",
                            settings.hostAndPort(), folder, remote.name(), remote.size());
                } else {
                    connection.withRetries("downloading " + remote.name(), s -> fetch(s, folder, remote, target));
                    fetched++;
                }
                downloaded.add(new DownloadedFile(remote.name(), target, remote.size()));
            }
            log.info("SFTP {} folder {}: {} matching files, {} downloaded to {}",
                    settings.hostAndPort(), folder, downloaded.size(), fetched, stagingDir);
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
        String from = remotePath(folder, name);
        String to = remotePath(processed, name);
        try (Connection connection = new Connection(folder)) {
            connection.withRetries("moving " + name + " to " + processed, session -> {
                if (!session.exists(from) && session.exists(to)) {
                    return null;   // an earlier attempt moved it but lost the reply
                }
                makeDirectories(session, processed);
                session.rename(from, to);
                return null;
            });
        }
        log.info("SFTP {}: moved {} to {}", settings.hostAndPort(), from, to);
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
                log.warn("SFTP {} folder {}: skipping remote file, {}", settings.hostAndPort(), folder, e.getMessage());
                continue;
            }
            SftpClient.Attributes attributes = entry.getAttributes();
            if (!attributes.isRegularFile()) {
                log.debug("SFTP {} folder {}: {} is not a regular file", settings.hostAndPort(), folder, name);
                continue;
            }
            if (patterns.stream().noneMatch(p -> p.matcher(name).matches())) {
                log.debug("SFTP {} folder {}: {} matches no pattern", settings.hostAndPort(), folder, name);
                continue;
            }
            found.add(new RemoteFile(name, attributes.getSize(), attributes.getModifyTime()));
        }
        found.sort(Comparator.comparing(RemoteFile::name));
        return found;
    }

    private Void fetch(SftpSession session, String folder, RemoteFile remote, Path target) throws IOException {
        String remotePath = remotePath(folder, remote.name());
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

    /** Creates {@code folder} and any missing parents, like mkdir -p. */
    private static void makeDirectories(SftpSession session, String folder) throws IOException {
        StringBuilder path = new StringBuilder(folder.startsWith("/") ? "/" : "");
        for (String part : folder.split("/")) {
            if (part.isEmpty()) {
                continue;
            }
            path.append(part);
            if (!session.exists(path.toString())) {
                session.mkdir(path.toString());
            }
            path.append('/');
        }
    }

    private static String remotePath(String folder, String name) {
        return folder.endsWith("/") ? folder + name : folder + "/" + name;
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

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return message == null || message.isBlank() ? root.getClass().getSimpleName() : message;
    }

    /** One SSH connection for one call, reopened after a failure, closed at the end. */
    private final class Connection implements AutoCloseable {

        private final String folder;
        private final DefaultSftpSessionFactory factory;
        private volatile boolean hostKeyRejected;

        Connection(String folder) {
            this.folder = folder;
            this.factory = newSessionFactory();
        }

        private DefaultSftpSessionFactory newSessionFactory() {
            if (!settings.trustAnyHostKey() && !Files.isReadable(settings.knownHosts())) {
                throw new SftpFetchException(settings.hostAndPort(), folder,
                        "known_hosts file " + settings.knownHosts() + " is missing or not readable");
            }
            DefaultSftpSessionFactory f = new DefaultSftpSessionFactory(true);   // one connection, many operations
            f.setHost(settings.host());
            f.setPort(settings.port());
            f.setUser(settings.user());
            f.setTimeout(Math.toIntExact(settings.connectTimeout().toMillis()));
            if (settings.password() != null && !settings.password().isEmpty()) {
                f.setPassword(settings.password());
            }
            if (settings.privateKey() != null) {
                f.setPrivateKey(new FileSystemResource(settings.privateKey()));
                if (settings.privateKeyPassphrase() != null && !settings.privateKeyPassphrase().isBlank()) {
                    f.setPrivateKeyPassphrase(settings.privateKeyPassphrase());
                }
            }
            if (settings.trustAnyHostKey()) {
                f.setAllowUnknownKeys(true);
            } else {
                f.setKnownHostsResource(new FileSystemResource(settings.knownHosts()));
            }
            // runs after the factory has set its own verifier, so this wraps the one it chose
            f.setSshClientConfigurer(client -> client.setServerKeyVerifier(reporting(client.getServerKeyVerifier())));
            return f;
        }

        private ServerKeyVerifier reporting(ServerKeyVerifier chosen) {
            return (session, address, key) -> {
                if (settings.trustAnyHostKey()) {
                    log.warn("SFTP {}: host keys are NOT verified (trustAnyHostKey is set); accepting {} key {}",
                            settings.hostAndPort(), KeyUtils.getKeyType(key), fingerprint(key));
                    return true;
                }
                boolean known = chosen.verifyServerKey(session, address, key);
                if (!known) {
                    hostKeyRejected = true;
                    log.error("SFTP {}: server key {} {} is not listed for this host in {}; not connecting",
                            settings.hostAndPort(), KeyUtils.getKeyType(key), fingerprint(key), settings.knownHosts());
                }
                return known;
            };
        }

        <T> T withRetries(String action, SessionWork<T> work) {
            Exception last = null;
            String problem = null;
            int attempt = 0;
            while (attempt < settings.maxAttempts()) {
                attempt++;
                SftpSession session;
                try {
                    session = factory.getSession();
                } catch (RuntimeException e) {
                    last = e;
                    problem = rootMessage(e);
                    if (hostKeyRejected) {
                        // retrying cannot change the server's key; say so instead of hammering it
                        throw new SftpFetchException(settings.hostAndPort(), folder,
                                "host key not accepted by " + settings.knownHosts(), attempt, e);
                    }
                    pauseBeforeRetry(attempt, problem);
                    continue;
                }
                try {
                    return work.run(session);
                } catch (IOException | RuntimeException e) {
                    last = e;
                    problem = action + ": " + rootMessage(e);
                    reconnectNextTime(session);
                    pauseBeforeRetry(attempt, problem);
                } finally {
                    session.close();
                }
            }
            throw new SftpFetchException(settings.hostAndPort(), folder, problem, attempt, last);
        }

        private void pauseBeforeRetry(int attempt, String problem) {
            if (attempt >= settings.maxAttempts()) {
                return;
            }
            Duration pause = settings.initialBackoff().multipliedBy(1L << Math.min(attempt - 1, 20));
            log.warn("SFTP {} folder {}: {} (attempt {} of {}), trying again in {} ms",
                    settings.hostAndPort(), folder, problem, attempt, settings.maxAttempts(), pause.toMillis());
            try {
                Thread.sleep(pause.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SftpFetchException(settings.hostAndPort(), folder, "interrupted while waiting to retry " + problem);
            }
        }

        /** Drops the shared connection: after an error its state is unknown, so the next attempt starts clean. */
        private void reconnectNextTime(SftpSession session) {
            try {
                session.getClientInstance().close();
            } catch (IOException | RuntimeException e) {
                log.debug("closing the failed SFTP client", e);
            }
            factory.resetSharedSession();
        }

        @Override
        public void close() {
            factory.destroy();
        }
    }

    private static String fingerprint(PublicKey key) {
        return KeyUtils.getFingerPrint(key);
    }
}
