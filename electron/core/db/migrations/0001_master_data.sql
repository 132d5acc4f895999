CREATE TABLE `customer_merges` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`survivor_id` integer NOT NULL,
	`merged_id` integer NOT NULL,
	`merged_snapshot` text NOT NULL,
	`moved` text NOT NULL,
	`at` text NOT NULL,
	`operator` text NOT NULL,
	FOREIGN KEY (`survivor_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`merged_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `customer_merges_survivor_idx` ON `customer_merges` (`survivor_id`);--> statement-breakpoint
CREATE TABLE `dealer_territories` (
	`dealer_id` integer NOT NULL,
	`region_id` integer NOT NULL,
	FOREIGN KEY (`dealer_id`) REFERENCES `dealers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`region_id`) REFERENCES `regions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `dealer_territories_pk` ON `dealer_territories` (`dealer_id`,`region_id`);--> statement-breakpoint
CREATE INDEX `dealer_territories_region_idx` ON `dealer_territories` (`region_id`);--> statement-breakpoint
CREATE TABLE `dealers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`short_name` text DEFAULT '' NOT NULL,
	`channel_type` text NOT NULL,
	`tier` integer DEFAULT 1 NOT NULL,
	`contact_name` text DEFAULT '' NOT NULL,
	`phone` text DEFAULT '' NOT NULL,
	`address` text DEFAULT '' NOT NULL,
	`contract_start` text,
	`contract_end` text,
	`deposit_fen` integer DEFAULT 0 NOT NULL,
	`credit_limit_fen` integer DEFAULT 0 NOT NULL,
	`rep_id` integer,
	`status` text DEFAULT 'active' NOT NULL,
	`notes` text DEFAULT '' NOT NULL,
	`name_pinyin` text DEFAULT '' NOT NULL,
	`search_text` text DEFAULT '' NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`rep_id`) REFERENCES `reps`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "dealers_deposit_fen_int" CHECK(typeof("dealers"."deposit_fen") = 'integer' and "dealers"."deposit_fen" >= 0),
	CONSTRAINT "dealers_credit_limit_fen_int" CHECK(typeof("dealers"."credit_limit_fen") = 'integer' and "dealers"."credit_limit_fen" >= 0),
	CONSTRAINT "dealers_channel_ck" CHECK("dealers"."channel_type" in ('direct','agent','dealer','distributor','retail')),
	CONSTRAINT "dealers_status_ck" CHECK("dealers"."status" in ('active','suspended','terminated')),
	CONSTRAINT "dealers_tier_ck" CHECK("dealers"."tier" between 1 and 3)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `dealers_code_uq` ON `dealers` (`code`);--> statement-breakpoint
CREATE INDEX `dealers_rep_idx` ON `dealers` (`rep_id`);--> statement-breakpoint
CREATE INDEX `dealers_contract_end_idx` ON `dealers` (`contract_end`);--> statement-breakpoint
CREATE TABLE `monthly_evaluations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`customer_id` integer NOT NULL,
	`month` text NOT NULL,
	`purchase_score` integer NOT NULL,
	`payment_score` integer NOT NULL,
	`cooperation_score` integer NOT NULL,
	`potential_score` integer NOT NULL,
	`comment` text DEFAULT '' NOT NULL,
	`evaluator` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "monthly_evaluations_scores_ck" CHECK("monthly_evaluations"."purchase_score" between 1 and 5 and "monthly_evaluations"."payment_score" between 1 and 5 and "monthly_evaluations"."cooperation_score" between 1 and 5 and "monthly_evaluations"."potential_score" between 1 and 5)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `monthly_evaluations_customer_month_uq` ON `monthly_evaluations` (`customer_id`,`month`);--> statement-breakpoint
CREATE TABLE `product_categories` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`parent_id` integer,
	`name` text NOT NULL,
	`level` integer NOT NULL,
	`path` text NOT NULL,
	`sort_order` integer DEFAULT 0 NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`parent_id`) REFERENCES `product_categories`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "product_categories_level_ck" CHECK("product_categories"."level" between 1 and 3)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `product_categories_sibling_uq` ON `product_categories` (`parent_id`,`name`);--> statement-breakpoint
CREATE INDEX `product_categories_path_idx` ON `product_categories` (`path`);--> statement-breakpoint
CREATE TABLE `products` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`sku` text NOT NULL,
	`name` text NOT NULL,
	`spec` text DEFAULT '' NOT NULL,
	`category_id` integer,
	`unit` text DEFAULT '' NOT NULL,
	`list_price_fen` integer DEFAULT 0 NOT NULL,
	`dealer_price_fen` integer DEFAULT 0 NOT NULL,
	`floor_price_fen` integer DEFAULT 0 NOT NULL,
	`cost_fen` integer DEFAULT 0 NOT NULL,
	`active` integer DEFAULT 1 NOT NULL,
	`notes` text DEFAULT '' NOT NULL,
	`name_pinyin` text DEFAULT '' NOT NULL,
	`search_text` text DEFAULT '' NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`category_id`) REFERENCES `product_categories`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "products_list_price_fen_int" CHECK(typeof("products"."list_price_fen") = 'integer' and "products"."list_price_fen" >= 0),
	CONSTRAINT "products_dealer_price_fen_int" CHECK(typeof("products"."dealer_price_fen") = 'integer' and "products"."dealer_price_fen" >= 0),
	CONSTRAINT "products_floor_price_fen_int" CHECK(typeof("products"."floor_price_fen") = 'integer' and "products"."floor_price_fen" >= 0),
	CONSTRAINT "products_cost_fen_int" CHECK(typeof("products"."cost_fen") = 'integer' and "products"."cost_fen" >= 0),
	CONSTRAINT "products_active_ck" CHECK("products"."active" in (0, 1))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `products_sku_uq` ON `products` (`sku`);--> statement-breakpoint
CREATE INDEX `products_category_idx` ON `products` (`category_id`);--> statement-breakpoint
CREATE TABLE `strategy_actions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`customer_id` integer NOT NULL,
	`due_date` text NOT NULL,
	`action` text NOT NULL,
	`owner` text DEFAULT '' NOT NULL,
	`done` integer DEFAULT 0 NOT NULL,
	`done_at` text,
	`sort_order` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `strategy_actions_customer_idx` ON `strategy_actions` (`customer_id`);--> statement-breakpoint
CREATE INDEX `strategy_actions_due_idx` ON `strategy_actions` (`done`,`due_date`);--> statement-breakpoint
CREATE TABLE `strategy_cards` (
	`customer_id` integer PRIMARY KEY NOT NULL,
	`goals` text DEFAULT '' NOT NULL,
	`approach` text DEFAULT '' NOT NULL,
	`decision_makers` text DEFAULT '' NOT NULL,
	`competitors` text DEFAULT '' NOT NULL,
	`updated_at` text NOT NULL,
	`updated_by` text NOT NULL,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
ALTER TABLE `customers` ADD `dealer_id` integer REFERENCES dealers(id);--> statement-breakpoint
ALTER TABLE `customers` ADD `merged_into_id` integer REFERENCES customers(id);--> statement-breakpoint
CREATE INDEX `customers_dealer_idx` ON `customers` (`dealer_id`);