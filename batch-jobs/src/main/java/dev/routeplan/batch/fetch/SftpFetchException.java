package dev.routeplan.batch.fetch;

import dev.routeplan.batch.retry.ServerCallFailed;

/**
 * The SFTP inbox could not be read (or a file not moved) even after retrying. The message names
 * the server, the remote folder and the last cause, which is what the operator needs to act.
 */
public class SftpFetchException extends ServerCallFailed {

    public SftpFetchException(String hostAndPort, String folder, String problem, int attempts, Throwable cause) {
        super("SFTP " + hostAndPort + " folder " + folder + ": " + problem
                + " (after " + attempts + (attempts == 1 ? " attempt)" : " attempts)"), cause);
    }

    public SftpFetchException(String hostAndPort, String folder, String problem) {
        super("SFTP " + hostAndPort + " folder " + folder + ": " + problem);
    }
}
