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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Puts the tokens {@code routeplan token} printed on the audit log ({@code TOKEN_ISSUE}, target
 * {@code cli token JTI}): the records of the {@link TokenSpool} are imported at start-up and every
 * minute, each file deleted only after its row is committed. A jti already on the log is not
 * appended again, so a file left behind by a failed delete, or imported by two nodes, is one row.
 * A file that is not a record is renamed {@code *.bad} with a WARN naming it, never retried.
 * Only the service (web application) with the embedded issuer has such tokens to import, as
 * {@link TokenIssueAudit}; a thread of its own, as the other periodic work of the service.
 */
@Component
@ConditionalOnWebApplication
@ConditionalOnExpression("'${routeplan.security.issuer:}' == ''")
public class TokenSpoolImport implements SmartLifecycle {

    static final Duration EVERY = Duration.ofMinutes(1);
    /** What an audit row names as the client of a token printed on the service's machine. */
    static final String CLIENT = "local";

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
     * @param alreadyOnLog   records whose jti had its row already (deleted all the same)
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
            TokenSpool.Entry entry;
            try {
                entry = spool.read(file);
            } catch (TokenSpool.Malformed e) {
                if (setAside(file, e.getMessage())) {
                    setAside++;
                }
                continue;
            } catch (IOException e) {
                warnOnce(file, "cannot read the token record " + file + " (" + e.getMessage() + "); tried again every minute");
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
                warnOnce(file, "token record " + file + " is on the audit log but cannot be deleted (" + e.getMessage()
                        + "); it is not appended again");
            }
        }
        if (imported > 0) {
            log.info("{} token(s) printed by routeplan token put on the audit log", imported);
        }
        return new Pass(imported, alreadyOnLog, setAside);
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
            log.warn("token record {} is malformed ({}): set aside as {}, not imported", file, why, aside.getFileName());
            return true;
        } catch (IOException e) {
            warnOnce(file, "token record " + file + " is malformed (" + why + ") and cannot be set aside (" + e.getMessage()
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
            log.warn("token records in {} not imported this time: {}", spool.folder(), e.getMessage());
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
