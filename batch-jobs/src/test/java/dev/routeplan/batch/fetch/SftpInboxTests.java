package dev.routeplan.batch.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.routeplan.batch.fetch.SftpInbox.DownloadedFile;
import dev.routeplan.batch.sftp.SftpEndpoint;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyEncryptionContext;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Against an embedded Apache MINA SSHD server on loopback, random port; nothing leaves the machine. */
class SftpInboxTests {

    private static final LocalDate PLAN_DATE = LocalDate.of(2026, 12, 1);
    private static final String USER = "planner";
    private static final String PASSWORD = "test-only-password";
    private static final List<String> PATTERNS = List.of("orders*.csv", "orders*.csv.gz", "orders*.xlsx", "fleet.csv", "depots.csv");

    @TempDir
    Path temp;

    private Path remoteRoot;
    private Path staging;
    private SshServer server;
    private KeyPair clientKey;

    @BeforeEach
    void startServer() throws Exception {
        remoteRoot = Files.createDirectories(temp.resolve("remote"));
        staging = temp.resolve("staging");
        clientKey = generateKeyPair();
        server = serverOn(0);
        server.start();
    }

    /** The test's server, not started yet; the host key stays the same across servers of one test. */
    private SshServer serverOn(int port) {
        SshServer server = SshServer.setUpDefaultServer();
        server.setHost("127.0.0.1");
        server.setPort(port);
        server.setKeyPairProvider(new SimpleGeneratorHostKeyProvider(temp.resolve("hostkey.ser")));
        server.setPasswordAuthenticator((user, password, session) -> USER.equals(user) && PASSWORD.equals(password));
        server.setPublickeyAuthenticator((user, key, session) -> USER.equals(user) && KeyUtils.compareKeys(key, clientKey.getPublic()));
        server.setSubsystemFactories(List.of(new SftpSubsystemFactory()));
        server.setFileSystemFactory(new VirtualFileSystemFactory(remoteRoot));
        return server;
    }

    @AfterEach
    void stopServer() throws IOException {
        server.stop(true);
    }

    @Test
    void downloadsTheDatesFilesWithPasswordAuth() throws Exception {
        // given
        remoteFile("inbox/2026-12-01/orders-north.csv", "order_id\nN1\n");
        remoteFile("inbox/2026-12-01/orders-south.csv.gz", "gzip bytes");
        remoteFile("inbox/2026-12-01/orders.xlsx", "xlsx bytes");
        remoteFile("inbox/2026-12-01/fleet.csv", "vehicle_id\nV1\n");
        remoteFile("inbox/2026-12-01/depots.csv", "depot_id\nD1\n");
        remoteFile("inbox/2026-12-01/notes.txt", "not an input");
        remoteFile("inbox/2026-12-01/returns.csv", "not an input either");
        remoteFile("inbox/2026-11-30/orders.csv", "yesterday");
        Files.createDirectories(remoteRoot.resolve("inbox/2026-12-01/orders-archive.csv"));   // a folder, not a file

        // when
        List<DownloadedFile> files = knownHostSettings().build().download(PLAN_DATE, staging);

        // then
        assertThat(files).extracting(DownloadedFile::remoteName)
                .containsExactly("depots.csv", "fleet.csv", "orders-north.csv", "orders-south.csv.gz", "orders.xlsx");
        for (DownloadedFile file : files) {
            Path remote = remoteRoot.resolve("inbox/2026-12-01").resolve(file.remoteName());
            assertThat(file.localPath()).isEqualTo(staging.resolve(file.remoteName()));
            assertThat(file.localPath()).hasSameBinaryContentAs(remote);
            assertThat(file.size()).isEqualTo(Files.size(remote));
        }
        assertThat(stagingNames()).containsExactlyInAnyOrder(
                "depots.csv", "fleet.csv", "orders-north.csv", "orders-south.csv.gz", "orders.xlsx");   // no .part left
    }

    @Test
    void authenticatesWithAPrivateKey() throws Exception {
        // given: an OpenSSH key file protected by a passphrase, and no password
        remoteFile("inbox/2026-12-01/orders.csv", "order_id\nK1\n");
        Path keyFile = temp.resolve("id_test");
        OpenSSHKeyEncryptionContext encryption = new OpenSSHKeyEncryptionContext();
        encryption.setPassword("key-passphrase");
        encryption.setCipherName("AES");
        encryption.setCipherType("256");
        try (OutputStream out = Files.newOutputStream(keyFile)) {
            OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(clientKey, "routeplan test", encryption, out);
        }
        SftpInbox inbox = knownHostSettings().password(null).privateKey(keyFile).privateKeyPassphrase("key-passphrase").build();

        // when
        List<DownloadedFile> files = inbox.download(PLAN_DATE, staging);

        // then
        assertThat(files).extracting(DownloadedFile::remoteName).containsExactly("orders.csv");
        assertThat(staging.resolve("orders.csv")).hasContent("order_id\nK1");
    }

    @Test
    void refusesAnUnknownHostKey() throws Exception {
        // given: known_hosts lists another key for this host and port
        remoteFile("inbox/2026-12-01/orders.csv", "order_id\n");
        Path knownHosts = knownHostsFile(generateKeyPair().getPublic());
        SftpInbox inbox = settings().knownHosts(knownHosts).maxAttempts(3).build();

        // then
        assertThatThrownBy(() -> inbox.download(PLAN_DATE, staging))
                .isInstanceOf(SftpFetchException.class)
                .hasMessageContaining("127.0.0.1:" + server.getPort())
                .hasMessageContaining("host key not accepted")
                .hasMessageContaining("(after 1 attempt)");   // the key will not change by retrying
        assertThat(stagingNames()).isEmpty();
    }

    @Test
    void acceptsTheServerListedInKnownHosts() throws Exception {
        remoteFile("inbox/2026-12-01/fleet.csv", "vehicle_id\n");

        List<DownloadedFile> files = knownHostSettings().build().download(PLAN_DATE, staging);

        assertThat(files).extracting(DownloadedFile::remoteName).containsExactly("fleet.csv");
    }

    @Test
    void trustsAnyHostKeyOnlyWhenAskedTo() throws Exception {
        remoteFile("inbox/2026-12-01/fleet.csv", "vehicle_id\n");
        SftpInbox inbox = settings().knownHosts(null).trustAnyHostKey(true).build();

        assertThat(inbox.download(PLAN_DATE, staging)).hasSize(1);
        assertThatThrownBy(() -> settings().knownHosts(null).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("known_hosts file is required");
    }

    @Test
    void skipsRemoteNamesThatEscapeTheFolder() throws Exception {
        // given: names a careless or hostile sender could upload; "../x" cannot exist in a listing (see SafeFileNamesTests)
        remoteFile("inbox/2026-12-01/..orders.csv", "hidden");
        remoteFile("inbox/2026-12-01/-orders.csv", "option");
        remoteFile("inbox/2026-12-01/.orders.csv.part", "looks like our own temporary file");
        remoteFile("inbox/2026-12-01/orders 2.csv", "space");
        remoteFile("inbox/2026-12-01/orders\n3.csv", "newline");
        remoteFile("inbox/2026-12-01/orders.csv", "order_id\nOK\n");
        SftpInbox inbox = knownHostSettings().patterns(List.of("*")).build();

        // when
        List<DownloadedFile> files = inbox.download(PLAN_DATE, staging);

        // then
        assertThat(files).extracting(DownloadedFile::remoteName).containsExactly("orders.csv");
        assertThat(stagingNames()).containsExactly("orders.csv");
        assertThat(temp.resolve("..orders.csv")).doesNotExist();
    }

    @Test
    void failsNamingHostAndFolderWhenTheServerIsDown() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        SftpInbox inbox = knownHostSettings().port(closedPort).maxAttempts(2).initialBackoff(Duration.ofMillis(10)).build();

        assertThatThrownBy(() -> inbox.download(PLAN_DATE, staging))
                .isInstanceOf(SftpFetchException.class)
                .hasMessageStartingWith("SFTP 127.0.0.1:" + closedPort + " folder /inbox/2026-12-01: ")
                .hasMessageContaining("Connection refused")
                .hasMessageEndingWith("(after 2 attempts)");
    }

    @Test
    void retriesUntilTheServerIsBack() throws Exception {
        SftpInbox inbox = knownHostSettings().maxAttempts(4).initialBackoff(Duration.ofMillis(400)).build();
        int port = server.getPort();
        server.stop(true);
        remoteFile("inbox/2026-12-01/orders.csv", "order_id\nO1");
        SshServer restarted = serverOn(port);
        Thread restart = new Thread(() -> {
            try {
                Thread.sleep(200);   // the first try has failed by then, the retry waits 400 ms
                restarted.start();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        restart.start();

        try {
            List<DownloadedFile> files = inbox.download(PLAN_DATE, staging);

            assertThat(files).extracting(DownloadedFile::remoteName).containsExactly("orders.csv");
        } finally {
            restart.join();
            server = restarted;   // stopped after the test
        }
    }

    @Test
    void failsNamingTheFolderWhenItIsMissing() throws Exception {
        SftpInbox inbox = knownHostSettings().maxAttempts(2).initialBackoff(Duration.ofMillis(10)).build();

        assertThatThrownBy(() -> inbox.download(PLAN_DATE, staging))
                .isInstanceOf(SftpFetchException.class)
                .hasMessageStartingWith("SFTP 127.0.0.1:" + server.getPort() + " folder /inbox/2026-12-01: listing: ")
                .hasMessageEndingWith("(after 2 attempts)");
    }

    @Test
    void movesAnIngestedFileToProcessed() throws Exception {
        // given
        remoteFile("inbox/2026-12-01/orders.csv", "order_id\n");
        remoteFile("inbox/2026-12-01/fleet.csv", "vehicle_id\n");
        SftpInbox inbox = knownHostSettings().build();
        inbox.download(PLAN_DATE, staging);

        // when
        inbox.moveToProcessed(PLAN_DATE, "orders.csv");
        inbox.moveToProcessed(PLAN_DATE, "orders.csv");   // a repeated move (lost reply) is not an error

        // then
        assertThat(remoteRoot.resolve("processed/2026-12-01/orders.csv")).hasContent("order_id");
        assertThat(remoteRoot.resolve("inbox/2026-12-01/orders.csv")).doesNotExist();
        assertThat(remoteRoot.resolve("inbox/2026-12-01/fleet.csv")).exists();
        assertThat(inbox.download(PLAN_DATE, staging)).extracting(DownloadedFile::remoteName).containsExactly("fleet.csv");
        assertThatThrownBy(() -> inbox.moveToProcessed(PLAN_DATE, "../fleet.csv")).isInstanceOf(UnsafeFileNameException.class);
    }

    @Test
    void resumesWithoutDownloadingAFileTwice() throws Exception {
        // given: an earlier run got fleet.csv and left a half-written orders download behind
        remoteFile("inbox/2026-12-01/fleet.csv", "vehicle_id\nV1\n");
        remoteFile("inbox/2026-12-01/orders.csv", "order_id\nO1\nO2\n");
        SftpInbox inbox = knownHostSettings().build();
        inbox.download(PLAN_DATE, staging);
        FileTime remoteModified = Files.getLastModifiedTime(remoteRoot.resolve("inbox/2026-12-01/fleet.csv"));
        Files.writeString(staging.resolve("fleet.csv"), "vehicle_id\nV9\n");   // same size: only a re-download would undo this
        Files.setLastModifiedTime(staging.resolve("fleet.csv"), remoteModified);
        Files.delete(staging.resolve("orders.csv"));
        Files.writeString(staging.resolve(".orders.csv.part"), "order_id\nO");

        // when
        List<DownloadedFile> files = inbox.download(PLAN_DATE, staging);

        // then
        assertThat(files).extracting(DownloadedFile::remoteName).containsExactly("fleet.csv", "orders.csv");
        assertThat(staging.resolve("fleet.csv")).hasContent("vehicle_id\nV9");                // kept, not fetched again
        assertThat(staging.resolve("orders.csv")).hasContent("order_id\nO1\nO2");
        assertThat(stagingNames()).containsExactlyInAnyOrder("fleet.csv", "orders.csv");
    }

    // --- fixtures

    private SettingsBuilder settings() {
        return new SettingsBuilder(server.getPort());
    }

    private SettingsBuilder knownHostSettings() throws Exception {
        return settings().knownHosts(knownHostsFile(serverHostKey()));
    }

    private PublicKey serverHostKey() throws Exception {
        return server.getKeyPairProvider().loadKeys(null).iterator().next().getPublic();
    }

    private Path knownHostsFile(PublicKey key) throws IOException {
        Path file = temp.resolve("known_hosts-" + System.nanoTime());
        Files.writeString(file, "[127.0.0.1]:" + server.getPort() + " " + PublicKeyEntry.toString(key) + "\n");
        return file;
    }

    private void remoteFile(String path, String content) throws IOException {
        Path file = remoteRoot.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
    }

    private List<String> stagingNames() throws IOException {
        if (!Files.isDirectory(staging)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(staging)) {
            return files.map(p -> p.getFileName().toString()).toList();
        }
    }

    private static KeyPair generateKeyPair() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(256);
        return generator.generateKeyPair();
    }

    /** Test-only builder: the server record has no defaults for anything secret, on purpose. */
    private static final class SettingsBuilder {
        private int port;
        private String password = PASSWORD;
        private Path privateKey;
        private String passphrase;
        private Path knownHosts;
        private boolean trustAny;
        private List<String> patterns = PATTERNS;
        private int maxAttempts = 2;
        private Duration backoff = Duration.ofMillis(10);

        SettingsBuilder(int port) {
            this.port = port;
        }

        SettingsBuilder port(int value) { port = value; return this; }
        SettingsBuilder password(String value) { password = value; return this; }
        SettingsBuilder privateKey(Path value) { privateKey = value; return this; }
        SettingsBuilder privateKeyPassphrase(String value) { passphrase = value; return this; }
        SettingsBuilder knownHosts(Path value) { knownHosts = value; return this; }
        SettingsBuilder trustAnyHostKey(boolean value) { trustAny = value; return this; }
        SettingsBuilder patterns(List<String> value) { patterns = value; return this; }
        SettingsBuilder maxAttempts(int value) { maxAttempts = value; return this; }
        SettingsBuilder initialBackoff(Duration value) { backoff = value; return this; }

        SftpInbox build() {
            return new SftpInbox(new SftpEndpoint("127.0.0.1", port, USER, password, privateKey, passphrase, knownHosts, trustAny,
                    maxAttempts, backoff, Duration.ofSeconds(5)), new InboxProperties(true, "/inbox/{date}", patterns, "/processed/{date}"));
        }
    }
}
