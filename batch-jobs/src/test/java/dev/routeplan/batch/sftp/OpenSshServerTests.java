package dev.routeplan.batch.sftp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.routeplan.batch.deliver.SftpOutbox;
import dev.routeplan.batch.fetch.InboxProperties;
import dev.routeplan.batch.fetch.SftpInbox;
import dev.routeplan.batch.fetch.SftpInbox.DownloadedFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The inbox and the outbox against Debian's OpenSSH server (see {@link OpenSshServer}), with
 * known_hosts as ssh-keyscan writes it: one line per host key type, ed25519 among them. Skipped,
 * saying why, only where openssh-server is not installed.
 */
class OpenSshServerTests {

    private static final LocalDate PLAN_DATE = LocalDate.of(2026, 12, 1);

    @TempDir
    Path temp;

    private OpenSshServer server;

    @AfterEach
    void stopServer() throws InterruptedException {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void inboxFetchesAndMovesEveryFileThoughKnownHostsHoldsALineOfAnUnknownKeyType() throws Exception {
        server = OpenSshServer.start(temp.resolve("sshd"), null);
        Path knownHosts = server.knownHosts(null, "[127.0.0.1]:" + server.port() + " ssh-future-kind AAAAE3NzaC1mdXR1cmUta2luZA==");
        Path inbox = Files.createDirectories(temp.resolve("remote/inbox/2026-12-01"));
        Files.writeString(inbox.resolve("orders.csv"), "order_id\nO1\n");
        Files.writeString(inbox.resolve("fleet.csv"), "vehicle_id\nV1\n");
        SftpInbox sftp = inbox(knownHosts);

        List<DownloadedFile> files = sftp.download(PLAN_DATE, temp.resolve("staging"));
        for (DownloadedFile file : files) {
            sftp.moveToProcessed(PLAN_DATE, file.remoteName());
        }

        assertThat(files).extracting(DownloadedFile::remoteName).containsExactly("fleet.csv", "orders.csv");
        assertThat(temp.resolve("staging/orders.csv")).hasContent("order_id\nO1");
        assertThat(temp.resolve("remote/processed/2026-12-01/fleet.csv")).hasContent("vehicle_id\nV1");
        assertThat(temp.resolve("remote/processed/2026-12-01/orders.csv")).exists();
        assertThat(inbox).isEmptyDirectory();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"ssh-ed25519, ed25519", "ecdsa-sha2-nistp256, ecdsa", "rsa-sha2-512, rsa"})
    void acceptsTheServersHostKeyOfEachType(String algorithm, String keyscanType) throws Exception {
        server = OpenSshServer.start(temp.resolve("sshd"), algorithm);
        Files.createDirectories(temp.resolve("remote/inbox/2026-12-01"));
        Files.writeString(temp.resolve("remote/inbox/2026-12-01/orders.csv"), "order_id\nO1\n");

        List<DownloadedFile> files = inbox(server.knownHosts(keyscanType)).download(PLAN_DATE, temp.resolve("staging"));

        assertThat(files).extracting(DownloadedFile::remoteName).containsExactly("orders.csv");
    }

    @Test
    void outboxUploadsUnderTheFinalNames() throws Exception {
        server = OpenSshServer.start(temp.resolve("sshd"), null);
        Path plan = Files.writeString(temp.resolve("plan-D1.xlsx"), "workbook bytes");
        Path manifests = Files.writeString(temp.resolve("manifests-D1.pdf"), "pdf bytes");
        SftpOutbox outbox = new SftpOutbox(endpoint(server.knownHosts(null)), temp + "/remote/outbox/{date}/{depot}",
                temp + "/remote/outbox/{date}");

        outbox.upload(PLAN_DATE, "D1", List.of(plan, manifests));

        Path folder = temp.resolve("remote/outbox/2026-12-01/D1");
        assertThat(folder.resolve("plan-D1.xlsx")).hasContent("workbook bytes");
        try (var names = Files.list(folder)) {
            assertThat(names.map(p -> p.getFileName().toString()).sorted()).containsExactly("manifests-D1.pdf", "plan-D1.xlsx");
        }
    }

    private SftpInbox inbox(Path knownHosts) {
        return new SftpInbox(endpoint(knownHosts), new InboxProperties(true, temp + "/remote/inbox/{date}",
                List.of("orders*.csv", "fleet.csv", "depots.csv"), temp + "/remote/processed/{date}"));
    }

    private SftpEndpoint endpoint(Path knownHosts) {
        return new SftpEndpoint("127.0.0.1", server.port(), "root", null, server.clientKey(), null, knownHosts, false, 2,
                Duration.ofMillis(10), Duration.ofSeconds(10));
    }
}
