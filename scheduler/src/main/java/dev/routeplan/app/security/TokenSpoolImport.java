package dev.routeplan.app.security;

import dev.routeplan.app.audit.AuditAction;
import dev.routeplan.app.audit.AuditEntry;
import dev.routeplan.app.audit.AuditLog;
import dev.routeplan.app.ops.PeriodicTask;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Puts what the commands recorded in the {@link TokenSpool} on the audit log: the tokens
 * {@code routeplan token} printed ({@code TOKEN_ISSUE}, target {@code cli token JTI}) and the
 * console users {@code routeplan user} added or removed ({@code USER_ADD}, {@code USER_REMOVE},
 * target {@code console user NAME}, the record's id in the detail). The records are imported at
 * start-up and every minute, each file deleted only after its row is committed. A record already
 * on the log (its action, target and detail) is not appended again, so a file left behind by a
 * failed delete, or imported by two nodes, is one row.
 * A file that is not a record is renamed {@code *.bad} with a WARN naming it, never retried.
 * Only the service (web application) with the embedded issuer has such records to import, as
 * {@link TokenIssueAudit}; a thread of its own, as the other periodic work of the service.
 */
@Component
@ConditionalOnWebApplication
@ConditionalOnExpression("'${routeplan.security.issuer:}' == ''")
public class TokenSpoolImport implements SmartLifecycle {

    static final Duration EVERY = Duration.ofMinutes(1);
    /** What an audit row names as the client of a command run on the service's machine. */
    static final String CLIENT = "local";
    /** The subject of a user change whose OS user is unknown. */
    static final String COMMAND_LINE = "command line";

    private static final Logger log = LoggerFactory.getLogger(TokenSpoolImport.class);

    private final TokenSpool spool;
    private final AuditLog auditLog;
    /** Files already warned about that stay unreadable (a person must look): one WARN each, not one a minute. */
    private final Set<Path> warned = ConcurrentHashMap.newKeySet();
    private final PeriodicTask importer = new PeriodicTask("token-spool-import", this::importQuietly);

    TokenSpoolImport(SecurityProperties security, AuditLog auditLog) {
        this.spool = TokenSpool.besideSigningKey(security);
        this.auditLog = auditLog;
    }

    /**
     * What one pass did.
     *
     * @param imported       records whose row was appended
     * @param alreadyOnLog   records that had their row already (deleted all the same)
     * @param setAside       malformed files renamed {@code *.bad}
     */
    public record Pass(int imported, int alreadyOnLog, int setAside) {
    }

    /** Imports what the spool holds now; synchronized, so the scheduled pass and a caller never import one file twice. */
    public synchronized Pass importPending() throws IOException {
        int imported = 0;
        int alreadyOnLog = 0;
        int setAside = 0;
        for (Path file : spool.pending()) {
            TokenSpool.Spooled entry;
            try {
                entry = spool.read(file);
            } catch (TokenSpool.Malformed e) {
                if (setAside(file, e.getMessage())) {
                    setAside++;
                }
                continue;
            } catch (IOException e) {
                warnOnce(file, "cannot read the command-line record " + file + " (" + e.getMessage() + "); tried again every minute");
                continue;
            }
            // committed on return: only then may the file go
            if (auditLog.appendOnce(row(entry))) {
                imported++;
            } else {
                alreadyOnLog++;
            }
            try {
                spool.remove(file);
                warned.remove(file);
            } catch (IOException e) {
                warnOnce(file, "command-line record " + file + " is on the audit log but cannot be deleted (" + e.getMessage()
                        + "); it is not appended again");
            }
        }
        if (imported > 0) {
            log.info("{} record(s) of routeplan token and routeplan user put on the audit log", imported);
        }
        return new Pass(imported, alreadyOnLog, setAside);
    }

    static AuditEntry row(TokenSpool.Spooled record) {
        if (record instanceof TokenSpool.UserChange change) {
            return row(change);
        }
        return row((TokenSpool.Entry) record);
    }

    static AuditEntry row(TokenSpool.UserChange change) {
        String who = change.osUser() == null || change.osUser().isBlank() ? COMMAND_LINE : change.osUser();
        String roles = change.roles().stream().sorted().map(Role::name).collect(Collectors.joining(","));
        String verb = change.action() == AuditAction.USER_ADD ? "added with roles " : "removed, had roles ";
        // the id tells apart the rows of a user added, removed and added again, so each is kept once
        return new AuditEntry(change.at(), who, Set.of(), change.action(), "console user " + change.name(), CLIENT,
                AuditEntry.Outcome.SUCCEEDED, verb + roles + " by routeplan user (record " + change.id() + ")");
    }

    static AuditEntry row(TokenSpool.Entry entry) {
        String who = entry.osUser() == null || entry.osUser().isBlank() ? entry.subject() : entry.osUser();
        return new AuditEntry(entry.issuedAt(), who, Set.of(entry.role().name()), AuditAction.TOKEN_ISSUE,
                "cli token " + entry.jti(), CLIENT, AuditEntry.Outcome.SUCCEEDED,
                "printed by routeplan token: " + entry.subject() + " (" + entry.role() + ")"
                        + (who.equals(entry.osUser()) ? " for OS user " + who : "")
                        + ", valid until " + entry.expiresAt());
    }

    private boolean setAside(Path file, String why) {
        try {
            Path aside = spool.setAside(file);
            log.warn("command-line record {} is malformed ({}): set aside as {}, not imported", file, why, aside.getFileName());
            return true;
        } catch (IOException e) {
            warnOnce(file, "command-line record " + file + " is malformed (" + why + ") and cannot be set aside (" + e.getMessage()
                    + "); it is skipped");
            return false;
        }
    }

    private void warnOnce(Path file, String message) {
        if (warned.add(file)) {
            log.warn(message);
        }
    }

    private void importQuietly() {
        try {
            importPending();
        } catch (Exception e) {
            // the database or the folder may be back next minute; the records wait in the spool
            log.warn("command-line records in {} not imported this time: {}", spool.folder(), e.getMessage());
        }
    }

    @Override
    public void start() {
        // at once: what was printed while the service was down goes on the log first
        importer.start(Duration.ZERO, EVERY);
    }

    @Override
    public void stop() {
        importer.stop();
    }

    @Override
    public boolean isRunning() {
        return importer.isRunning();
    }
}
