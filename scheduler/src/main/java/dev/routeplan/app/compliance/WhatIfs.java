package dev.routeplan.app.compliance;

import dev.routeplan.app.audit.Audit;
import dev.routeplan.app.audit.AuditAction;
import dev.routeplan.app.compliance.Reverification.RouteChange;
import dev.routeplan.planning.compliance.pack.RulePack;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * A stored plan verified again over the API, as {@code routeplan verify} does: read-only, or
 * withdrawing the routes that became illegal when a compliance officer asks for it. The rule pack
 * is chosen by name among the configured ones; every verification is audited.
 */
@Service
public class WhatIfs {

    /** What to verify against: a GRAP stage, or the stage in force at a moment; a pack by name. */
    public record Question(Integer grapStage, OffsetDateTime at, String rulePack) {
    }

    /** A rule pack name that is neither the pack in force nor a configured one. */
    public static class UnknownRulePackException extends RuntimeException {
        public UnknownRulePackException(String name, List<String> known) {
            super("no rule pack named '" + name + "'; known: " + String.join(", ", known));
        }
    }

    private final Reverification reverification;
    private final CompliancePacks packs;
    private final RulePack inForce;
    private final Audit audit;

    public WhatIfs(Reverification reverification, CompliancePacks packs, RulePack inForce, Audit audit) {
        this.reverification = reverification;
        this.packs = packs;
        this.inForce = inForce;
        this.audit = audit;
    }

    /** Which routes the question would make illegal; changes nothing but the audit records. */
    public Reverification.Result whatIf(LocalDate date, Question question, String subject) {
        Reverification.Result result = verify(AuditAction.WHAT_IF, date, question, false, subject);
        audit.succeeded(AuditAction.WHAT_IF, "plan-date " + date, describe(question) + ": " + counts(result));
        return result;
    }

    /** Withdraws (marks BLOCKED) the published routes the question makes illegal. */
    @PreAuthorize("hasRole('COMPLIANCE')")
    public Reverification.Result withdraw(LocalDate date, Question question, String subject) {
        Reverification.Result result = verify(AuditAction.WITHDRAW, date, question, true, subject);
        audit.succeeded(AuditAction.WITHDRAW, "plan-date " + date, describe(question) + ": " + counts(result)
                + "; withdrawn " + result.newlyIllegal().stream().map(RouteChange::vehicleId).collect(Collectors.joining(" ")));
        return result;
    }

    /** The names a request may give: the pack in force (by its id) and the configured ones. */
    public List<String> knownPacks() {
        TreeSet<String> names = new TreeSet<>(packs.rulePacks().keySet());
        names.add(inForce.id());
        return new ArrayList<>(names);
    }

    private Path packFile(String name) {
        if (name == null || name.isBlank() || packs.rulePacks().get(name) == null && name.equals(inForce.id())) {
            return null;
        }
        Path file = packs.rulePacks().get(name);
        if (file == null) {
            throw new UnknownRulePackException(name, knownPacks());
        }
        return file;
    }

    private Reverification.Result verify(AuditAction action, LocalDate date, Question question, boolean withdraw,
                                         String subject) {
        String target = "plan-date " + date;
        try {
            return reverification.reverify(date, question.grapStage(), packFile(question.rulePack()), null, question.at(),
                    withdraw, "api " + subject);
        } catch (UnknownRulePackException | Reverification.NoStoredPlanException refused) {
            audit.refused(action, target, describe(question) + ": " + refused.getMessage());
            throw refused;
        } catch (IOException e) {
            audit.failed(action, target, describe(question) + ": rule pack cannot be read");
            throw new UncheckedIOException("rule pack " + question.rulePack() + " cannot be read", e);
        }
    }

    private static String describe(Question question) {
        return "grapStage=" + question.grapStage() + " at=" + question.at() + " rulePack="
                + (question.rulePack() == null ? "(in force)" : question.rulePack());
    }

    private static String counts(Reverification.Result result) {
        return result.routes().size() + " routes checked, " + result.newlyIllegal().size() + " published and now illegal";
    }
}
