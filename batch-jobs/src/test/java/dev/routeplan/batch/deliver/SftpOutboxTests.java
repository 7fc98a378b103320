package dev.routeplan.batch.deliver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.routeplan.batch.sftp.SftpEndpoint;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Against an embedded Apache MINA SSHD server on loopback, random port, host key checked. */
class SftpOutboxTests {

    private static final LocalDate PLAN_DATE = LocalDate.of(2026, 12, 1);
    private static final String USER = "dispatch";
    private static final String PASSWORD = "test-only-password";

    @TempDir
    Path temp;

    private Path remoteRoot;
    private SshServer server;
    private Path knownHosts;

    @BeforeEach
    void startServer() throws Exception {
        remoteRoot = Files.createDirectories(temp.resolve("remote"));
        server = SshServer.setUpDefaultServer();
        server.setHost("127.0.0.1");
        server.setPort(0);
        server.setKeyPairProvider(new SimpleGeneratorHostKeyProvider(temp.resolve("hostkey.ser")));
        server.setPasswordAuthenticator((user, password, session) -> USER.equals(user) && PASSWORD.equals(password));
        server.setSubsystemFactories(List.of(new SftpSubsystemFactory()));
        server.setFileSystemFactory(new VirtualFileSystemFactory(remoteRoot));
        server.start();
        PublicKey key = server.getKeyPairProvider().loadKeys(null).iterator().next().getPublic();
        knownHosts = Files.writeString(temp.resolve("known_hosts"),
                "[127.0.0.1]:" + server.getPort() + " " + PublicKeyEntry.toString(key) + "\n");
    }

    @AfterEach
    void stopServer() throws IOException {
        server.stop(true);
    }

    @Test
    void uploadsADepotsFilesUnderTheirFinalNamesIntoTheDatesFolder() throws Exception {
        // given
        Path plan = Files.writeString(temp.resolve("plan-D1.xlsx"), "workbook bytes");
        Path manifests = Files.writeString(temp.resolve("manifests-D1.pdf"), "pdf bytes");
        SftpOutbox outbox = outbox(server.getPort());

        // when
        outbox.upload(PLAN_DATE, "D1", List.of(plan, manifests));

        // then
        Path folder = remoteRoot.resolve("outbox/2026-12-01/D1");
        assertThat(remoteFiles(folder)).containsExactly("manifests-D1.pdf", "plan-D1.xlsx");   // no .writing left
        assertThat(folder.resolve("plan-D1.xlsx")).hasContent("workbook bytes");
        assertThat(outbox.target(PLAN_DATE, "D1")).isEqualTo("sftp://127.0.0.1:" + server.getPort() + "/outbox/2026-12-01/D1");
    }

    @Test
    void replacesAnEarlierRevisionOfTheSameFile() throws Exception {
        // given
        Path folder = Files.createDirectories(remoteRoot.resolve("outbox/2026-12-01"));
        Files.writeString(folder.resolve("routes.csv"), "revision 1");
        Path routes = Files.writeString(temp.resolve("routes.csv"), "revision 2");

        // when
        outbox(server.getPort()).upload(PLAN_DATE, null, List.of(routes));

        // then
        assertThat(folder.resolve("routes.csv")).hasContent("revision 2");
        assertThat(remoteFiles(folder)).containsExactly("routes.csv");
    }

    @Test
    void failsNamingServerAndFolderAfterRetryingWhenNothingListens() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Path plan = Files.writeString(temp.resolve("plan-D1.xlsx"), "workbook bytes");

        assertThatThrownBy(() -> outbox(closedPort).upload(PLAN_DATE, "D1", List.of(plan)))
                .isInstanceOf(DeliveryException.class)
                .hasMessageStartingWith("SFTP 127.0.0.1:" + closedPort + " folder /outbox/2026-12-01/D1: ")
                .hasMessageEndingWith("(after 2 attempts)");
    }

    private SftpOutbox outbox(int port) {
        return new SftpOutbox(new SftpEndpoint("127.0.0.1", port, USER, PASSWORD, null, null, knownHosts, false, 2,
                Duration.ofMillis(10), Duration.ofSeconds(5)), "/outbox/{date}/{depot}", "/outbox/{date}");
    }

    private static List<String> remoteFiles(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }
}
