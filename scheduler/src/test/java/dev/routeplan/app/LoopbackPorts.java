package dev.routeplan.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

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
}
