-- Shops' orders have more than lines and a total: discounts, shipping, fees and tax, and prices that may include
-- the tax. Every row stored before had none of them (its total was the sum of its lines), so the new columns start
-- at zero and false, which is exactly what those rows meant; a constant default rewrites no row.
ALTER TABLE orders ADD COLUMN discounts    numeric(19,4) NOT NULL DEFAULT 0 CHECK (discounts >= 0);
ALTER TABLE orders ADD COLUMN shipping     numeric(19,4) NOT NULL DEFAULT 0 CHECK (shipping >= 0);
ALTER TABLE orders ADD COLUMN fees         numeric(19,4) NOT NULL DEFAULT 0 CHECK (fees >= 0);
ALTER TABLE orders ADD COLUMN tax          numeric(19,4) NOT NULL DEFAULT 0 CHECK (tax >= 0);
ALTER TABLE orders ADD COLUMN tax_included boolean       NOT NULL DEFAULT false;

-- A platform's order can be refunded without being cancelled.
ALTER TABLE orders DROP CONSTRAINT orders_status_check;
ALTER TABLE orders ADD CONSTRAINT orders_status_check
    CHECK (status IN ('placed', 'paid', 'shipped', 'refunded', 'cancelled'));

-- Shopify names the event apart from the delivery (X-Shopify-Event-Id): one event reaching several subscriptions
-- is several webhooks with one event id. Recorded beside the webhook id; null where the sender has none.
ALTER TABLE processed_webhooks ADD COLUMN event_id text;
