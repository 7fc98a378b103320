package dev.routeplan.app.runs;

import dev.routeplan.app.LoopbackPorts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL cluster of a test's own, made with the machine's {@code initdb} and run with
 * {@code pg_ctl} on a free loopback port, so that the test may stop and restart it under a running
 * {@code routeplan} without touching the machine's server. As root, the cluster's commands run as
 * {@code postgres} (the server refuses root). {@link #close()} stops it at once and deletes it.
 */
final class OwnPostgresCluster implements AutoCloseable {

    private final Path folder;
    private final Path data;
    private final Path bin;
    private final int port;

    private OwnPostgresCluster(Path folder, Path bin, int port) {
        this.folder = folder;
        this.data = folder.resolve("data");
        this.bin = bin;
        this.port = port;
    }

    /** Makes and starts a cluster with trust authentication for {@code postgres} on 127.0.0.1. */
    static OwnPostgresCluster start() throws Exception {
        Path folder = Files.createTempDirectory("routeplan-own-pg-");
        // the server's user must reach its data folder through this one
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));
        OwnPostgresCluster cluster = new OwnPostgresCluster(folder, binaries(), LoopbackPorts.closed());
        Files.createDirectories(cluster.data);
        if (runningAsRoot()) {
            UserPrincipalLookupService users = folder.getFileSystem().getUserPrincipalLookupService();
            Files.setOwner(cluster.data, users.lookupPrincipalByName("postgres"));
        }
        cluster.run("initdb", "-D", cluster.data.toString(), "-U", "postgres", "--auth=trust", "-E", "UTF8");
        cluster.startAgain();
        return cluster;
    }

    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    int port() {
        return port;
    }

    /** A fast shutdown: sessions are ended, as when an operator restarts the server. */
    void stop() throws Exception {
        run("pg_ctl", "stop", "-D", data.toString(), "-m", "fast", "-w");
    }

    /** Starts the stopped cluster again, on its port. */
    void startAgain() throws Exception {
        run("pg_ctl", "start", "-D", data.toString(), "-w", "-l", data.resolve("server.log").toString(),
                "-o", "-p " + port + " -c listen_addresses=127.0.0.1 -c unix_socket_directories=''");
    }

    @Override
    public void close() throws Exception {
        try {
            run("pg_ctl", "stop", "-D", data.toString(), "-m", "immediate", "-w");
        } catch (IllegalStateException alreadyStopped) {
            // nothing to stop
        }
        dev.routeplan.batch.store.FileTrees.deleteTree(folder);
    }

    private void run(String program, String... args) throws Exception {
        List<String> command = new ArrayList<>();
        if (runningAsRoot()) {
            command.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        command.add(bin.resolve(program).toString());
        command.addAll(List.of(args));
        Path log = Files.createTempFile(folder, program, ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed:\n" + Files.readString(log));
        }
    }

    private static boolean runningAsRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static Path binaries() throws IOException {
        try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            return versions.map(version -> version.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("pg_ctl")))
                    .max(Path::compareTo)
                    .orElseThrow(() -> new IllegalStateException("no PostgreSQL server binaries under /usr/lib/postgresql"));
        }
    }
}
