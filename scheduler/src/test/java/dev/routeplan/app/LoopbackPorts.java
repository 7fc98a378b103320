package dev.routeplan.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.springframework.test.context.DynamicPropertyRegistry;

/** Ports on loopback for tests of a part that is down. */
public final class LoopbackPorts {

    private LoopbackPorts() {
    }

    /** A loopback port nothing listens on (bound, then released): a server that is down. */
    public static int closed() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The delivery channels, the mail server and the SFTP outbox, configured at a closed loopback port: both down. */
    public static void deliveryChannelsDown(DynamicPropertyRegistry registry) {
        int closed = closed();
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> closed);
        registry.add("routeplan.outbox.enabled", () -> "true");
        registry.add("routeplan.outbox.host", () -> "127.0.0.1");
        registry.add("routeplan.outbox.port", () -> closed);
        registry.add("routeplan.outbox.user", () -> "dispatch");
        registry.add("routeplan.outbox.password", () -> "test-only-secret");
        registry.add("routeplan.outbox.trust-any-host-key", () -> "true");
    }
}
