-- The order store. Table and column names are part of the public contract: operators and tests read them.

-- One row per order, at the highest version seen.
CREATE TABLE orders (
    order_id     text          PRIMARY KEY,
    version      bigint        NOT NULL CHECK (version >= 1),
    status       text          NOT NULL CHECK (status IN ('placed', 'paid', 'shipped', 'cancelled')),
    customer_id  text          NOT NULL,
    currency     char(3)       NOT NULL,
    total        numeric(19,4) NOT NULL CHECK (total >= 0),
    -- When the sender says this version came about (the webhook's "timestamp").
    updated_at   timestamptz   NOT NULL,
    event_type   text          NOT NULL,
    -- The webhook that wrote this version, and when: for tracing a row back to its message.
    webhook_id   text          NOT NULL,
    written_at   timestamptz   NOT NULL DEFAULT now()
);

-- The line items of each order's stored version; replaced together with their order.
CREATE TABLE order_items (
    order_id    text          NOT NULL REFERENCES orders (order_id) ON DELETE CASCADE,
    line_no     integer       NOT NULL CHECK (line_no >= 1),
    sku         text          NOT NULL,
    quantity    integer       NOT NULL CHECK (quantity BETWEEN 1 AND 10000),
    unit_price  numeric(19,4) NOT NULL CHECK (unit_price >= 0),
    PRIMARY KEY (order_id, line_no)
);

-- The idempotency record: one row per webhook id ever processed, written in the same transaction as its effect.
CREATE TABLE processed_webhooks (
    webhook_id    text        PRIMARY KEY,
    order_id      text        NOT NULL,
    outcome       text        NOT NULL CHECK (outcome IN ('written', 'stale')),
    processed_at  timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX processed_webhooks_order_id ON processed_webhooks (order_id);
