package com.webhookbuffer.adapter.persistence;

import java.sql.SQLException;
import java.util.Objects;

/**
 * A user and password to log in with. The pool asks its login source for one at every new connection, so a
 * password that rotates while the worker runs is picked up without reopening anything.
 */
public record DatabaseLogin(String user, String password) {

    public DatabaseLogin {
        Objects.requireNonNull(user, "user must not be null");
        Objects.requireNonNull(password, "password must not be null");
        if (user.isBlank()) {
            throw new IllegalArgumentException("user must not be blank");
        }
    }

    /**
     * Whether a failure is the server refusing a login (SQLState class 28: 28P01 wrong password, 28000 no such role
     * or not allowed), anywhere in its causes: the password may have been rotated, and reading it again is worth
     * more than trying the same one.
     */
    public static boolean refusedIn(Throwable failure) {
        for (Throwable t = failure; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof SQLException sql
                    && sql.getSQLState() != null
                    && sql.getSQLState().startsWith("28")) {
                return true;
            }
        }
        return false;
    }

    /** Never the password: a login is printed in logs and test failures. */
    @Override
    public String toString() {
        return "DatabaseLogin[user=" + user + "]";
    }
}
