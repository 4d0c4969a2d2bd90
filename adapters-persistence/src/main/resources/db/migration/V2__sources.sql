-- Orders and webhook ids belong to a source: the sender an operator named (POST /webhooks/{source}). Two senders
-- may use the same order ids and the same webhook ids, so both keys become (source, id). Every row stored before
-- belongs to the source named 'default' (POST /webhooks). Adding a column with a constant default rewrites no
-- row; rebuilding the three primary keys reads each table once, under a lock the worker waits for.

ALTER TABLE orders ADD COLUMN source text NOT NULL DEFAULT 'default'
    CHECK (source ~ '^[a-z0-9-]{1,32}$');
ALTER TABLE order_items ADD COLUMN source text NOT NULL DEFAULT 'default';
ALTER TABLE processed_webhooks ADD COLUMN source text NOT NULL DEFAULT 'default';

ALTER TABLE order_items DROP CONSTRAINT order_items_order_id_fkey;
ALTER TABLE order_items DROP CONSTRAINT order_items_pkey;
ALTER TABLE orders DROP CONSTRAINT orders_pkey;
ALTER TABLE orders ADD CONSTRAINT orders_pkey PRIMARY KEY (source, order_id);
ALTER TABLE order_items ADD CONSTRAINT order_items_pkey PRIMARY KEY (source, order_id, line_no);
ALTER TABLE order_items ADD CONSTRAINT order_items_order_fkey
    FOREIGN KEY (source, order_id) REFERENCES orders (source, order_id) ON DELETE CASCADE;

ALTER TABLE processed_webhooks DROP CONSTRAINT processed_webhooks_pkey;
ALTER TABLE processed_webhooks ADD CONSTRAINT processed_webhooks_pkey PRIMARY KEY (source, webhook_id);
DROP INDEX processed_webhooks_order_id;
CREATE INDEX processed_webhooks_order ON processed_webhooks (source, order_id);

-- From now on every writer names the source: a row without one would be a bug, not the default sender.
ALTER TABLE orders ALTER COLUMN source DROP DEFAULT;
ALTER TABLE order_items ALTER COLUMN source DROP DEFAULT;
ALTER TABLE processed_webhooks ALTER COLUMN source DROP DEFAULT;
