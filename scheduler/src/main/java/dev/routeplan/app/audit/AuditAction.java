package dev.routeplan.app.audit;

/** What an audit row records: the operations of the service that change something or hand something out. */
public enum AuditAction {
    RUN_START, RUN_RESTART, RUN_STOP, RUN_ABANDON, RUN_RECOVER, BACKFILL,
    SCHEDULE_CHANGE, SCHEDULE_PAUSE, SCHEDULE_RESUME,
    WHAT_IF, WITHDRAW,
    TOKEN_ISSUE,
    USER_ADD, USER_REMOVE,
    DOWNLOAD,
    PURGE,
    ERASE,
    EXPORT
}
