package com.webhookbuffer.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.apache.ibatis.exceptions.PersistenceException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SqlFailureTest {

    @ParameterizedTest(name = "{0} ({2}) is {1}")
    @CsvSource({
        "08001, UNAVAILABLE, cannot connect",
        "08006, UNAVAILABLE, connection lost",
        "53300, UNAVAILABLE, too many connections",
        "53100, TRANSIENT, disk full",
        "57P01, UNAVAILABLE, admin shutdown",
        "57P02, UNAVAILABLE, crash shutdown",
        "57P03, UNAVAILABLE, cannot connect now",
        "57014, TRANSIENT, statement timeout",
        "40001, TRANSIENT, serialization failure",
        "40P01, TRANSIENT, deadlock",
        "55P03, TRANSIENT, lock not available",
        "58030, TRANSIENT, io error",
        "22003, PERMANENT, numeric value out of range",
        "22001, PERMANENT, string too long",
        "23514, PERMANENT, check violation",
        "23502, PERMANENT, not null violation",
        "23503, PERMANENT, foreign key violation",
        "42P01, TRANSIENT, undefined table: a migration missing must not poison every message",
        "XX000, TRANSIENT, internal error"
    })
    void classifiesBySqlState(String state, SqlFailure expected, String meaning) {
        SQLException failure = new SQLException(meaning, state);

        assertThat(SqlFailure.of(failure)).isEqualTo(expected);
        assertThat(SqlFailure.of(new PersistenceException("wrapped", new RuntimeException(failure))))
                .as("found through MyBatis's wrapping")
                .isEqualTo(expected);
    }

    @Test
    void failuresWithoutAStateAreTransient() {
        assertThat(SqlFailure.of(new SQLTransientConnectionException("pool timeout")))
                .isEqualTo(SqlFailure.TRANSIENT);
        assertThat(SqlFailure.of(new IllegalStateException("no SQL at all"))).isEqualTo(SqlFailure.TRANSIENT);
    }

    @Test
    void describesWithTheStateAndTheFirstLineOfTheMessage() {
        SQLException failure = new SQLException("ERROR: deadlock detected\n  Detail: Process 1 waits", "40P01");

        assertThat(SqlFailure.describe(new PersistenceException(failure)))
                .isEqualTo("SQLState 40P01: ERROR: deadlock detected");
    }
}
