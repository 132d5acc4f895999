CREATE TABLE `audit_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` text NOT NULL,
	`operator` text NOT NULL,
	`action` text NOT NULL,
	`entity` text NOT NULL,
	`entity_id` integer,
	`before` text,
	`after` text
);
--> statement-breakpoint
CREATE INDEX `audit_entity_idx` ON `audit_log` (`entity`,`entity_id`);--> statement-breakpoint
CREATE INDEX `audit_at_idx` ON `audit_log` (`at`);--> statement-breakpoint
CREATE TABLE `contacts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`customer_id` integer NOT NULL,
	`name` text NOT NULL,
	`title` text DEFAULT '' NOT NULL,
	`phone` text DEFAULT '' NOT NULL,
	`email` text DEFAULT '' NOT NULL,
	`wechat` text DEFAULT '' NOT NULL,
	`is_primary` integer DEFAULT 0 NOT NULL,
	`sort_order` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "contacts_primary_ck" CHECK("contacts"."is_primary" in (0, 1))
);
--> statement-breakpoint
CREATE INDEX `contacts_customer_idx` ON `contacts` (`customer_id`);--> statement-breakpoint
CREATE INDEX `contacts_phone_idx` ON `contacts` (`phone`);--> statement-breakpoint
CREATE TABLE `customer_tags` (
	`customer_id` integer NOT NULL,
	`tag` text NOT NULL,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `customer_tags_pk` ON `customer_tags` (`customer_id`,`tag`);--> statement-breakpoint
CREATE INDEX `customer_tags_tag_idx` ON `customer_tags` (`tag`);--> statement-breakpoint
CREATE TABLE `customers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`short_name` text DEFAULT '' NOT NULL,
	`type` text NOT NULL,
	`region_id` integer,
	`address` text DEFAULT '' NOT NULL,
	`phone` text DEFAULT '' NOT NULL,
	`industry` text DEFAULT '' NOT NULL,
	`scale` text,
	`source` text,
	`rep_id` integer,
	`grade` text NOT NULL,
	`lifecycle` text NOT NULL,
	`credit_limit_fen` integer DEFAULT 0 NOT NULL,
	`payment_term_days` integer DEFAULT 30 NOT NULL,
	`tags` text DEFAULT '[]' NOT NULL,
	`notes` text DEFAULT '' NOT NULL,
	`archived` integer DEFAULT 0 NOT NULL,
	`archived_at` text,
	`name_pinyin` text DEFAULT '' NOT NULL,
	`search_text` text DEFAULT '' NOT NULL,
	`name_key` text DEFAULT '' NOT NULL,
	`phone_digits` text DEFAULT '' NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`region_id`) REFERENCES `regions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`rep_id`) REFERENCES `reps`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "customers_credit_limit_fen_int" CHECK(typeof("customers"."credit_limit_fen") = 'integer' and "customers"."credit_limit_fen" >= 0),
	CONSTRAINT "customers_payment_term_ck" CHECK(typeof("customers"."payment_term_days") = 'integer' and "customers"."payment_term_days" between 0 and 365),
	CONSTRAINT "customers_grade_ck" CHECK("customers"."grade" in ('A','B','C','D')),
	CONSTRAINT "customers_lifecycle_ck" CHECK("customers"."lifecycle" in ('prospect','first','repeat','loyal','lost')),
	CONSTRAINT "customers_archived_ck" CHECK("customers"."archived" in (0, 1))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `customers_code_uq` ON `customers` (`code`);--> statement-breakpoint
CREATE INDEX `customers_region_idx` ON `customers` (`archived`,`region_id`);--> statement-breakpoint
CREATE INDEX `customers_rep_idx` ON `customers` (`archived`,`rep_id`);--> statement-breakpoint
CREATE INDEX `customers_grade_idx` ON `customers` (`archived`,`grade`);--> statement-breakpoint
CREATE INDEX `customers_pinyin_idx` ON `customers` (`archived`,`name_pinyin`);--> statement-breakpoint
CREATE INDEX `customers_updated_idx` ON `customers` (`archived`,`updated_at`);--> statement-breakpoint
CREATE INDEX `customers_name_key_idx` ON `customers` (`name_key`);--> statement-breakpoint
CREATE INDEX `customers_phone_idx` ON `customers` (`phone_digits`);--> statement-breakpoint
CREATE TABLE `regions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`parent_id` integer,
	`name` text NOT NULL,
	`code` text DEFAULT '' NOT NULL,
	`level` integer NOT NULL,
	`path` text NOT NULL,
	`sort_order` integer DEFAULT 0 NOT NULL,
	`initials` text DEFAULT '' NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`parent_id`) REFERENCES `regions`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "regions_level_ck" CHECK("regions"."level" between 1 and 4)
);
--> statement-breakpoint
CREATE INDEX `regions_parent_idx` ON `regions` (`parent_id`);--> statement-breakpoint
CREATE INDEX `regions_path_idx` ON `regions` (`path`);--> statement-breakpoint
CREATE UNIQUE INDEX `regions_sibling_name_uq` ON `regions` (`parent_id`,`name`);--> statement-breakpoint
CREATE TABLE `rep_regions` (
	`rep_id` integer NOT NULL,
	`region_id` integer NOT NULL,
	FOREIGN KEY (`rep_id`) REFERENCES `reps`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`region_id`) REFERENCES `regions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `rep_regions_pk` ON `rep_regions` (`rep_id`,`region_id`);--> statement-breakpoint
CREATE INDEX `rep_regions_region_idx` ON `rep_regions` (`region_id`);--> statement-breakpoint
CREATE TABLE `reps` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`phone` text DEFAULT '' NOT NULL,
	`team_id` integer,
	`supervisor_id` integer,
	`hire_date` text,
	`active` integer DEFAULT 1 NOT NULL,
	`pinyin` text DEFAULT '' NOT NULL,
	`initials` text DEFAULT '' NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`team_id`) REFERENCES `teams`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`supervisor_id`) REFERENCES `reps`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "reps_active_ck" CHECK("reps"."active" in (0, 1))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `reps_code_uq` ON `reps` (`code`);--> statement-breakpoint
CREATE INDEX `reps_team_idx` ON `reps` (`team_id`);--> statement-breakpoint
CREATE TABLE `settings` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `teams` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `teams_name_uq` ON `teams` (`name`);