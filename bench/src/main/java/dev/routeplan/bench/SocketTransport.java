package dev.routeplan.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Requests over a fixed set of keep-alive HTTP/1.1 connections driven by one thread and one
 * selector, as wrk2 does. A request due while every connection is busy waits in line, and that
 * wait is part of its latency (counted from its due time). A connection the server closes
 * ({@code Connection: close}, e.g. Tomcat's keep-alive request limit) is opened again.
 */
final class SocketTransport implements Transport {

    private record Pending(int kind, int path, long due, Completion completion) {
    }

    private final InetSocketAddress address;
    private final List<List<byte[]>> requests = new ArrayList<>();
    private final long timeoutNanos;
    private final Selector selector;
    private final Queue<Pending> arrivals = new ConcurrentLinkedQueue<>();
    private final ArrayDeque<Pending> waiting = new ArrayDeque<>();
    private final ArrayDeque<Connection> idle = new ArrayDeque<>();
    private final List<Connection> connections = new ArrayList<>();
    private final Thread loop;
    private volatile boolean running = true;

    SocketTransport(URI base, RequestMix mix, String token, Duration timeout, int connectionCount) {
        address = new InetSocketAddress(base.getHost(), base.getPort());
        timeoutNanos = timeout.toNanos();
        for (RequestMix.Kind kind : mix.kinds()) {
            requests.add(kind.paths().stream().map(path -> request(base, path, kind.authenticated() ? token : null)).toList());
        }
        try {
            selector = Selector.open();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (int i = 0; i < connectionCount; i++) {
            connections.add(new Connection());
        }
        loop = new Thread(this::run, "socket-transport");
        loop.setDaemon(true);
        loop.start();
    }

    private static byte[] request(URI base, String path, String token) {
        StringBuilder request = new StringBuilder()
                .append("GET ").append(base.resolve(path).getRawPath());
        String query = base.resolve(path).getRawQuery();
        if (query != null) {
            request.append('?').append(query);
        }
        request.append(" HTTP/1.1\r\nHost: ").append(base.getHost()).append(':').append(base.getPort())
                .append("\r\nUser-Agent: routeplan-bench\r\nAccept: */*\r\n");
        if (token != null) {
            request.append("Authorization: Bearer ").append(token).append("\r\n");
        }
        return request.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void send(int kind, int path, long dueNanos, Completion completion) {
        arrivals.add(new Pending(kind, path, dueNanos, completion));
        selector.wakeup();
    }

    @Override
    public void close() {
        running = false;
        selector.wakeup();
        try {
            loop.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        connections.forEach(Connection::open);
        try {
            while (running) {
                selector.select(5);
                Iterator<SelectionKey> keys = selector.selectedKeys().iterator();
                while (keys.hasNext()) {
                    SelectionKey key = keys.next();
                    keys.remove();
                    ((Connection) key.attachment()).ready(key);
                }
                for (Pending arrival; (arrival = arrivals.poll()) != null; ) {
                    waiting.add(arrival);
                }
                long now = System.nanoTime();
                for (Connection connection : connections) {
                    connection.checkTime(now);
                }
                while (!waiting.isEmpty() && !idle.isEmpty()) {
                    Pending next = waiting.poll();
                    if (now - next.due() > timeoutNanos) {
                        next.completion().done(0, 0, "timeout", now);
                    } else {
                        idle.poll().send(next);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            connections.forEach(Connection::closeChannel);
            try {
                selector.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }

    /** One keep-alive connection: idle, connecting, or carrying one request. */
    private final class Connection {

        private final ResponseParser parser = new ResponseParser();
        private final ByteBuffer in = ByteBuffer.allocate(64 * 1024);
        private SocketChannel channel;
        private SelectionKey key;
        private ByteBuffer out;
        private Pending current;
        private long reopenAt = Long.MAX_VALUE;

        void open() {
            reopenAt = Long.MAX_VALUE;
            try {
                channel = SocketChannel.open();
                channel.configureBlocking(false);
                channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
                in.clear();
                parser.reset();
                if (channel.connect(address)) {
                    key = channel.register(selector, SelectionKey.OP_READ, this);
                    idle.add(this);
                } else {
                    key = channel.register(selector, SelectionKey.OP_CONNECT, this);
                }
            } catch (IOException e) {
                closeChannel();
                reopenAt = System.nanoTime() + 50_000_000L;
            }
        }

        void send(Pending request) {
            current = request;
            out = ByteBuffer.wrap(requests.get(request.kind()).get(request.path()));
            parser.reset();
            write();
        }

        void ready(SelectionKey ready) {
            try {
                if (!ready.isValid()) {
                    return;
                }
                if (ready.isConnectable()) {
                    channel.finishConnect();
                    key.interestOps(SelectionKey.OP_READ);
                    idle.add(this);
                }
                if (ready.isValid() && ready.isWritable()) {
                    write();
                }
                if (ready.isValid() && ready.isReadable()) {
                    read();
                }
            } catch (IOException | RuntimeException e) {
                fail(e instanceof IOException ? e.getClass().getSimpleName() : "bad response: " + e.getMessage());
            }
        }

        private void write() {
            try {
                channel.write(out);
                key.interestOps(out.hasRemaining() ? SelectionKey.OP_READ | SelectionKey.OP_WRITE : SelectionKey.OP_READ);
            } catch (IOException e) {
                fail(e.getClass().getSimpleName());
            }
        }

        private void read() throws IOException {
            int n = channel.read(in);
            if (n < 0) {
                fail(current == null ? null : "connection closed by the server");
                return;
            }
            if (current == null) {
                if (in.position() > 0) {
                    fail(null);
                }
                return;
            }
            in.flip();
            boolean complete = parser.feed(in);
            in.compact();
            if (complete) {
                Pending done = current;
                current = null;
                done.completion().done(parser.status(), parser.bodyBytes(), null, System.nanoTime());
                if (parser.closeAfter()) {
                    closeChannel();
                    open();
                } else {
                    idle.add(this);
                }
            } else if (!in.hasRemaining()) {
                fail("a response head larger than " + in.capacity() + " bytes");
            }
        }

        void checkTime(long now) {
            if (current != null && now - current.due() > timeoutNanos) {
                fail("timeout");
            } else if (channel == null && now >= reopenAt) {
                open();
            }
        }

        /** Ends the request on this connection (if any) with {@code reason} and opens the connection again. */
        private void fail(String reason) {
            if (current != null) {
                Pending failed = current;
                current = null;
                failed.completion().done(0, 0, reason, System.nanoTime());
            }
            idle.remove(this);
            closeChannel();
            // not at once: a server that refuses connections would make this a busy loop
            reopenAt = System.nanoTime() + 10_000_000L;
        }

        void closeChannel() {
            if (channel != null) {
                try {
                    channel.close();
                } catch (IOException ignored) {
                    // gone either way
                }
                channel = null;
            }
        }
    }
}
