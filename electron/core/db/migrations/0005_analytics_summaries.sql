CREATE TABLE `customer_first_orders` (
	`customer_id` integer PRIMARY KEY NOT NULL,
	`date` text NOT NULL,
	`order_id` integer NOT NULL,
	`rep_id` integer,
	`dealer_id` integer,
	`settlement` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `customer_first_orders_date_idx` ON `customer_first_orders` (`date`);--> statement-breakpoint
CREATE TABLE `product_month_facts` (
	`month` text NOT NULL,
	`product_id` integer NOT NULL,
	`amount_fen` integer NOT NULL,
	`cost_fen` integer NOT NULL,
	`qty_milli` integer NOT NULL,
	PRIMARY KEY(`month`, `product_id`),
	CONSTRAINT "product_month_facts_amount_fen_int" CHECK(typeof("product_month_facts"."amount_fen") = 'integer'),
	CONSTRAINT "product_month_facts_cost_fen_int" CHECK(typeof("product_month_facts"."cost_fen") = 'integer'),
	CONSTRAINT "product_month_facts_qty_int" CHECK(typeof("product_month_facts"."qty_milli") = 'integer')
);
--> statement-breakpoint
CREATE TABLE `product_sales_facts` (
	`date` text NOT NULL,
	`product_id` integer NOT NULL,
	`customer_id` integer NOT NULL,
	`rep_id` integer NOT NULL,
	`dealer_id` integer NOT NULL,
	`settlement` text NOT NULL,
	`amount_fen` integer NOT NULL,
	`cost_fen` integer NOT NULL,
	`qty_milli` integer NOT NULL,
	PRIMARY KEY(`date`, `product_id`, `customer_id`, `rep_id`, `dealer_id`, `settlement`),
	CONSTRAINT "product_sales_facts_amount_fen_int" CHECK(typeof("product_sales_facts"."amount_fen") = 'integer'),
	CONSTRAINT "product_sales_facts_cost_fen_int" CHECK(typeof("product_sales_facts"."cost_fen") = 'integer'),
	CONSTRAINT "product_sales_facts_qty_int" CHECK(typeof("product_sales_facts"."qty_milli") = 'integer')
);
--> statement-breakpoint
CREATE TABLE `sales_facts` (
	`date` text NOT NULL,
	`customer_id` integer NOT NULL,
	`rep_id` integer NOT NULL,
	`dealer_id` integer NOT NULL,
	`settlement` text NOT NULL,
	`sales_fen` integer NOT NULL,
	`cost_fen` integer NOT NULL,
	`orders` integer NOT NULL,
	PRIMARY KEY(`date`, `customer_id`, `rep_id`, `dealer_id`, `settlement`),
	CONSTRAINT "sales_facts_sales_fen_int" CHECK(typeof("sales_facts"."sales_fen") = 'integer'),
	CONSTRAINT "sales_facts_cost_fen_int" CHECK(typeof("sales_facts"."cost_fen") = 'integer'),
	CONSTRAINT "sales_facts_orders_int" CHECK(typeof("sales_facts"."orders") = 'integer')
);
--> statement-breakpoint
CREATE INDEX `sales_facts_read_idx` ON `sales_facts` (`date`,`customer_id`,`rep_id`,`dealer_id`,`settlement`,`sales_fen`,`cost_fen`);--> statement-breakpoint
CREATE INDEX `collections_date_cover_idx` ON `collections` (`date`,`customer_id`,`rep_id`,`amount_fen`);--> statement-breakpoint
CREATE INDEX `receivables_date_idx` ON `receivables` (`date`,`customer_id`,`amount_fen`);--> statement-breakpoint
-- sales_facts from the documents already in the database (summaries.ts' recomputation)
INSERT INTO sales_facts (date, customer_id, rep_id, dealer_id, settlement, sales_fen, cost_fen, orders) select date, customer_id, rep_id, dealer_id, settlement, sum(s), sum(c), sum(n) from (
    select o.date, o.customer_id, coalesce(o.rep_id, 0) as rep_id, coalesce(o.dealer_id, 0) as dealer_id, o.settlement,
      o.total_fen as s, o.cost_fen as c, case when o.reversal_of_id is null then 1 else -1 end as n
    from orders o where o.state <> 'draft'
    union all
    select t.date, t.customer_id, coalesce(o.rep_id, 0), coalesce(o.dealer_id, 0), o.settlement, -t.total_fen, -t.cost_fen, 0
    from returns t join orders o on o.id = t.order_id where t.state = 'posted')
  group by date, customer_id, rep_id, dealer_id, settlement;
--> statement-breakpoint
-- product_sales_facts from the documents already in the database (summaries.ts' recomputation)
INSERT INTO product_sales_facts (date, product_id, customer_id, rep_id, dealer_id, settlement, amount_fen, cost_fen, qty_milli) select date, product_id, customer_id, rep_id, dealer_id, settlement, sum(a), sum(c), sum(q) from (
    select o.date, l.product_id, o.customer_id, coalesce(o.rep_id, 0) as rep_id, coalesce(o.dealer_id, 0) as dealer_id, o.settlement,
      l.amount_fen as a, l.cost_fen as c, l.qty_milli as q
    from orders o join order_lines l on l.order_id = o.id where o.state <> 'draft'
    union all
    select t.date, l.product_id, t.customer_id, coalesce(o.rep_id, 0), coalesce(o.dealer_id, 0), o.settlement,
      -rl.amount_fen, -rl.cost_fen, -rl.qty_milli
    from returns t join orders o on o.id = t.order_id join return_lines rl on rl.return_id = t.id
      join order_lines l on l.id = rl.order_line_id
    where t.state = 'posted')
  group by date, product_id, customer_id, rep_id, dealer_id, settlement;
--> statement-breakpoint
-- product_month_facts from the documents already in the database (summaries.ts' recomputation)
INSERT INTO product_month_facts (month, product_id, amount_fen, cost_fen, qty_milli) select substr(date, 1, 7) as month, product_id, sum(a), sum(c), sum(q) from (
    select o.date, l.product_id, l.amount_fen as a, l.cost_fen as c, l.qty_milli as q
    from orders o join order_lines l on l.order_id = o.id where o.state <> 'draft'
    union all
    select t.date, l.product_id, -rl.amount_fen, -rl.cost_fen, -rl.qty_milli
    from returns t join return_lines rl on rl.return_id = t.id join order_lines l on l.id = rl.order_line_id
    where t.state = 'posted')
  group by substr(date, 1, 7), product_id;
--> statement-breakpoint
-- customer_first_orders from the documents already in the database (summaries.ts' recomputation)
INSERT INTO customer_first_orders (customer_id, date, order_id, rep_id, dealer_id, settlement) select customer_id, date, id, rep_id, dealer_id, settlement from (
    select customer_id, date, id, rep_id, dealer_id, settlement, row_number() over (partition by customer_id order by date, id) as k
    from orders where state = 'posted' and reversal_of_id is null)
  where k = 1;
--> statement-breakpoint
-- kept current in the transaction that writes an order or a return (posting, 红冲, any insert); rep/dealer 0 = none
CREATE TRIGGER `orders_summaries_insert` AFTER INSERT ON `orders` WHEN NEW.state <> 'draft'
BEGIN
  INSERT INTO sales_facts (date, customer_id, rep_id, dealer_id, settlement, sales_fen, cost_fen, orders)
    SELECT NEW.date, NEW.customer_id, coalesce(NEW.rep_id, 0), coalesce(NEW.dealer_id, 0), NEW.settlement, NEW.total_fen, NEW.cost_fen, CASE WHEN NEW.reversal_of_id IS NULL THEN 1 ELSE -1 END
    WHERE NEW.state <> 'draft'
    ON CONFLICT DO UPDATE SET sales_fen = sales_fen + excluded.sales_fen, cost_fen = cost_fen + excluded.cost_fen, orders = orders + excluded.orders;
  INSERT INTO product_sales_facts (date, product_id, customer_id, rep_id, dealer_id, settlement, amount_fen, cost_fen, qty_milli)
    SELECT NEW.date, l.product_id, NEW.customer_id, coalesce(NEW.rep_id, 0), coalesce(NEW.dealer_id, 0), NEW.settlement, sum(l.amount_fen), sum(l.cost_fen), sum(l.qty_milli)
    FROM order_lines l WHERE l.order_id = NEW.id AND NEW.state <> 'draft' GROUP BY l.product_id
    ON CONFLICT DO UPDATE SET amount_fen = amount_fen + excluded.amount_fen, cost_fen = cost_fen + excluded.cost_fen, qty_milli = qty_milli + excluded.qty_milli;
  INSERT INTO product_month_facts (month, product_id, amount_fen, cost_fen, qty_milli)
    SELECT substr(NEW.date, 1, 7), l.product_id, sum(l.amount_fen), sum(l.cost_fen), sum(l.qty_milli)
    FROM order_lines l WHERE l.order_id = NEW.id AND NEW.state <> 'draft' GROUP BY l.product_id
    ON CONFLICT DO UPDATE SET amount_fen = amount_fen + excluded.amount_fen, cost_fen = cost_fen + excluded.cost_fen, qty_milli = qty_milli + excluded.qty_milli;
END;
--> statement-breakpoint
CREATE TRIGGER `orders_summaries_update` AFTER UPDATE ON `orders` WHEN (OLD.state <> 'draft' OR NEW.state <> 'draft') AND ((OLD.state = 'draft') <> (NEW.state = 'draft') OR OLD.date IS NOT NEW.date OR OLD.customer_id IS NOT NEW.customer_id OR OLD.rep_id IS NOT NEW.rep_id OR OLD.dealer_id IS NOT NEW.dealer_id OR OLD.settlement IS NOT NEW.settlement OR OLD.total_fen IS NOT NEW.total_fen OR OLD.cost_fen IS NOT NEW.cost_fen OR OLD.reversal_of_id IS NOT NEW.reversal_of_id)
BEGIN
  INSERT INTO sales_facts (date, customer_id, rep_id, dealer_id, settlement, sales_fen, cost_fen, orders)
    SELECT OLD.date, OLD.customer_id, coalesce(OLD.rep_id, 0), coalesce(OLD.dealer_id, 0), OLD.settlement, -(OLD.total_fen), -(OLD.cost_fen), -(CASE WHEN OLD.reversal_of_id IS NULL THEN 1 ELSE -1 END)
    WHERE OLD.state <> 'draft'
    ON CONFLICT DO UPDATE SET sales_fen = sales_fen + excluded.sales_fen, cost_fen = cost_fen + excluded.cost_fen, orders = orders + excluded.orders;
  DELETE FROM sales_facts WHERE date = OLD.date AND customer_id = OLD.customer_id AND rep_id = coalesce(OLD.rep_id, 0) AND dealer_id = coalesce(OLD.dealer_id, 0) AND settlement = OLD.settlement AND sales_fen = 0 AND cost_fen = 0 AND orders = 0;
  INSERT INTO product_sales_facts (date, product_id, customer_id, rep_id, dealer_id, settlement, amount_fen, cost_fen, qty_milli)
    SELECT OLD.date, l.product_id, OLD.customer_id, coalesce(OLD.rep_id, 0), coalesce(OLD.dealer_id, 0), OLD.settlement, -(sum(l.amount_fen)), -(sum(l.cost_fen)), -(sum(l.qty_milli))
    FROM order_lines l WHERE l.order_id = OLD.id AND OLD.state <> 'draft' GROUP BY l.product_id
    ON CONFLICT DO UPDATE SET amount_fen = amount_fen + excluded.amount_fen, cost_fen = cost_fen + excluded.cost_fen, qty_milli = qty_milli + excluded.qty_milli;
  DELETE FROM product_sales_facts WHERE date = OLD.date AND product_id IN (SELECT product_id FROM order_lines WHERE order_id = OLD.id)
    AND customer_id = OLD.customer_id AND rep_id = coalesce(OLD.rep_id, 0) AND dealer_id = coalesce(OLD.dealer_id, 0) AND settlement = OLD.settlement AND amount_fen = 0 AND cost_fen = 0 AND qty_milli = 0;
  INSERT INTO product_month_facts (month, product_id, amount_fen, cost_fen, qty_milli)
    SELECT substr(OLD.date, 1, 7), l.product_id, -(sum(l.amount_fen)), -(sum(l.cost_fen)), -(sum(l.qty_milli))
    FROM order_lines l WHERE l.order_id = OLD.id AND OLD.state <> 'draft' GROUP BY l.product_id
    ON CONFLICT DO UPDATE SET amount_fen = amount_fen + excluded.amount_fen, cost_fen = cost_fen + excluded.cost_fen, qty_milli = qty_milli + excluded.qty_milli;
  DELETE FROM product_month_facts WHERE month = substr(OLD.date, 1, 7) AND product_id IN (SELECT product_id FROM order_lines WHERE order_id = OLD.id)
    AND amount_fen = 0 AND cost_fen = 0 AND qty_milli = 0;
  INSERT INTO sales_facts (date, customer_id, rep_id, dealer_id, settlement, sales_fen, cost_fen, orders)
    SELECT NEW.date, NEW.customer_id, coalesce(NEW.rep_id, 0), coalesce(NEW.dealer_id, 0), NEW.settlement, NEW.total_fen, NEW.cost_fen, CASE WHEN NEW.reversal_of_id IS NULL THEN 1 ELSE -1 END
    WHERE NEW.state <> 'draft'
    ON CONFLICT DO UPDATE SET sales_fen = sales_fen + excluded.sales_fen, cost_fen = cost_fen + excluded.cost_fen, orders = orders + excluded.orders;
  INSERT INTO product_sales_facts (date, product_id, customer_id, rep_id, dealer_id, settlement, amount_fen, cost_fen, qty_milli)
    SELECT NEW.date, l.product_id, NEW.customer_id, coalesce(NEW.rep_id, 0), coalesce(NEW.dealer_id, 0), NEW.settlement, sum(l.amount_fen), sum(l.cost_fen), sum(l.qty_milli)
    FROM order_lines l WHERE l.order_id = NEW.id AND NEW.state <> 'draft' GROUP BY l.product_id
    ON CONFLICT DO UPDATE SET amount_fen = amount_fen + excluded.amount_fen, cost_fen = cost_fen + excluded.cost_fen, qty_milli = qty_milli + excluded.qty_milli;
  INSERT INTO product_month_facts (month, product_id, amount_fen, cost_fen, qty_milli)
    SELECT substr(NEW.date, 1, 7), l.product_id, sum(l.amount_fen), sum(l.cost_fen), sum(l.qty_milli)
    FROM order_lines l WHERE l.order_id = NEW.id AND NEW.state <> 'draft' GROUP BY l.product_id
    ON CONFLICT DO UPDATE SET amount_fen = amount_fen + excluded.amount_fen, cost_fen = cost_fen + excluded.cost_fen, qty_milli = qty_milli + excluded.qty_milli;
END;
--> statement-breakpoint
CREATE TRIGGER `orders_summaries_delete` AFTER DELETE ON `orders` WHEN OLD.state <> 'draft'
BEGIN
  INSERT INTO sales_facts (date, customer_id, rep_id, dealer_id, settlement, sales_fen, cost_fen, orders)
    SELECT OLD.date, OLD.customer_id, coalesce(OLD.rep_id, 0), coalesce(OLD.dealer_id, 0), OLD.settlement, -(OLD.total_fen), -(OLD.cost_fen), -(CASE WHEN OLD.reversal_of_id IS NULL THEN 1 ELSE -1 END)
    WHERE OLD.state <> 'draft'
    ON CONFLICT DO UPDATE SET sales_fen = sales_fen + excluded.sales_fen, cost_fen = cost_fen + excluded.cost_fen, orders = orders + excluded.orders;
  DELETE FROM sales_facts WHERE date = OLD.date AND customer_id = OLD.customer_id AND rep_id = coalesce(OLD.rep_id, 0) AND dealer_id = coalesce(OLD.dealer_id, 0) AND settlement = OLD.settlement AND sales_fen = 0 AND cost_fen = 0 AND orders = 0;
  INSERT INTO product_sales_facts (date, product_id, customer_id, rep_id, dealer_id, settlement, amount_fen, cost_fen, qty_milli)
    SELECT OLD.date, l.product_id, OLD.customer_id, coalesce(OLD.rep_id, 0), coalesce(OLD.dealer_id, 0), OLD.settlement, -(sum(l.amount_fen)), -(sum(l.cost_fen)), -(sum(l.qty_milli))
    FROM order_lines l WHERE l.order_id = OLD.id AND OLD.state <> 'draft' GROUP BY l.product_id
    ON CONFLICT DO UPDATE SET amount_fen = amount_fen + excluded.amount_fen, cost_fen = cost_fen + excluded.cost_fen, qty_milli = qty_milli + excluded.qty_milli;
  DELETE FROM product_sales_facts WHERE date = OLD.date AND product_id IN (SELECT product_id FROM order_lines WHERE order_id = OLD.id)
    AND customer_id = OLD.customer_id AND rep_id = coalesce(OLD.rep_id, 0) AND dealer_id = coalesce(OLD.dealer_id, 0) AND settlement = OLD.settlement AND amount_fen = 0 AND cost_fen = 0 AND qty_milli = 0;
  INSERT INTO product_month_facts (month, product_id, amount_fen, cost_fen, qty_milli)
    SELECT substr(OLD.date, 1, 7), l.product_id, -(sum(l.amount_fen)), -(sum(l.cost_fen)), -(sum(l.qty_milli))
    FROM order_lines l WHERE l.order_id = OLD.id AND OLD.state <> 'draft' GROUP BY l.product_id
    ON CONFLICT DO UPDATE SET amount_fen = amount_fen + excluded.amount_fen, cost_fen = cost_fen + excluded.cost_fen, qty_milli = qty_milli + excluded.qty_milli;
  DELETE FROM product_month_facts WHERE month = substr(OLD.date, 1, 7) AND product_id IN (SELECT product_id FROM order_lines WHERE order_id = OLD.id)
    AND amount_fen = 0 AND cost_fen = 0 AND qty_milli = 0;
END;
--> statement-breakpoint
CREATE TRIGGER `orders_first_insert` AFTER INSERT ON `orders` WHEN (NEW.state = 'posted' AND NEW.reversal_of_id IS NULL)
BEGIN
  DELETE FROM customer_first_orders WHERE customer_id = NEW.customer_id;
  INSERT INTO customer_first_orders (customer_id, date, order_id, rep_id, dealer_id, settlement)
    SELECT customer_id, date, id, rep_id, dealer_id, settlement FROM orders
    WHERE customer_id = NEW.customer_id AND state = 'posted' AND reversal_of_id IS NULL ORDER BY date, id LIMIT 1;
END;
--> statement-breakpoint
CREATE TRIGGER `orders_first_update` AFTER UPDATE ON `orders` WHEN ((OLD.state = 'posted' AND OLD.reversal_of_id IS NULL) OR (NEW.state = 'posted' AND NEW.reversal_of_id IS NULL)) AND (OLD.state IS NOT NEW.state OR OLD.reversal_of_id IS NOT NEW.reversal_of_id OR OLD.customer_id IS NOT NEW.customer_id OR OLD.date IS NOT NEW.date OR OLD.rep_id IS NOT NEW.rep_id OR OLD.dealer_id IS NOT NEW.dealer_id OR OLD.settlement IS NOT NEW.settlement)
BEGIN
  DELETE FROM customer_first_orders WHERE customer_id = OLD.customer_id;
  INSERT INTO customer_first_orders (customer_id, date, order_id, rep_id, dealer_id, settlement)
    SELECT customer_id, date, id, rep_id, dealer_id, settlement FROM orders
    WHERE customer_id = OLD.customer_id AND state = 'posted' AND reversal_of_id IS NULL ORDER BY date, id LIMIT 1;
  DELETE FROM customer_first_orders WHERE customer_id = NEW.customer_id AND NEW.customer_id IS NOT OLD.customer_id;
  INSERT INTO customer_first_orders (customer_id, date, order_id, rep_id, dealer_id, settlement)
    SELECT customer_id, date, id, rep_id, dealer_id, settlement FROM orders
    WHERE customer_id = NEW.customer_id AND state = 'posted' AND reversal_of_id IS NULL AND NEW.customer_id IS NOT OLD.customer_id ORDER BY date, id LIMIT 1;
END;
--> statement-breakpoint
CREATE TRIGGER `orders_first_delete` AFTER DELETE ON `orders` WHEN (OLD.state = 'posted' AND OLD.reversal_of_id IS NULL)
BEGIN
  DELETE FROM customer_first_orders WHERE customer_id = OLD.customer_id;
  INSERT INTO customer_first_orders (customer_id, date, order_id, rep_id, dealer_id, settlement)
    SELECT customer_id, date, id, rep_id, dealer_id, settlement FROM orders
    WHERE customer_id = OLD.customer_id AND state = 'posted' AND reversal_of_id IS NULL ORDER BY date, id LIMIT 1;
END;
--> statement-breakpoint
CREATE TRIGGER `returns_summaries_insert` AFTER INSERT ON `returns` WHEN NEW.state = 'posted'
BEGIN
  INSERT INTO sales_facts (date, customer_id, rep_id, dealer_id, settlement, sales_fen, cost_fen, orders)
    SELECT NEW.date, NEW.customer_id, coalesce(o.rep_id, 0), coalesce(o.dealer_id, 0), o.settlement, -(NEW.total_fen), -(NEW.cost_fen), 0
    FROM orders o WHERE o.id = NEW.order_id AND NEW.state = 'posted'
    ON CONFLICT DO UPDATE SET sales_fen = sales_fen + excluded.sales_fen, cost_fen = cost_fen + excluded.cost_fen, orders = orders + excluded.orders;
  INSERT INTO product_sales_facts (date, product_id, customer_id, rep_id, dealer_id, settlement, amount_fen, cost_fen, qty_milli)
    SELECT NEW.date, l.product_id, NEW.customer_id, coalesce(o.rep_id, 0), coalesce(o.dealer_id, 0), o.settlement, -(sum(rl.amount_fen)), -(sum(rl.cost_fen)), -(sum(rl.qty_milli))
    FROM return_lines rl JOIN order_lines l ON l.id = rl.order_line_id JOIN orders o ON o.id = NEW.order_id
    WHERE rl.return_id = NEW.id AND NEW.state = 'posted' GROUP BY l.product_id
    ON CONFLICT DO UPDATE SET amount_fen = amount_fen + excluded.amount_fen, cost_fen = cost_fen + excluded.cost_fen, qty_milli = qty_milli + excluded.qty_milli;
  INSERT INTO product_month_facts (month, product_id, amount_fen, cost_fen, qty_milli)
    SELECT substr(NEW.date, 1, 7), l.product_id, -(sum(rl.amount_fen)), -(sum(rl.cost_fen)), -(sum(rl.qty_milli))
    FROM return_lines rl JOIN order_lines l ON l.id = rl.order_line_id
    WHERE rl.return_id = NEW.id AND NEW.state = 'posted' GROUP BY l.product_id
    ON CONFLICT DO UPDATE SET amount_fen = amount_fen + excluded.amount_fen, cost_fen = cost_fen + excluded.cost_fen, qty_milli = qty_milli + excluded.qty_milli;
END;
--> statement-breakpoint
CREATE TRIGGER `returns_summaries_update` AFTER UPDATE ON `returns` WHEN (OLD.state = 'posted' OR NEW.state = 'posted') AND (OLD.state IS NOT NEW.state OR OLD.date IS NOT NEW.date OR OLD.customer_id IS NOT NEW.customer_id OR OLD.order_id IS NOT NEW.order_id OR OLD.total_fen IS NOT NEW.total_fen OR OLD.cost_fen IS NOT NEW.cost_fen)
BEGIN
  INSERT INTO sales_facts (date, customer_id, rep_id, dealer_id, settlement, sales_fen, cost_fen, orders)
    SELECT OLD.date, OLD.customer_id, coalesce(o.rep_id, 0), coalesce(o.dealer_id, 0), o.settlement, OLD.total_fen, OLD.cost_fen, 0
    FROM orders o WHERE o.id = OLD.order_id AND OLD.state = 'posted'
    ON CONFLICT DO UPDATE SET sales_fen = sales_fen + excluded.sales_fen, cost_fen = cost_fen + excluded.cost_fen, orders = orders + excluded.orders;
  DELETE FROM sales_facts WHERE date = OLD.date AND customer_id = OLD.customer_id AND (rep_id, dealer_id, settlement) = (SELECT coalesce(rep_id, 0), coalesce(dealer_id, 0), settlement FROM orders WHERE id = OLD.order_id) AND sales_fen = 0 AND cost_fen = 0 AND orders = 0;
  INSERT INTO product_sales_facts (date, product_id, customer_id, rep_id, dealer_id, settlement, amount_fen, cost_fen, qty_milli)
    SELECT OLD.date, l.product_id, OLD.customer_id, coalesce(o.rep_id, 0), coalesce(o.dealer_id, 0), o.settlement, sum(rl.amount_fen), sum(rl.cost_fen), sum(rl.qty_milli)
    FROM return_lines rl JOIN order_lines l ON l.id = rl.order_line_id JOIN orders o ON o.id = OLD.order_id
    WHERE rl.return_id = OLD.id AND OLD.state = 'posted' GROUP BY l.product_id
    ON CONFLICT DO UPDATE SET amount_fen = amount_fen + excluded.amount_fen, cost_fen = cost_fen + excluded.cost_fen, qty_milli = qty_milli + excluded.qty_milli;
  DELETE FROM product_sales_facts WHERE date = OLD.date
    AND product_id IN (SELECT l.product_id FROM return_lines rl JOIN order_lines l ON l.id = rl.order_line_id WHERE rl.return_id = OLD.id)
    AND customer_id = OLD.customer_id AND (rep_id, dealer_id, settlement) = (SELECT coalesce(rep_id, 0), coalesce(dealer_id, 0), settlement FROM orders WHERE id = OLD.order_id) AND amount_fen = 0 AND cost_fen = 0 AND qty_milli = 0;
  INSERT INTO product_month_facts (month, product_id, amount_fen, cost_fen, qty_milli)
    SELECT substr(OLD.date, 1, 7), l.product_id, sum(rl.amount_fen), sum(rl.cost_fen), sum(rl.qty_milli)
    FROM return_lines rl JOIN order_lines l ON l.id = rl.order_line_id
    WHERE rl.return_id = OLD.id AND OLD.state = 'posted' GROUP BY l.product_id
    ON CONFLICT DO UPDATE SET amount_fen = amount_fen + excluded.amount_fen, cost_fen = cost_fen + excluded.cost_fen, qty_milli = qty_milli + excluded.qty_milli;
  DELETE FROM product_month_facts WHERE month = substr(OLD.date, 1, 7)
    AND product_id IN (SELECT l.product_id FROM return_lines rl JOIN order_lines l ON l.id = rl.order_line_id WHERE rl.return_id = OLD.id)
    AND amount_fen = 0 AND cost_fen = 0 AND qty_milli = 0;
  INSERT INTO sales_facts (date, customer_id, rep_id, dealer_id, settlement, sales_fen, cost_fen, orders)
    SELECT NEW.date, NEW.customer_id, coalesce(o.rep_id, 0), coalesce(o.dealer_id, 0), o.settlement, -(NEW.total_fen), -(NEW.cost_fen), 0
    FROM orders o WHERE o.id = NEW.order_id AND NEW.state = 'posted'
    ON CONFLICT DO UPDATE SET sales_fen = sales_fen + excluded.sales_fen, cost_fen = cost_fen + excluded.cost_fen, orders = orders + excluded.orders;
  INSERT INTO product_sales_facts (date, product_id, customer_id, rep_id, dealer_id, settlement, amount_fen, cost_fen, qty_milli)
    SELECT NEW.date, l.product_id, NEW.customer_id, coalesce(o.rep_id, 0), coalesce(o.dealer_id, 0), o.settlement, -(sum(rl.amount_fen)), -(sum(rl.cost_fen)), -(sum(rl.qty_milli))
    FROM return_lines rl JOIN order_lines l ON l.id = rl.order_line_id JOIN orders o ON o.id = NEW.order_id
    WHERE rl.return_id = NEW.id AND NEW.state = 'posted' GROUP BY l.product_id
    ON CONFLICT DO UPDATE SET amount_fen = amount_fen + excluded.amount_fen, cost_fen = cost_fen + excluded.cost_fen, qty_milli = qty_milli + excluded.qty_milli;
  INSERT INTO product_month_facts (month, product_id, amount_fen, cost_fen, qty_milli)
    SELECT substr(NEW.date, 1, 7), l.product_id, -(sum(rl.amount_fen)), -(sum(rl.cost_fen)), -(sum(rl.qty_milli))
    FROM return_lines rl JOIN order_lines l ON l.id = rl.order_line_id
    WHERE rl.return_id = NEW.id AND NEW.state = 'posted' GROUP BY l.product_id
    ON CONFLICT DO UPDATE SET amount_fen = amount_fen + excluded.amount_fen, cost_fen = cost_fen + excluded.cost_fen, qty_milli = qty_milli + excluded.qty_milli;
END;
--> statement-breakpoint
CREATE TRIGGER `returns_summaries_delete` AFTER DELETE ON `returns` WHEN OLD.state = 'posted'
BEGIN
  INSERT INTO sales_facts (date, customer_id, rep_id, dealer_id, settlement, sales_fen, cost_fen, orders)
    SELECT OLD.date, OLD.customer_id, coalesce(o.rep_id, 0), coalesce(o.dealer_id, 0), o.settlement, OLD.total_fen, OLD.cost_fen, 0
    FROM orders o WHERE o.id = OLD.order_id AND OLD.state = 'posted'
    ON CONFLICT DO UPDATE SET sales_fen = sales_fen + excluded.sales_fen, cost_fen = cost_fen + excluded.cost_fen, orders = orders + excluded.orders;
  DELETE FROM sales_facts WHERE date = OLD.date AND customer_id = OLD.customer_id AND (rep_id, dealer_id, settlement) = (SELECT coalesce(rep_id, 0), coalesce(dealer_id, 0), settlement FROM orders WHERE id = OLD.order_id) AND sales_fen = 0 AND cost_fen = 0 AND orders = 0;
  INSERT INTO product_sales_facts (date, product_id, customer_id, rep_id, dealer_id, settlement, amount_fen, cost_fen, qty_milli)
    SELECT OLD.date, l.product_id, OLD.customer_id, coalesce(o.rep_id, 0), coalesce(o.dealer_id, 0), o.settlement, sum(rl.amount_fen), sum(rl.cost_fen), sum(rl.qty_milli)
    FROM return_lines rl JOIN order_lines l ON l.id = rl.order_line_id JOIN orders o ON o.id = OLD.order_id
    WHERE rl.return_id = OLD.id AND OLD.state = 'posted' GROUP BY l.product_id
    ON CONFLICT DO UPDATE SET amount_fen = amount_fen + excluded.amount_fen, cost_fen = cost_fen + excluded.cost_fen, qty_milli = qty_milli + excluded.qty_milli;
  DELETE FROM product_sales_facts WHERE date = OLD.date
    AND product_id IN (SELECT l.product_id FROM return_lines rl JOIN order_lines l ON l.id = rl.order_line_id WHERE rl.return_id = OLD.id)
    AND customer_id = OLD.customer_id AND (rep_id, dealer_id, settlement) = (SELECT coalesce(rep_id, 0), coalesce(dealer_id, 0), settlement FROM orders WHERE id = OLD.order_id) AND amount_fen = 0 AND cost_fen = 0 AND qty_milli = 0;
  INSERT INTO product_month_facts (month, product_id, amount_fen, cost_fen, qty_milli)
    SELECT substr(OLD.date, 1, 7), l.product_id, sum(rl.amount_fen), sum(rl.cost_fen), sum(rl.qty_milli)
    FROM return_lines rl JOIN order_lines l ON l.id = rl.order_line_id
    WHERE rl.return_id = OLD.id AND OLD.state = 'posted' GROUP BY l.product_id
    ON CONFLICT DO UPDATE SET amount_fen = amount_fen + excluded.amount_fen, cost_fen = cost_fen + excluded.cost_fen, qty_milli = qty_milli + excluded.qty_milli;
  DELETE FROM product_month_facts WHERE month = substr(OLD.date, 1, 7)
    AND product_id IN (SELECT l.product_id FROM return_lines rl JOIN order_lines l ON l.id = rl.order_line_id WHERE rl.return_id = OLD.id)
    AND amount_fen = 0 AND cost_fen = 0 AND qty_milli = 0;
END;
