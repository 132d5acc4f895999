CREATE TABLE `customer_balances` (
	`customer_id` integer PRIMARY KEY NOT NULL,
	`receivables_fen` integer NOT NULL,
	`credits_fen` integer NOT NULL,
	CONSTRAINT "customer_balances_receivables_fen_int" CHECK(typeof("customer_balances"."receivables_fen") = 'integer'),
	CONSTRAINT "customer_balances_credits_fen_int" CHECK(typeof("customer_balances"."credits_fen") = 'integer')
);
--> statement-breakpoint
CREATE TABLE `customer_last_orders` (
	`customer_id` integer PRIMARY KEY NOT NULL,
	`date` text NOT NULL,
	`order_id` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `customer_last_orders_date_idx` ON `customer_last_orders` (`date`);--> statement-breakpoint
CREATE TABLE `open_receivables` (
	`receivable_id` integer PRIMARY KEY NOT NULL,
	`customer_id` integer NOT NULL,
	`date` text NOT NULL,
	`due_date` text NOT NULL,
	`source_kind` text NOT NULL,
	`rep_id` integer,
	`dealer_id` integer,
	`unpaid_fen` integer NOT NULL,
	CONSTRAINT "open_receivables_unpaid_fen_int" CHECK(typeof("open_receivables"."unpaid_fen") = 'integer')
);
--> statement-breakpoint
-- customer_last_orders from the documents already in the database (summaries.ts' recomputation)
INSERT INTO customer_last_orders (customer_id, date, order_id) select customer_id, date, id from (
    select customer_id, date, id, row_number() over (partition by customer_id order by date desc, id desc) as k
    from orders where state = 'posted' and reversal_of_id is null)
  where k = 1;
--> statement-breakpoint
-- customer_balances from the ledger already in the database (summaries.ts' recomputation)
INSERT INTO customer_balances (customer_id, receivables_fen, credits_fen) select customer_id, sum(d), sum(k) from (
    select customer_id, amount_fen as d, 0 as k from receivables
    union all
    select customer_id, 0, amount_fen from credits)
  group by customer_id;
--> statement-breakpoint
-- open_receivables from the ledger already in the database (summaries.ts' recomputation)
INSERT INTO open_receivables (receivable_id, customer_id, date, due_date, source_kind, rep_id, dealer_id, unpaid_fen) select r.id, r.customer_id, r.date, r.due_date, r.source_kind, r.rep_id, r.dealer_id, r.amount_fen - coalesce(p.paid, 0)
  from receivables r left join (select receivable_id, sum(amount_fen) as paid from allocations group by receivable_id) p on p.receivable_id = r.id
  where r.amount_fen - coalesce(p.paid, 0) <> 0;
--> statement-breakpoint
-- kept current in the transaction that writes an order (posting, 红冲, any insert or update)
CREATE TRIGGER `orders_last_insert` AFTER INSERT ON `orders` WHEN (NEW.state = 'posted' AND NEW.reversal_of_id IS NULL)
BEGIN
  DELETE FROM customer_last_orders WHERE customer_id = NEW.customer_id;
  INSERT INTO customer_last_orders (customer_id, date, order_id)
    SELECT customer_id, date, id FROM orders
    WHERE customer_id = NEW.customer_id AND state = 'posted' AND reversal_of_id IS NULL ORDER BY date DESC, id DESC LIMIT 1;
END;
--> statement-breakpoint
CREATE TRIGGER `orders_last_update` AFTER UPDATE ON `orders` WHEN ((OLD.state = 'posted' AND OLD.reversal_of_id IS NULL) OR (NEW.state = 'posted' AND NEW.reversal_of_id IS NULL)) AND (OLD.state IS NOT NEW.state OR OLD.reversal_of_id IS NOT NEW.reversal_of_id OR OLD.customer_id IS NOT NEW.customer_id OR OLD.date IS NOT NEW.date OR OLD.id IS NOT NEW.id)
BEGIN
  DELETE FROM customer_last_orders WHERE customer_id = OLD.customer_id;
  INSERT INTO customer_last_orders (customer_id, date, order_id)
    SELECT customer_id, date, id FROM orders
    WHERE customer_id = OLD.customer_id AND state = 'posted' AND reversal_of_id IS NULL ORDER BY date DESC, id DESC LIMIT 1;
  DELETE FROM customer_last_orders WHERE customer_id = NEW.customer_id AND NEW.customer_id IS NOT OLD.customer_id;
  INSERT INTO customer_last_orders (customer_id, date, order_id)
    SELECT customer_id, date, id FROM orders
    WHERE customer_id = NEW.customer_id AND state = 'posted' AND reversal_of_id IS NULL AND NEW.customer_id IS NOT OLD.customer_id ORDER BY date DESC, id DESC LIMIT 1;
END;
--> statement-breakpoint
CREATE TRIGGER `orders_last_delete` AFTER DELETE ON `orders` WHEN (OLD.state = 'posted' AND OLD.reversal_of_id IS NULL)
BEGIN
  DELETE FROM customer_last_orders WHERE customer_id = OLD.customer_id;
  INSERT INTO customer_last_orders (customer_id, date, order_id)
    SELECT customer_id, date, id FROM orders
    WHERE customer_id = OLD.customer_id AND state = 'posted' AND reversal_of_id IS NULL ORDER BY date DESC, id DESC LIMIT 1;
END;
--> statement-breakpoint
-- kept current in the transaction that writes the ledger (only ever inserted into: 0003's triggers refuse the rest)
CREATE TRIGGER `receivables_summaries_insert` AFTER INSERT ON `receivables`
BEGIN
  INSERT INTO customer_balances (customer_id, receivables_fen, credits_fen) VALUES (NEW.customer_id, NEW.amount_fen, 0)
    ON CONFLICT DO UPDATE SET receivables_fen = receivables_fen + excluded.receivables_fen;
  INSERT INTO open_receivables (receivable_id, customer_id, date, due_date, source_kind, rep_id, dealer_id, unpaid_fen)
    SELECT NEW.id, NEW.customer_id, NEW.date, NEW.due_date, NEW.source_kind, NEW.rep_id, NEW.dealer_id, u FROM (
      SELECT NEW.amount_fen - coalesce((SELECT sum(amount_fen) FROM allocations WHERE receivable_id = NEW.id), 0) AS u)
    WHERE u <> 0;
END;
--> statement-breakpoint
CREATE TRIGGER `credits_summaries_insert` AFTER INSERT ON `credits`
BEGIN
  INSERT INTO customer_balances (customer_id, receivables_fen, credits_fen) VALUES (NEW.customer_id, 0, NEW.amount_fen)
    ON CONFLICT DO UPDATE SET credits_fen = credits_fen + excluded.credits_fen;
END;
--> statement-breakpoint
CREATE TRIGGER `allocations_summaries_insert` AFTER INSERT ON `allocations`
BEGIN
  INSERT INTO open_receivables (receivable_id, customer_id, date, due_date, source_kind, rep_id, dealer_id, unpaid_fen)
    SELECT r.id, r.customer_id, r.date, r.due_date, r.source_kind, r.rep_id, r.dealer_id, -NEW.amount_fen FROM receivables r WHERE r.id = NEW.receivable_id
    ON CONFLICT DO UPDATE SET unpaid_fen = unpaid_fen + excluded.unpaid_fen;
  DELETE FROM open_receivables WHERE receivable_id = NEW.receivable_id AND unpaid_fen = 0;
END;
