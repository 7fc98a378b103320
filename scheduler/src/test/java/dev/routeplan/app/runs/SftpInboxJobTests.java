package dev.routeplan.app.runs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.LocalDate;
import java.util.List;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The day's files arrive on an SFTP server (embedded Apache MINA SSHD on loopback, host key checked). */
@PlanJobTest
class SftpInboxJobTests {

    static final LocalDate DATE = LocalDate.of(2026, 12, 22);
    static final Path ROOT = temporaryFolder();
    static final SshServer SERVER = startServer();

    @DynamicPropertySource
    static void sftp(DynamicPropertyRegistry registry) throws Exception {
        String knownHosts = knownHosts().toString();
        registry.add("routeplan.sftp.enabled", () -> "true");
        registry.add("routeplan.sftp.host", () -> "127.0.0.1");
        registry.add("routeplan.sftp.port", SERVER::getPort);
        registry.add("routeplan.sftp.user", () -> "routeplan");
        registry.add("routeplan.sftp.password", () -> "test-only-secret");
        registry.add("routeplan.sftp.known-hosts", () -> knownHosts);
        registry.add("routeplan.sftp.initial-backoff", () -> "10ms");
    }

    @AfterAll
    static void stopServer() throws IOException {
        SERVER.stop(true);
    }

    @Autowired
    PlanRuns runs;
    @Autowired
    JdbcClient jdbc;
    @TempDir
    Path temp;

    @Test
    void takesInTheDatesFilesFromSftpAndMovesThemToProcessed() throws Exception {
        // given the sample files in the remote inbox of the date, and nothing local
        Path remoteInbox = Files.createDirectories(ROOT.resolve("inbox").resolve(DATE.toString()));
        for (String name : List.of("orders.csv", "fleet.csv", "depots.csv")) {
            Files.copy(Path.of("../samples", name), remoteInbox.resolve(name));
        }
        Path emptyLocal = Files.createDirectories(temp.resolve("local"));

        // when
        JobExecution execution = runs.ingest(DATE, emptyLocal, temp.resolve("out"));

        // then
        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(jdbc.sql("select count(*) from orders where plan_date = ?").param(DATE).query(Long.class).single())
                .isEqualTo(300);
        assertThat(jdbc.sql("select source from input_files where plan_date = ? and kind = 'ORDERS'").param(DATE)
                .query(String.class).single()).isEqualTo("SFTP");
        // every file taken in moves, the fleet and depot files as well as the orders
        assertThat(ROOT.resolve("processed").resolve(DATE.toString()))
                .isDirectoryContaining(p -> p.endsWith("orders.csv"))
                .isDirectoryContaining(p -> p.endsWith("fleet.csv"))
                .isDirectoryContaining(p -> p.endsWith("depots.csv"));
        assertThat(remoteInbox).isEmptyDirectory();
    }

    private static Path knownHosts() throws Exception {
        PublicKey key = SERVER.getKeyPairProvider().loadKeys(null).iterator().next().getPublic();
        Path file = ROOT.resolveSibling(ROOT.getFileName() + "-known_hosts");
        Files.writeString(file, "[127.0.0.1]:" + SERVER.getPort() + " " + PublicKeyEntry.toString(key) + "\n");
        return file;
    }

    private static Path temporaryFolder() {
        try {
            return Files.createTempDirectory("routeplan-sftp-root");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static SshServer startServer() {
        try {
            SshServer server = SshServer.setUpDefaultServer();
            server.setHost("127.0.0.1");
            server.setPort(0);
            server.setKeyPairProvider(new SimpleGeneratorHostKeyProvider(ROOT.resolveSibling(ROOT.getFileName() + "-hostkey.ser")));
            server.setPasswordAuthenticator((user, password, session) -> "routeplan".equals(user) && "test-only-secret".equals(password));
            server.setSubsystemFactories(List.of(new SftpSubsystemFactory()));
            server.setFileSystemFactory(new VirtualFileSystemFactory(ROOT));
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
