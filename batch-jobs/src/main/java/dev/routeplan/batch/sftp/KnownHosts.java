package dev.routeplan.batch.sftp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import org.apache.sshd.client.config.hosts.KnownHostEntry;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntryResolver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The host keys an OpenSSH known_hosts file lists, read line by line: a line whose key type this
 * JVM cannot read (or that is malformed) is skipped with a WARN naming file and line, instead of
 * losing the whole file as MINA's own verifier does. Plain and hashed ({@code |1|}) host names,
 * {@code [host]:port} as {@code ssh-keyscan -p} writes it, and {@code @revoked} lines are understood;
 * rsa, ecdsa and ed25519 keys are read (ed25519 through the EdDSA provider on the class path).
 */
public final class KnownHosts {

    private static final Logger log = LoggerFactory.getLogger(KnownHosts.class);
    private static final String REVOKED = "revoked";

    private record Line(KnownHostEntry entry, PublicKey key) {
    }

    private final Path file;
    private final List<Line> lines;

    private KnownHosts(Path file, List<Line> lines) {
        this.file = file;
        this.lines = lines;
    }

    public static KnownHosts read(Path file) {
        List<String> text;
        try {
            text = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read known_hosts file " + file, e);
        }
        List<Line> lines = new ArrayList<>();
        for (int i = 0; i < text.size(); i++) {
            String line = text.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            try {
                KnownHostEntry entry = KnownHostEntry.parseKnownHostEntry(line);
                PublicKey key = entry == null || entry.getKeyEntry() == null ? null
                        : entry.getKeyEntry().resolvePublicKey(null, PublicKeyEntryResolver.IGNORING);
                if (key == null) {
                    log.warn("known_hosts {} line {}: key type {} is not supported here; line skipped", file, i + 1,
                            entry == null || entry.getKeyEntry() == null ? "?" : entry.getKeyEntry().getKeyType());
                    continue;
                }
                lines.add(new Line(entry, key));
            } catch (Exception e) {
                log.warn("known_hosts {} line {} cannot be read ({}); line skipped", file, i + 1, e.toString());
            }
        }
        return new KnownHosts(file, List.copyOf(lines));
    }

    /** Whether {@code key} is listed for {@code host} on {@code port} and not revoked. */
    public boolean lists(String host, int port, PublicKey key) {
        boolean listed = false;
        for (Line line : lines) {
            if (line.entry().isHostMatch(host, port) && KeyUtils.compareKeys(line.key(), key)) {
                if (REVOKED.equals(line.entry().getMarker())) {
                    log.error("known_hosts {}: the {} key of {}:{} is marked @revoked", file, KeyUtils.getKeyType(key), host,
                            port);
                    return false;
                }
                listed |= line.entry().getMarker() == null;
            }
        }
        return listed;
    }

    /** How many lines could be read, for tests and the log. */
    public int size() {
        return lines.size();
    }
}
