package com.webhookbuffer.adapter.persistence;

import java.sql.SQLException;
import java.util.Map;

/**
 * What a database failure means for the message that met it: retry later (the database will get better) or poison
 * (this item will never go in). One table, by SQLState, so the whole policy is visible in one place.
 *
 * <p>A pool that gave up waiting for a connection it could not open carries the refusal's state (HikariCP copies
 * it), so an unreachable database is {@code UNAVAILABLE} whether the driver or the pool answered.
 *
 * <p>The default is transient: a failure we did not foresee sends the message back to the queue, where
 * {@code maxReceiveCount} bounds the retries, rather than condemning a message that might have been fine.
 * Only failures that are certainly about the item's own data are permanent.
 */
enum SqlFailure {
    /** The database cannot be reached, is shutting down or starting, or refuses connections: wait it out. */
    UNAVAILABLE,
    TRANSIENT,
    PERMANENT;

    /** SQLState classes (first two characters) and whole states, with their kind. Whole states win. */
    private static final Map<String, SqlFailure> BY_STATE = Map.ofEntries(
            // Connection refused, lost, or never established.
            Map.entry("08", UNAVAILABLE),
            // Serialization failure and deadlock: the other transaction won; ours can run again.
            Map.entry("40001", TRANSIENT),
            Map.entry("40P01", TRANSIENT),
            // Insufficient resources, e.g. 53100 disk full; 53300 too many connections: refused at the door.
            Map.entry("53", TRANSIENT),
            Map.entry("53300", UNAVAILABLE),
            // Operator intervention: 57014 statement timeout; 57P01 admin shutdown, 57P02 crash shutdown, 57P03
            // cannot connect now (starting up, recovering), 57P04 database dropped: the server is going or not back.
            Map.entry("57", TRANSIENT),
            Map.entry("57P01", UNAVAILABLE),
            Map.entry("57P02", UNAVAILABLE),
            Map.entry("57P03", UNAVAILABLE),
            // Lock not available (lock_timeout).
            Map.entry("55P03", TRANSIENT),
            // System errors, e.g. 58030 I/O error.
            Map.entry("58", TRANSIENT),
            // Data exceptions (value out of range, invalid text) and integrity violations (check, foreign key,
            // not null): the item itself cannot be stored.
            Map.entry("22", PERMANENT),
            Map.entry("23", PERMANENT));

    static SqlFailure of(Throwable failure) {
        SQLException sql = sqlExceptionIn(failure);
        if (sql == null) {
            return TRANSIENT;
        }
        String state = sql.getSQLState();
        if (state == null || state.length() < 2) {
            return TRANSIENT;
        }
        SqlFailure exact = BY_STATE.get(state);
        if (exact != null) {
            return exact;
        }
        return BY_STATE.getOrDefault(state.substring(0, 2), TRANSIENT);
    }

    /** A short description for a log line or a dead letter's reason: the SQLState and the server's message. */
    static String describe(Throwable failure) {
        SQLException sql = sqlExceptionIn(failure);
        Throwable shown = sql != null ? sql : failure;
        String state = sql != null && sql.getSQLState() != null ? "SQLState " + sql.getSQLState() + ": " : "";
        String message = shown.getMessage() == null ? shown.getClass().getSimpleName() : shown.getMessage();
        int newline = message.indexOf('\n');
        return state + (newline >= 0 ? message.substring(0, newline) : message);
    }

    private static SQLException sqlExceptionIn(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                return sql;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }
}
