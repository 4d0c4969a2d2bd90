-- The queue on PostgreSQL, with SQS's semantics: a message is visible from visible_at on; a receive makes it
-- invisible for the visibility timeout, counts the receive and gives it a new receipt; acknowledging deletes the
-- row; a message received maxReceiveCount times moves to dead_letters on its next receive.
-- Bodies are bytea: kept byte for byte (jsonb would rewrite the JSON, text refuses NUL).

CREATE TABLE messages (
    id               bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    body             bytea       NOT NULL,
    attribute_names  text[]      NOT NULL,
    attribute_values text[]      NOT NULL,
    enqueued_at      timestamptz NOT NULL DEFAULT clock_timestamp(),
    visible_at       timestamptz NOT NULL DEFAULT clock_timestamp(),
    receive_count    integer     NOT NULL DEFAULT 0,
    -- Set by each receive: only the latest receipt settles the message (a stale one touches nothing).
    receipt          uuid,
    CHECK (cardinality(attribute_names) = cardinality(attribute_values))
);

-- What a receive scans: the visible messages, oldest first.
CREATE INDEX messages_visible ON messages (visible_at, id);

CREATE TABLE dead_letters (
    id               bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    message_id       bigint      NOT NULL,
    body             bytea       NOT NULL,
    attribute_names  text[]      NOT NULL,
    attribute_values text[]      NOT NULL,
    enqueued_at      timestamptz NOT NULL,
    receive_count    integer     NOT NULL,
    -- Null when the redrive policy moved it (too many receives); the worker's reason when it found poison.
    reason           text,
    dead_lettered_at timestamptz NOT NULL DEFAULT clock_timestamp()
);

-- Each redrive an operator started, as SQS's message move tasks are listed.
CREATE TABLE redrives (
    task          uuid        PRIMARY KEY,
    started_at    timestamptz NOT NULL DEFAULT clock_timestamp(),
    about_to_move bigint      NOT NULL,
    moved         bigint      NOT NULL,
    state         text        NOT NULL
);
