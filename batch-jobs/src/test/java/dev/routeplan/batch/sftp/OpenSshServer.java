package dev.routeplan.batch.sftp;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's OpenSSH server, started by a test as a foreground process on a free loopback port with
 * its own generated host keys (ed25519, rsa, ecdsa) and config; the system's sshd and port 22 are
 * never touched. Login is root by key (the tests run as root; a password login would need a
 * system user), SFTP is OpenSSH's internal-sftp on the real file system.
 */
public final class OpenSshServer implements AutoCloseable {

    static final Path SSHD = Path.of("/usr/sbin/sshd");
    /** sshd refuses to start without its privilege separation folder, which only its service unit creates. */
    private static final Path PRIVSEP_DIR = Path.of("/run/sshd");

    private final Path dir;
    private final int port;
    private final Process process;

    private OpenSshServer(Path dir, int port, Process process) {
        this.dir = dir;
        this.port = port;
        this.process = process;
    }

    /**
     * @param hostKeyAlgorithms what the server offers (e.g. {@code ssh-ed25519}); null for OpenSSH's defaults
     */
    public static OpenSshServer start(Path dir, String hostKeyAlgorithms) throws Exception {
        assumeTrue(Files.isExecutable(SSHD), SSHD + " is missing: install Debian's openssh-server (scripts/test.sh does)");
        assumeTrue("root".equals(System.getProperty("user.name")), "the OpenSSH tests log in as root by key and must run as root");
        Files.createDirectories(dir);
        List<String> config = new ArrayList<>();
        for (String type : List.of("ed25519", "rsa", "ecdsa")) {
            Path key = dir.resolve("ssh_host_" + type + "_key");
            run(dir, "ssh-keygen", "-q", "-t", type, "-N", "", "-C", "test host key", "-f", key.toString());
            config.add("HostKey " + key);
        }
        run(dir, "ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "routeplan test client", "-f", dir.resolve("client_key").toString());
        Files.copy(dir.resolve("client_key.pub"), dir.resolve("authorized_keys"));
        config.addAll(List.of(
                "ListenAddress 127.0.0.1",
                "PidFile " + dir.resolve("sshd.pid"),
                "AuthorizedKeysFile " + dir.resolve("authorized_keys"),
                "PermitRootLogin prohibit-password",
                "PasswordAuthentication no",
                "KbdInteractiveAuthentication no",
                "UsePAM no",
                "StrictModes no",
                "Subsystem sftp internal-sftp"));
        if (hostKeyAlgorithms != null) {
            config.add("HostKeyAlgorithms " + hostKeyAlgorithms);
        }
        Path configFile = dir.resolve("sshd_config");
        Files.write(configFile, config, StandardCharsets.UTF_8);
        Files.createDirectories(PRIVSEP_DIR);
        int port = freePort();
        Process process = new ProcessBuilder(SSHD.toString(), "-D", "-e", "-f", configFile.toString(), "-p", String.valueOf(port))
                .redirectErrorStream(true).redirectOutput(dir.resolve("sshd.log").toFile()).start();
        OpenSshServer server = new OpenSshServer(dir, port, process);
        server.awaitListening();
        return server;
    }

    public int port() {
        return port;
    }

    /** The private key root logs in with. */
    public Path clientKey() {
        return dir.resolve("client_key");
    }

    /**
     * A known_hosts file as {@code ssh-keyscan -p PORT 127.0.0.1} writes it (by running it),
     * preceded by {@code extraLines}.
     *
     * @param type {@code ed25519}, {@code rsa}, {@code ecdsa}, or null for every type
     */
    public Path knownHosts(String type, String... extraLines) throws Exception {
        List<String> command = new ArrayList<>(List.of("ssh-keyscan", "-p", String.valueOf(port)));
        if (type != null) {
            command.addAll(List.of("-t", type));
        }
        command.add("127.0.0.1");
        List<String> lines = new ArrayList<>(List.of(extraLines));
        lines.addAll(run(dir, command.toArray(String[]::new)).stream().filter(l -> !l.startsWith("#")).toList());
        if (lines.size() == extraLines.length) {
            throw new IllegalStateException("ssh-keyscan found no " + (type == null ? "" : type + " ") + "key on port " + port);
        }
        Path file = dir.resolve("known_hosts-" + (type == null ? "all" : type));
        Files.write(file, lines, StandardCharsets.UTF_8);
        return file;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    private void awaitListening() throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("sshd exited with " + process.exitValue() + ": " + log());
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
                return;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        close();
        throw new IllegalStateException("sshd did not listen on port " + port + " within 10 s: " + log());
    }

    private String log() throws IOException {
        return Files.readString(dir.resolve("sshd.log"));
    }

    private static List<String> run(Path dir, String... command) throws Exception {
        Path output = Files.createTempFile(dir, "command", ".out");
        Process process = new ProcessBuilder(command).redirectOutput(output.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + Files.readString(output));
        }
        return Files.readAllLines(output, StandardCharsets.UTF_8);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
