package dev.routeplan.planning.compliance.pack;

/**
 * A rule pack that cannot be used. The message names the file, the rule and the field, so the
 * person editing the YAML can go straight to the line, e.g.
 * {@code delhi.yaml: rule DL-NOENTRY-HGV: when.windows[0].start: not a time "7pm"}.
 */
public final class RulePackException extends RuntimeException {

    private final String file;
    private final String ruleId;
    private final String field;

    public RulePackException(String file, String ruleId, String field, String problem) {
        this(file, ruleId, field, problem, null);
    }

    public RulePackException(String file, String ruleId, String field, String problem, Throwable cause) {
        super(file + ": " + (ruleId == null ? "" : "rule " + ruleId + ": ") + field + ": " + problem, cause);
        this.file = file;
        this.ruleId = ruleId;
        this.field = field;
    }

    public String file() {
        return file;
    }

    /** The id of the rule at fault, or null for the pack header and shared sections. */
    public String ruleId() {
        return ruleId;
    }

    /** Dotted path of the field at fault, e.g. {@code when.windows[0].start}. */
    public String field() {
        return field;
    }
}
