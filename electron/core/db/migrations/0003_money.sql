CREATE TABLE `collections` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`doc_no` text NOT NULL,
	`customer_id` integer NOT NULL,
	`rep_id` integer,
	`date` text NOT NULL,
	`amount_fen` integer NOT NULL,
	`method` text NOT NULL,
	`reference` text DEFAULT '' NOT NULL,
	`state` text DEFAULT 'posted' NOT NULL,
	`reversal_of_id` integer,
	`reversed_by_id` integer,
	`reverse_reason` text DEFAULT '' NOT NULL,
	`notes` text DEFAULT '' NOT NULL,
	`created_by_name` text DEFAULT '' NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`rep_id`) REFERENCES `reps`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`reversal_of_id`) REFERENCES `collections`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`reversed_by_id`) REFERENCES `collections`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "collections_state_ck" CHECK("collections"."state" in ('posted', 'reversed')),
	CONSTRAINT "collections_method_ck" CHECK("collections"."method" in ('cash', 'transfer', 'draft', 'wechat', 'alipay', 'other')),
	CONSTRAINT "collections_amount_fen_int" CHECK(typeof("collections"."amount_fen") = 'integer' and "collections"."amount_fen" <> 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `collections_doc_no_uq` ON `collections` (`doc_no`);--> statement-breakpoint
CREATE INDEX `collections_customer_idx` ON `collections` (`customer_id`,`date`);--> statement-breakpoint
CREATE INDEX `collections_date_idx` ON `collections` (`date`);--> statement-breakpoint
CREATE INDEX `collections_rep_idx` ON `collections` (`rep_id`,`date`);--> statement-breakpoint
CREATE TABLE `opening_balances` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`doc_no` text NOT NULL,
	`customer_id` integer NOT NULL,
	`date` text NOT NULL,
	`due_date` text NOT NULL,
	`amount_fen` integer NOT NULL,
	`source_no` text DEFAULT '' NOT NULL,
	`notes` text DEFAULT '' NOT NULL,
	`created_by_name` text DEFAULT '' NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "opening_balances_amount_fen_int" CHECK(typeof("opening_balances"."amount_fen") = 'integer' and "opening_balances"."amount_fen" > 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `opening_balances_doc_no_uq` ON `opening_balances` (`doc_no`);--> statement-breakpoint
CREATE INDEX `opening_balances_customer_idx` ON `opening_balances` (`customer_id`,`date`);--> statement-breakpoint
CREATE TABLE `order_lines` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`order_id` integer NOT NULL,
	`seq` integer NOT NULL,
	`product_id` integer NOT NULL,
	`qty_milli` integer NOT NULL,
	`unit_price_fen` integer NOT NULL,
	`discount_fen` integer DEFAULT 0 NOT NULL,
	`amount_fen` integer NOT NULL,
	`unit_cost_fen` integer DEFAULT 0 NOT NULL,
	`cost_fen` integer DEFAULT 0 NOT NULL,
	`below_floor` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`order_id`) REFERENCES `orders`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`product_id`) REFERENCES `products`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "order_lines_qty_int" CHECK(typeof("order_lines"."qty_milli") = 'integer' and "order_lines"."qty_milli" <> 0),
	CONSTRAINT "order_lines_unit_price_fen_int" CHECK(typeof("order_lines"."unit_price_fen") = 'integer' and "order_lines"."unit_price_fen" >= 0),
	CONSTRAINT "order_lines_discount_fen_int" CHECK(typeof("order_lines"."discount_fen") = 'integer' and "order_lines"."discount_fen" >= 0),
	CONSTRAINT "order_lines_amount_fen_int" CHECK(typeof("order_lines"."amount_fen") = 'integer'),
	CONSTRAINT "order_lines_unit_cost_fen_int" CHECK(typeof("order_lines"."unit_cost_fen") = 'integer' and "order_lines"."unit_cost_fen" >= 0),
	CONSTRAINT "order_lines_cost_fen_int" CHECK(typeof("order_lines"."cost_fen") = 'integer'),
	CONSTRAINT "order_lines_below_floor_ck" CHECK("order_lines"."below_floor" in (0, 1))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `order_lines_order_seq_uq` ON `order_lines` (`order_id`,`seq`);--> statement-breakpoint
CREATE INDEX `order_lines_product_idx` ON `order_lines` (`product_id`);--> statement-breakpoint
CREATE TABLE `orders` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`doc_no` text NOT NULL,
	`customer_id` integer NOT NULL,
	`dealer_id` integer,
	`rep_id` integer,
	`date` text NOT NULL,
	`settlement` text DEFAULT 'credit' NOT NULL,
	`due_date` text NOT NULL,
	`discount_fen` integer DEFAULT 0 NOT NULL,
	`subtotal_fen` integer DEFAULT 0 NOT NULL,
	`total_fen` integer DEFAULT 0 NOT NULL,
	`cost_fen` integer DEFAULT 0 NOT NULL,
	`state` text DEFAULT 'draft' NOT NULL,
	`reversal_of_id` integer,
	`reversed_by_id` integer,
	`reverse_reason` text DEFAULT '' NOT NULL,
	`cross_territory` integer DEFAULT 0 NOT NULL,
	`override_reason` text,
	`override_by_name` text,
	`posted_at` text,
	`posted_by_name` text,
	`notes` text DEFAULT '' NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`dealer_id`) REFERENCES `dealers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`rep_id`) REFERENCES `reps`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`reversal_of_id`) REFERENCES `orders`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`reversed_by_id`) REFERENCES `orders`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "orders_state_ck" CHECK("orders"."state" in ('draft', 'posted', 'reversed')),
	CONSTRAINT "orders_settlement_ck" CHECK("orders"."settlement" in ('cash', 'credit', 'acceptance', 'prepaid')),
	CONSTRAINT "orders_discount_fen_int" CHECK(typeof("orders"."discount_fen") = 'integer' and "orders"."discount_fen" >= 0),
	CONSTRAINT "orders_subtotal_fen_int" CHECK(typeof("orders"."subtotal_fen") = 'integer'),
	CONSTRAINT "orders_total_fen_int" CHECK(typeof("orders"."total_fen") = 'integer'),
	CONSTRAINT "orders_cost_fen_int" CHECK(typeof("orders"."cost_fen") = 'integer'),
	CONSTRAINT "orders_cross_ck" CHECK("orders"."cross_territory" in (0, 1))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `orders_doc_no_uq` ON `orders` (`doc_no`);--> statement-breakpoint
CREATE INDEX `orders_customer_idx` ON `orders` (`customer_id`,`date`);--> statement-breakpoint
CREATE INDEX `orders_date_idx` ON `orders` (`date`,`state`);--> statement-breakpoint
CREATE INDEX `orders_rep_idx` ON `orders` (`rep_id`,`date`);--> statement-breakpoint
CREATE INDEX `orders_dealer_idx` ON `orders` (`dealer_id`,`date`);--> statement-breakpoint
CREATE INDEX `orders_cross_idx` ON `orders` (`cross_territory`,`date`);--> statement-breakpoint
CREATE TABLE `allocations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`credit_id` integer NOT NULL,
	`receivable_id` integer NOT NULL,
	`date` text NOT NULL,
	`amount_fen` integer NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`credit_id`) REFERENCES `credits`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`receivable_id`) REFERENCES `receivables`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "allocations_amount_fen_int" CHECK(typeof("allocations"."amount_fen") = 'integer' and "allocations"."amount_fen" <> 0)
);
--> statement-breakpoint
CREATE INDEX `allocations_receivable_idx` ON `allocations` (`receivable_id`,`date`,`amount_fen`);--> statement-breakpoint
CREATE INDEX `allocations_credit_idx` ON `allocations` (`credit_id`);--> statement-breakpoint
CREATE INDEX `allocations_date_idx` ON `allocations` (`date`);--> statement-breakpoint
CREATE TABLE `credits` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`customer_id` integer NOT NULL,
	`source_kind` text NOT NULL,
	`source_id` integer NOT NULL,
	`doc_no` text NOT NULL,
	`date` text NOT NULL,
	`amount_fen` integer NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "credits_kind_ck" CHECK("credits"."source_kind" in ('collection', 'collection_reversal', 'return', 'order_reversal', 'write_off')),
	CONSTRAINT "credits_amount_fen_int" CHECK(typeof("credits"."amount_fen") = 'integer' and "credits"."amount_fen" <> 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `credits_source_uq` ON `credits` (`source_kind`,`source_id`);--> statement-breakpoint
CREATE INDEX `credits_customer_idx` ON `credits` (`customer_id`,`date`,`amount_fen`);--> statement-breakpoint
CREATE INDEX `credits_date_idx` ON `credits` (`date`,`customer_id`,`amount_fen`);--> statement-breakpoint
CREATE TABLE `dealer_accounts` (
	`dealer_id` integer PRIMARY KEY NOT NULL,
	`customer_id` integer NOT NULL,
	FOREIGN KEY (`dealer_id`) REFERENCES `dealers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `dealer_accounts_customer_uq` ON `dealer_accounts` (`customer_id`);--> statement-breakpoint
CREATE TABLE `receivables` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`customer_id` integer NOT NULL,
	`source_kind` text NOT NULL,
	`source_id` integer NOT NULL,
	`doc_no` text NOT NULL,
	`date` text NOT NULL,
	`due_date` text NOT NULL,
	`amount_fen` integer NOT NULL,
	`rep_id` integer,
	`dealer_id` integer,
	`settled_date` text,
	`created_at` text NOT NULL,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`rep_id`) REFERENCES `reps`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`dealer_id`) REFERENCES `dealers`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "receivables_kind_ck" CHECK("receivables"."source_kind" in ('order', 'opening')),
	CONSTRAINT "receivables_amount_fen_int" CHECK(typeof("receivables"."amount_fen") = 'integer' and "receivables"."amount_fen" > 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `receivables_source_uq` ON `receivables` (`source_kind`,`source_id`);--> statement-breakpoint
CREATE INDEX `receivables_customer_idx` ON `receivables` (`customer_id`,`date`,`amount_fen`,`settled_date`);--> statement-breakpoint
CREATE INDEX `receivables_open_idx` ON `receivables` (`settled_date`,`date`,`customer_id`,`due_date`,`amount_fen`,`rep_id`,`dealer_id`,`source_kind`);--> statement-breakpoint
CREATE TABLE `return_lines` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`return_id` integer NOT NULL,
	`order_line_id` integer NOT NULL,
	`qty_milli` integer NOT NULL,
	`amount_fen` integer NOT NULL,
	`cost_fen` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`return_id`) REFERENCES `returns`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`order_line_id`) REFERENCES `order_lines`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "return_lines_qty_int" CHECK(typeof("return_lines"."qty_milli") = 'integer' and "return_lines"."qty_milli" > 0),
	CONSTRAINT "return_lines_amount_fen_int" CHECK(typeof("return_lines"."amount_fen") = 'integer' and "return_lines"."amount_fen" >= 0),
	CONSTRAINT "return_lines_cost_fen_int" CHECK(typeof("return_lines"."cost_fen") = 'integer' and "return_lines"."cost_fen" >= 0)
);
--> statement-breakpoint
CREATE INDEX `return_lines_return_idx` ON `return_lines` (`return_id`);--> statement-breakpoint
CREATE INDEX `return_lines_order_line_idx` ON `return_lines` (`order_line_id`);--> statement-breakpoint
CREATE TABLE `returns` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`doc_no` text NOT NULL,
	`order_id` integer NOT NULL,
	`customer_id` integer NOT NULL,
	`date` text NOT NULL,
	`state` text DEFAULT 'draft' NOT NULL,
	`total_fen` integer DEFAULT 0 NOT NULL,
	`cost_fen` integer DEFAULT 0 NOT NULL,
	`reason` text DEFAULT '' NOT NULL,
	`posted_at` text,
	`posted_by_name` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`order_id`) REFERENCES `orders`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "returns_state_ck" CHECK("returns"."state" in ('draft', 'posted')),
	CONSTRAINT "returns_total_fen_int" CHECK(typeof("returns"."total_fen") = 'integer' and "returns"."total_fen" >= 0),
	CONSTRAINT "returns_cost_fen_int" CHECK(typeof("returns"."cost_fen") = 'integer' and "returns"."cost_fen" >= 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `returns_doc_no_uq` ON `returns` (`doc_no`);--> statement-breakpoint
CREATE INDEX `returns_order_idx` ON `returns` (`order_id`);--> statement-breakpoint
CREATE INDEX `returns_customer_idx` ON `returns` (`customer_id`,`date`);--> statement-breakpoint
CREATE TABLE `write_offs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`doc_no` text NOT NULL,
	`customer_id` integer NOT NULL,
	`date` text NOT NULL,
	`amount_fen` integer NOT NULL,
	`reason` text NOT NULL,
	`created_by_name` text DEFAULT '' NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "write_offs_amount_fen_int" CHECK(typeof("write_offs"."amount_fen") = 'integer' and "write_offs"."amount_fen" > 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `write_offs_doc_no_uq` ON `write_offs` (`doc_no`);--> statement-breakpoint
CREATE INDEX `write_offs_customer_idx` ON `write_offs` (`customer_id`,`date`);
--> statement-breakpoint
ALTER TABLE `market_feedback` ADD `order_id` integer REFERENCES orders(id);--> statement-breakpoint
CREATE INDEX `market_feedback_order_idx` ON `market_feedback` (`order_id`);
--> statement-breakpoint
CREATE TRIGGER `orders_posted_update` BEFORE UPDATE ON `orders`
WHEN OLD.state <> 'draft' AND NOT (OLD.state = 'posted' AND NEW.state = 'reversed' AND OLD.reversed_by_id IS NULL AND NEW.id IS OLD.id AND NEW.doc_no IS OLD.doc_no AND NEW.customer_id IS OLD.customer_id AND NEW.dealer_id IS OLD.dealer_id AND NEW.rep_id IS OLD.rep_id AND NEW.date IS OLD.date AND NEW.settlement IS OLD.settlement AND NEW.due_date IS OLD.due_date AND NEW.discount_fen IS OLD.discount_fen AND NEW.subtotal_fen IS OLD.subtotal_fen AND NEW.total_fen IS OLD.total_fen AND NEW.cost_fen IS OLD.cost_fen AND NEW.reversal_of_id IS OLD.reversal_of_id AND NEW.cross_territory IS OLD.cross_territory AND NEW.override_reason IS OLD.override_reason AND NEW.override_by_name IS OLD.override_by_name AND NEW.posted_at IS OLD.posted_at AND NEW.posted_by_name IS OLD.posted_by_name AND NEW.notes IS OLD.notes AND NEW.created_at IS OLD.created_at)
BEGIN SELECT RAISE(ABORT, 'POSTED_LOCKED: 已过账的销售单不能修改，请红冲后重新录入'); END;
--> statement-breakpoint
CREATE TRIGGER `orders_posted_delete` BEFORE DELETE ON `orders`
WHEN OLD.state <> 'draft'
BEGIN SELECT RAISE(ABORT, 'POSTED_LOCKED: 已过账的销售单不能删除'); END;
--> statement-breakpoint
CREATE TRIGGER `order_lines_posted_insert` BEFORE INSERT ON `order_lines`
WHEN (SELECT state FROM orders WHERE id = NEW.order_id) <> 'draft'
BEGIN SELECT RAISE(ABORT, 'POSTED_LOCKED: 已过账的销售单明细不能修改'); END;
--> statement-breakpoint
CREATE TRIGGER `order_lines_posted_update` BEFORE UPDATE ON `order_lines`
WHEN (SELECT state FROM orders WHERE id = OLD.order_id) <> 'draft'
BEGIN SELECT RAISE(ABORT, 'POSTED_LOCKED: 已过账的销售单明细不能修改'); END;
--> statement-breakpoint
CREATE TRIGGER `order_lines_posted_delete` BEFORE DELETE ON `order_lines`
WHEN (SELECT state FROM orders WHERE id = OLD.order_id) <> 'draft'
BEGIN SELECT RAISE(ABORT, 'POSTED_LOCKED: 已过账的销售单明细不能修改'); END;
--> statement-breakpoint
CREATE TRIGGER `returns_posted_update` BEFORE UPDATE ON `returns`
WHEN OLD.state <> 'draft'
BEGIN SELECT RAISE(ABORT, 'POSTED_LOCKED: 已过账的退货单不能修改'); END;
--> statement-breakpoint
CREATE TRIGGER `returns_posted_delete` BEFORE DELETE ON `returns`
WHEN OLD.state <> 'draft'
BEGIN SELECT RAISE(ABORT, 'POSTED_LOCKED: 已过账的退货单不能删除'); END;
--> statement-breakpoint
CREATE TRIGGER `return_lines_posted_insert` BEFORE INSERT ON `return_lines`
WHEN (SELECT state FROM returns WHERE id = NEW.return_id) <> 'draft'
BEGIN SELECT RAISE(ABORT, 'POSTED_LOCKED: 已过账的退货单明细不能修改'); END;
--> statement-breakpoint
CREATE TRIGGER `return_lines_posted_update` BEFORE UPDATE ON `return_lines`
WHEN (SELECT state FROM returns WHERE id = OLD.return_id) <> 'draft'
BEGIN SELECT RAISE(ABORT, 'POSTED_LOCKED: 已过账的退货单明细不能修改'); END;
--> statement-breakpoint
CREATE TRIGGER `return_lines_posted_delete` BEFORE DELETE ON `return_lines`
WHEN (SELECT state FROM returns WHERE id = OLD.return_id) <> 'draft'
BEGIN SELECT RAISE(ABORT, 'POSTED_LOCKED: 已过账的退货单明细不能修改'); END;
--> statement-breakpoint
CREATE TRIGGER `collections_posted_update` BEFORE UPDATE ON `collections`
WHEN NOT (OLD.state = 'posted' AND NEW.state = 'reversed' AND OLD.reversed_by_id IS NULL AND NEW.id IS OLD.id AND NEW.doc_no IS OLD.doc_no AND NEW.customer_id IS OLD.customer_id AND NEW.rep_id IS OLD.rep_id AND NEW.date IS OLD.date AND NEW.amount_fen IS OLD.amount_fen AND NEW.method IS OLD.method AND NEW.reference IS OLD.reference AND NEW.reversal_of_id IS OLD.reversal_of_id AND NEW.notes IS OLD.notes AND NEW.created_by_name IS OLD.created_by_name AND NEW.created_at IS OLD.created_at)
BEGIN SELECT RAISE(ABORT, 'POSTED_LOCKED: 回款单不能修改，请红冲后重新录入'); END;
--> statement-breakpoint
CREATE TRIGGER `collections_no_delete` BEFORE DELETE ON `collections`
BEGIN SELECT RAISE(ABORT, 'POSTED_LOCKED: 回款单不能删除'); END;
--> statement-breakpoint
CREATE TRIGGER `write_offs_no_update` BEFORE UPDATE ON `write_offs`
BEGIN SELECT RAISE(ABORT, 'POSTED_LOCKED: 坏账核销单不能修改'); END;
--> statement-breakpoint
CREATE TRIGGER `write_offs_no_delete` BEFORE DELETE ON `write_offs`
BEGIN SELECT RAISE(ABORT, 'POSTED_LOCKED: 坏账核销单不能删除'); END;
--> statement-breakpoint
CREATE TRIGGER `opening_balances_no_update` BEFORE UPDATE ON `opening_balances`
BEGIN SELECT RAISE(ABORT, 'POSTED_LOCKED: 期初应收不能修改'); END;
--> statement-breakpoint
CREATE TRIGGER `opening_balances_no_delete` BEFORE DELETE ON `opening_balances`
BEGIN SELECT RAISE(ABORT, 'POSTED_LOCKED: 期初应收不能删除'); END;
--> statement-breakpoint
CREATE TRIGGER `credits_no_update` BEFORE UPDATE ON `credits`
BEGIN SELECT RAISE(ABORT, 'POSTED_LOCKED: 应收贷方记录不能修改'); END;
--> statement-breakpoint
CREATE TRIGGER `credits_no_delete` BEFORE DELETE ON `credits`
BEGIN SELECT RAISE(ABORT, 'POSTED_LOCKED: 应收贷方记录不能删除'); END;
--> statement-breakpoint
CREATE TRIGGER `allocations_no_update` BEFORE UPDATE ON `allocations`
BEGIN SELECT RAISE(ABORT, 'POSTED_LOCKED: 回款核销记录不能修改'); END;
--> statement-breakpoint
CREATE TRIGGER `allocations_no_delete` BEFORE DELETE ON `allocations`
BEGIN SELECT RAISE(ABORT, 'POSTED_LOCKED: 回款核销记录不能删除'); END;
--> statement-breakpoint
CREATE TRIGGER `receivables_no_update` BEFORE UPDATE ON `receivables`
WHEN NOT (NEW.id IS OLD.id AND NEW.customer_id IS OLD.customer_id AND NEW.source_kind IS OLD.source_kind AND NEW.source_id IS OLD.source_id AND NEW.doc_no IS OLD.doc_no AND NEW.date IS OLD.date AND NEW.due_date IS OLD.due_date AND NEW.amount_fen IS OLD.amount_fen AND NEW.rep_id IS OLD.rep_id AND NEW.dealer_id IS OLD.dealer_id AND NEW.created_at IS OLD.created_at)
BEGIN SELECT RAISE(ABORT, 'POSTED_LOCKED: 应收记录不能修改'); END;
--> statement-breakpoint
CREATE TRIGGER `receivables_no_delete` BEFORE DELETE ON `receivables`
BEGIN SELECT RAISE(ABORT, 'POSTED_LOCKED: 应收记录不能删除'); END;
