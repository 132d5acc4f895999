CREATE TABLE `calendar_days` (
	`date` text NOT NULL,
	`source` text NOT NULL,
	`kind` text NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	PRIMARY KEY(`date`, `source`),
	CONSTRAINT "calendar_days_source_ck" CHECK("calendar_days"."source" in ('official', 'company')),
	CONSTRAINT "calendar_days_kind_ck" CHECK("calendar_days"."kind" in ('work', 'off'))
);
--> statement-breakpoint
CREATE TABLE `evaluation_scores` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`rep_id` integer NOT NULL,
	`period` text NOT NULL,
	`cooperation` integer NOT NULL,
	`enthusiasm` integer NOT NULL,
	`responsibility` integer NOT NULL,
	`comment` text DEFAULT '' NOT NULL,
	`scored_by_name` text DEFAULT '' NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`rep_id`) REFERENCES `reps`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "evaluation_scores_cooperation_ck" CHECK("evaluation_scores"."cooperation" between 1 and 5),
	CONSTRAINT "evaluation_scores_enthusiasm_ck" CHECK("evaluation_scores"."enthusiasm" between 1 and 5),
	CONSTRAINT "evaluation_scores_responsibility_ck" CHECK("evaluation_scores"."responsibility" between 1 and 5)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `evaluation_scores_rep_period_uq` ON `evaluation_scores` (`rep_id`,`period`);--> statement-breakpoint
CREATE TABLE `targets` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`metric` text NOT NULL,
	`level` text NOT NULL,
	`unit_key` text DEFAULT '' NOT NULL,
	`period` text NOT NULL,
	`period_kind` text NOT NULL,
	`from_date` text NOT NULL,
	`to_date` text NOT NULL,
	`value` integer NOT NULL,
	`parent_id` integer,
	`split` text,
	`locked` integer DEFAULT 0 NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`parent_id`) REFERENCES `targets`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "targets_metric_ck" CHECK("targets"."metric" in ('sales', 'collections', 'grossProfit', 'newCustomers', 'visits', 'expenses')),
	CONSTRAINT "targets_level_ck" CHECK("targets"."level" in ('company', 'region', 'team', 'rep', 'customer', 'productCategory', 'dealer', 'settlement', 'channelType')),
	CONSTRAINT "targets_kind_ck" CHECK("targets"."period_kind" in ('year', 'quarter', 'month', 'week', 'day')),
	CONSTRAINT "targets_split_ck" CHECK("targets"."split" is null or "targets"."split" in ('time', 'unit')),
	CONSTRAINT "targets_value_int" CHECK(typeof("targets"."value") = 'integer' and "targets"."value" >= 0),
	CONSTRAINT "targets_locked_ck" CHECK("targets"."locked" in (0, 1)),
	CONSTRAINT "targets_range_ck" CHECK("targets"."from_date" <= "targets"."to_date")
);
--> statement-breakpoint
CREATE UNIQUE INDEX `targets_unit_period_uq` ON `targets` (`metric`,`level`,`unit_key`,`from_date`,`to_date`);--> statement-breakpoint
CREATE INDEX `targets_parent_idx` ON `targets` (`parent_id`);--> statement-breakpoint
CREATE INDEX `targets_lookup_idx` ON `targets` (`metric`,`level`,`period`);