package dev.routeplan.app.runs;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.apache.sshd.server.session.ServerSession;
import org.apache.sshd.sftp.server.FileHandle;
import org.apache.sshd.sftp.server.SftpEventListener;

/**
 * Holds an SFTP transfer on the server halfway: once armed, the first read or write of a file the
 * predicate picks, past its first chunk, waits until {@link #release()}. The client is then
 * mid-download or mid-upload with part of the file moved, where a test can kill it.
 */
final class StalledTransfer implements SftpEventListener {

    enum Direction { READ, WRITE }

    private record Armed(Direction direction, Predicate<String> path, CountDownLatch stalled, CountDownLatch released) {
    }

    private final AtomicReference<Armed> armed = new AtomicReference<>();
    private volatile String stalledPath;

    /** From now on, the first matching transfer past its first chunk stalls. */
    void arm(Direction direction, Predicate<String> path) {
        armed.set(new Armed(direction, path, new CountDownLatch(1), new CountDownLatch(1)));
    }

    /** Waits until a transfer stalled; returns its path on the server's disk. */
    String awaitStalled(Duration timeout) throws InterruptedException {
        if (!armed.get().stalled().await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("no transfer reached the stall within " + timeout);
        }
        return stalledPath;
    }

    /** Lets the stalled transfer go on, and stalls nothing more. */
    void release() {
        Armed current = armed.getAndSet(null);
        if (current != null) {
            current.released().countDown();
        }
    }

    @Override
    public void reading(ServerSession session, String remoteHandle, FileHandle handle, long offset, byte[] data, int dataOffset,
                        int dataLen) throws IOException {
        stallIf(Direction.READ, handle, offset);
    }

    @Override
    public void writing(ServerSession session, String remoteHandle, FileHandle handle, long offset, byte[] data, int dataOffset,
                        int dataLen) throws IOException {
        stallIf(Direction.WRITE, handle, offset);
    }

    private void stallIf(Direction direction, FileHandle handle, long offset) throws IOException {
        Armed current = armed.get();
        String path = handle.getFile().toString();
        if (current == null || current.direction() != direction || offset == 0 || !current.path().test(path)
                || current.stalled().getCount() == 0) {
            return;
        }
        stalledPath = path;
        current.stalled().countDown();
        try {
            // a safety net: a test that never releases does not hold the server's thread for ever
            current.released().await(5, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("stalled transfer interrupted");
        }
    }
}
