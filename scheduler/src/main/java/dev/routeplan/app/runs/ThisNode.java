package dev.routeplan.app.runs;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** The name a node puts on its leases: {@code pid@host}, unique among live processes of a cluster. */
final class ThisNode {

    private static final String HOST = hostName();
    static final String NAME = ProcessHandle.current().pid() + "@" + HOST;

    private ThisNode() {
    }

    /** True only when the node is a process of this host that has ended; other hosts cannot be looked at. */
    static boolean isDeadProcessOfThisHost(String node) {
        int at = node.indexOf('@');
        if (at <= 0 || !node.substring(at + 1).equals(HOST)) {
            return false;
        }
        try {
            long pid = Long.parseLong(node.substring(0, at));
            return ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
