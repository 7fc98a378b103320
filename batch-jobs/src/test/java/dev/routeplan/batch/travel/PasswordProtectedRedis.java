package dev.routeplan.batch.travel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/**
 * A redis-server of the test's own on a free loopback port, started with {@code --requirepass} as
 * docker-compose.yml starts it (and, as config/redis/redis.conf says, without persistence); stopped
 * on close. The machine's Redis on 6379 has no password and stays untouched.
 */
final class PasswordProtectedRedis implements AutoCloseable {

    final int port;
    final String password;
    private final Process process;

    private PasswordProtectedRedis(int port, String password, Process process) {
        this.port = port;
        this.password = password;
        this.process = process;
    }

    static PasswordProtectedRedis start() {
        try {
            int port;
            try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                port = free.getLocalPort();
            }
            Path dir = Files.createTempDirectory("redis-requirepass");
            String password = "test-" + UUID.randomUUID();
            Process process = new ProcessBuilder("redis-server", "--bind", "127.0.0.1", "--port", String.valueOf(port),
                    "--requirepass", password, "--save", "", "--appendonly", "no", "--dir", dir.toString())
                    .redirectErrorStream(true).redirectOutput(dir.resolve("redis.log").toFile()).start();
            PasswordProtectedRedis redis = new PasswordProtectedRedis(port, password, process);
            redis.awaitListening(dir.resolve("redis.log"));
            return redis;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start redis-server", e);
        }
    }

    private void awaitListening(Path log) throws IOException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < deadline && process.isAlive()) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
                return;
            } catch (IOException notYet) {
                Thread.onSpinWait();
            }
        }
        process.destroyForcibly();
        throw new IOException("redis-server did not listen on 127.0.0.1:" + port + ": " + Files.readString(log));
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        process.waitFor();
    }
}
