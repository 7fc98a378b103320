package dev.routeplan.app.runs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.apache.sshd.sftp.server.SftpEventListener;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * An Apache MINA SSHD server on loopback that serves a temporary folder over SFTP to one user,
 * who logs in with a password. Its host key is kept in one file, so a server started again is the
 * one the application was given in its known_hosts.
 */
final class EmbeddedSftpServer {

    private static final String PASSWORD = "test-only-secret";

    private final Path root;
    private final String user;
    private final List<SftpEventListener> listeners;
    private SshServer server;
    private int port;

    private EmbeddedSftpServer(Path root, String user, List<SftpEventListener> listeners) {
        this.root = root;
        this.user = user;
        this.listeners = listeners;
    }

    /**
     * A server on a free port, telling {@code listeners} of every transfer; unchecked, as the tests
     * start theirs in a static field.
     */
    static EmbeddedSftpServer start(String user, SftpEventListener... listeners) {
        try {
            EmbeddedSftpServer sftp = new EmbeddedSftpServer(Files.createTempDirectory("routeplan-sftp-root"), user,
                    List.of(listeners));
            sftp.startOn(0);
            return sftp;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The folder the server serves as its root. */
    Path root() {
        return root;
    }

    int port() {
        return port;
    }

    /**
     * Points the application's SFTP connection configured under {@code prefix} (e.g. {@code routeplan.sftp})
     * at this server, as its user, checking its host key.
     */
    void connect(DynamicPropertyRegistry registry, String prefix) throws Exception {
        settings(prefix).forEach((name, value) -> registry.add(name, () -> value));
    }

    /** The same settings as {@link #connect}, as command-line arguments for a {@code routeplan} process of its own. */
    List<String> arguments(String prefix) throws Exception {
        return settings(prefix).entrySet().stream().map(setting -> "--" + setting.getKey() + "=" + setting.getValue()).toList();
    }

    private Map<String, String> settings(String prefix) throws Exception {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put(prefix + ".enabled", "true");
        settings.put(prefix + ".host", "127.0.0.1");
        settings.put(prefix + ".port", Integer.toString(port));
        settings.put(prefix + ".user", user);
        settings.put(prefix + ".password", PASSWORD);
        settings.put(prefix + ".known-hosts", knownHosts().toString());
        return settings;
    }

    /** A known_hosts file that lists the server's host key for its address and port. */
    private Path knownHosts() throws Exception {
        PublicKey key = server.getKeyPairProvider().loadKeys(null).iterator().next().getPublic();
        Path file = root.resolveSibling(root.getFileName() + "-known_hosts");
        Files.writeString(file, "[127.0.0.1]:" + port() + " " + PublicKeyEntry.toString(key) + "\n");
        return file;
    }

    void stop() throws IOException {
        server.stop(true);
    }

    /** Starts the stopped server again, on its port and with its host key, as a server back from an outage. */
    void startAgain() throws IOException {
        startOn(port);
    }

    private void startOn(int requestedPort) throws IOException {
        SshServer started = SshServer.setUpDefaultServer();
        started.setHost("127.0.0.1");
        started.setPort(requestedPort);
        started.setKeyPairProvider(new SimpleGeneratorHostKeyProvider(root.resolveSibling(root.getFileName() + "-hostkey.ser")));
        started.setPasswordAuthenticator((name, password, session) -> user.equals(name) && PASSWORD.equals(password));
        SftpSubsystemFactory sftp = new SftpSubsystemFactory();
        listeners.forEach(sftp::addSftpEventListener);
        started.setSubsystemFactories(List.of(sftp));
        started.setFileSystemFactory(new VirtualFileSystemFactory(root));
        started.start();
        server = started;
        port = started.getPort();
    }
}
