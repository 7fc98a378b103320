package dev.routeplan.batch.sftp;

import dev.routeplan.batch.retry.Retrier;
import java.io.IOException;
import java.nio.file.Files;
import java.security.PublicKey;
import org.apache.sshd.client.keyverifier.ServerKeyVerifier;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.FileSystemResource;
import org.springframework.integration.sftp.session.DefaultSftpSessionFactory;
import org.springframework.integration.sftp.session.SftpSession;

/**
 * One SSH connection to an {@link SftpEndpoint} for one piece of work, reopened after a failure,
 * closed at the end. Every operation is tried up to {@code maxAttempts} times with exponential
 * backoff by the shared {@link Retrier}; a host key that known_hosts does not list is not retried. The caller decides which
 * exception names the failure, so that the inbox and the outbox each say what they were doing.
 */
public final class SftpConnection implements AutoCloseable {

    /** An operation on an open session. */
    @FunctionalInterface
    public interface SessionWork<T> {
        T run(SftpSession session) throws IOException;
    }

    /** Turns the last problem into the exception the caller throws; {@code attempts} is null when none was made. */
    @FunctionalInterface
    public interface Failure {
        RuntimeException of(String problem, Integer attempts, Throwable cause);
    }

    private static final Logger log = LoggerFactory.getLogger(SftpConnection.class);

    private final SftpEndpoint endpoint;
    private final String folder;
    private final Failure failure;
    private final DefaultSftpSessionFactory factory;
    private final Retrier retrier;
    private volatile boolean hostKeyRejected;

    /** @param folder the remote folder the work is about, for the log */
    public SftpConnection(SftpEndpoint endpoint, String folder, Failure failure) {
        this.endpoint = endpoint;
        this.folder = folder;
        this.failure = failure;
        this.factory = newSessionFactory();
        this.retrier = new Retrier("SFTP " + endpoint.hostAndPort() + " folder " + folder, endpoint.retry(),
                e -> !(e instanceof AttemptFailed failed) || failed.worthRetrying);
    }

    /** The session factory of this connection, for spring-integration's remote file templates. */
    public DefaultSftpSessionFactory sessionFactory() {
        return factory;
    }

    private DefaultSftpSessionFactory newSessionFactory() {
        if (!endpoint.trustAnyHostKey() && !Files.isReadable(endpoint.knownHosts())) {
            throw failure.of("known_hosts file " + endpoint.knownHosts() + " is missing or not readable", null, null);
        }
        DefaultSftpSessionFactory f = new DefaultSftpSessionFactory(true);   // one connection, many operations
        f.setHost(endpoint.host());
        f.setPort(endpoint.port());
        f.setUser(endpoint.user());
        f.setTimeout(Math.toIntExact(endpoint.connectTimeout().toMillis()));
        if (endpoint.password() != null && !endpoint.password().isEmpty()) {
            f.setPassword(endpoint.password());
        }
        if (endpoint.privateKey() != null) {
            f.setPrivateKey(new FileSystemResource(endpoint.privateKey()));
            if (endpoint.privateKeyPassphrase() != null && !endpoint.privateKeyPassphrase().isBlank()) {
                f.setPrivateKeyPassphrase(endpoint.privateKeyPassphrase());
            }
        }
        // MINA's own known_hosts verifier loses the whole file over one line it cannot read; ours skips that line
        KnownHosts knownHosts = endpoint.trustAnyHostKey() ? null : KnownHosts.read(endpoint.knownHosts());
        f.setAllowUnknownKeys(endpoint.trustAnyHostKey());
        // runs after the factory has set its own verifier, and replaces it
        f.setSshClientConfigurer(client -> client.setServerKeyVerifier(verifier(knownHosts)));
        return f;
    }

    private ServerKeyVerifier verifier(KnownHosts knownHosts) {
        return (session, address, key) -> {
            if (endpoint.trustAnyHostKey()) {
                log.warn("SFTP {}: host keys are NOT verified (trustAnyHostKey is set); accepting {} key {}",
                        endpoint.hostAndPort(), KeyUtils.getKeyType(key), fingerprint(key));
                return true;
            }
            boolean known = knownHosts.lists(endpoint.host(), endpoint.port(), key);
            if (!known) {
                hostKeyRejected = true;
                log.error("SFTP {}: server key {} {} is not listed for this host in {}; not connecting",
                        endpoint.hostAndPort(), KeyUtils.getKeyType(key), fingerprint(key), endpoint.knownHosts());
            }
            return known;
        };
    }

    /**
     * Runs {@code work} on a session, retried by the shared {@link Retrier} with a fresh
     * connection after each failure; a host key that known_hosts does not list is not retried.
     */
    public <T> T withRetries(String action, SessionWork<T> work) {
        return retrier.call(action, () -> attempt(action, work), (last, attempts) -> last instanceof AttemptFailed failed
                ? failure.of(failed.problem, attempts, failed.getCause())
                : failure.of(Retrier.rootMessage(last), attempts, last));
    }

    private <T> T attempt(String action, SessionWork<T> work) {
        SftpSession session;
        try {
            session = factory.getSession();
        } catch (RuntimeException e) {
            if (hostKeyRejected) {
                // retrying cannot change the server's key; say so instead of hammering it
                throw new AttemptFailed("host key not accepted by " + endpoint.knownHosts(), e, false);
            }
            throw new AttemptFailed(Retrier.rootMessage(e), e, true);
        }
        try {
            return work.run(session);
        } catch (IOException | RuntimeException e) {
            reconnectNextTime(session);
            throw new AttemptFailed(action + ": " + Retrier.rootMessage(e), e, true);
        } finally {
            session.close();
        }
    }

    /** One failed try, with what the operator is told about it. */
    private static final class AttemptFailed extends RuntimeException {
        private final String problem;
        private final boolean worthRetrying;

        AttemptFailed(String problem, Throwable cause, boolean worthRetrying) {
            super(problem, cause);
            this.problem = problem;
            this.worthRetrying = worthRetrying;
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

    /** Creates {@code folder} and any missing parents, like mkdir -p. */
    public static void makeDirectories(SftpSession session, String folder) throws IOException {
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

    public static String remotePath(String folder, String name) {
        return folder.endsWith("/") ? folder + name : folder + "/" + name;
    }

    private static String fingerprint(PublicKey key) {
        return KeyUtils.getFingerPrint(key);
    }
}
