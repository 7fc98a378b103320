package dev.routeplan.batch.fetch;

import dev.routeplan.batch.fetch.SftpInbox.DownloadedFile;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** The SFTP inbox when it is configured; absent otherwise, so the fetch step reads only the local folder. */
public final class RemoteInbox {

    private final SftpInbox inbox;

    public RemoteInbox(SftpInbox inbox) {
        this.inbox = inbox;
    }

    public static RemoteInbox none() {
        return new RemoteInbox(null);
    }

    public List<DownloadedFile> download(LocalDate planDate, Path landing) {
        return inbox == null ? List.of() : inbox.download(planDate, landing);
    }

    public Optional<SftpInbox> sftp() {
        return Optional.ofNullable(inbox);
    }
}
