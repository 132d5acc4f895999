CREATE TABLE `customer_lifecycle_changes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`customer_id` integer NOT NULL,
	`from_lifecycle` text,
	`to_lifecycle` text NOT NULL,
	`changed_on` text NOT NULL,
	`reason` text NOT NULL,
	`operator_id` integer,
	`created_at` text NOT NULL,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`operator_id`) REFERENCES `operators`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "customer_lifecycle_changes_from_ck" CHECK("customer_lifecycle_changes"."from_lifecycle" is null or "customer_lifecycle_changes"."from_lifecycle" in ('prospect','first','repeat','loyal','lost')),
	CONSTRAINT "customer_lifecycle_changes_to_ck" CHECK("customer_lifecycle_changes"."to_lifecycle" in ('prospect','first','repeat','loyal','lost')),
	CONSTRAINT "customer_lifecycle_changes_reason_ck" CHECK("customer_lifecycle_changes"."reason" in ('order', 'rule', 'manual', 'regrade'))
);
--> statement-breakpoint
CREATE INDEX `customer_lifecycle_changes_customer_idx` ON `customer_lifecycle_changes` (`customer_id`,`changed_on`);--> statement-breakpoint
CREATE TABLE `opportunities` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`customer_id` integer NOT NULL,
	`title` text NOT NULL,
	`amount_fen` integer DEFAULT 0 NOT NULL,
	`expected_close_date` text NOT NULL,
	`stage` text DEFAULT 'identify' NOT NULL,
	`probability_bp` integer NOT NULL,
	`probability_manual` integer DEFAULT 0 NOT NULL,
	`rep_id` integer NOT NULL,
	`next_step` text DEFAULT '' NOT NULL,
	`next_step_date` text,
	`competitor` text DEFAULT '' NOT NULL,
	`source` text DEFAULT '' NOT NULL,
	`lost_reason` text,
	`lost_note` text DEFAULT '' NOT NULL,
	`order_id` integer,
	`created_on` text NOT NULL,
	`stage_since` text NOT NULL,
	`closed_on` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`rep_id`) REFERENCES `reps`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`order_id`) REFERENCES `orders`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "opportunities_stage_ck" CHECK("opportunities"."stage" in ('identify','contact','needs','demo','quote','negotiate','won','lost')),
	CONSTRAINT "opportunities_amount_fen_int" CHECK(typeof("opportunities"."amount_fen") = 'integer' and "opportunities"."amount_fen" >= 0),
	CONSTRAINT "opportunities_probability_ck" CHECK(typeof("opportunities"."probability_bp") = 'integer' and "opportunities"."probability_bp" between 0 and 10000),
	CONSTRAINT "opportunities_probability_manual_ck" CHECK("opportunities"."probability_manual" in (0, 1)),
	CONSTRAINT "opportunities_lost_reason_ck" CHECK("opportunities"."lost_reason" is null or "opportunities"."lost_reason" in ('price','competitor','cancelled','noBudget','unreachable','other')),
	CONSTRAINT "opportunities_closed_ck" CHECK(("opportunities"."stage" in ('won','lost')) = ("opportunities"."closed_on" is not null)),
	CONSTRAINT "opportunities_lost_ck" CHECK(("opportunities"."stage" = 'lost') = ("opportunities"."lost_reason" is not null)),
	CONSTRAINT "opportunities_close_date_ck" CHECK("opportunities"."expected_close_date" >= "opportunities"."created_on")
);
--> statement-breakpoint
CREATE INDEX `opportunities_board_idx` ON `opportunities` (`rep_id`,`stage`,`closed_on`);--> statement-breakpoint
CREATE INDEX `opportunities_customer_idx` ON `opportunities` (`customer_id`);--> statement-breakpoint
CREATE INDEX `opportunities_next_step_idx` ON `opportunities` (`rep_id`,`next_step_date`);--> statement-breakpoint
CREATE INDEX `opportunities_created_idx` ON `opportunities` (`created_on`);--> statement-breakpoint
CREATE INDEX `opportunities_closed_idx` ON `opportunities` (`closed_on`,`stage`);--> statement-breakpoint
CREATE INDEX `opportunities_close_date_idx` ON `opportunities` (`expected_close_date`);--> statement-breakpoint
CREATE INDEX `opportunities_updated_idx` ON `opportunities` (`updated_at`);--> statement-breakpoint
CREATE INDEX `opportunities_amount_idx` ON `opportunities` (`amount_fen`);--> statement-breakpoint
CREATE TABLE `opportunity_products` (
	`opportunity_id` integer NOT NULL,
	`product_id` integer NOT NULL,
	`seq` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`opportunity_id`, `product_id`),
	FOREIGN KEY (`opportunity_id`) REFERENCES `opportunities`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`product_id`) REFERENCES `products`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `opportunity_products_product_idx` ON `opportunity_products` (`product_id`);--> statement-breakpoint
CREATE TABLE `opportunity_stage_changes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`opportunity_id` integer NOT NULL,
	`from_stage` text,
	`to_stage` text NOT NULL,
	`changed_on` text NOT NULL,
	`operator_id` integer,
	`operator_name` text NOT NULL,
	`daily_report_line_id` integer,
	`note` text DEFAULT '' NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`opportunity_id`) REFERENCES `opportunities`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`operator_id`) REFERENCES `operators`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`daily_report_line_id`) REFERENCES `daily_report_lines`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "opportunity_stage_changes_from_ck" CHECK("opportunity_stage_changes"."from_stage" is null or "opportunity_stage_changes"."from_stage" in ('identify','contact','needs','demo','quote','negotiate','won','lost')),
	CONSTRAINT "opportunity_stage_changes_to_ck" CHECK("opportunity_stage_changes"."to_stage" in ('identify','contact','needs','demo','quote','negotiate','won','lost'))
);
--> statement-breakpoint
CREATE INDEX `opportunity_stage_changes_opp_idx` ON `opportunity_stage_changes` (`opportunity_id`,`changed_on`);--> statement-breakpoint
CREATE INDEX `opportunity_stage_changes_line_idx` ON `opportunity_stage_changes` (`daily_report_line_id`);--> statement-breakpoint
CREATE TABLE `satisfaction_scores` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`customer_id` integer NOT NULL,
	`score` integer NOT NULL,
	`comment` text DEFAULT '' NOT NULL,
	`source` text NOT NULL,
	`complaint_id` integer,
	`daily_report_line_id` integer,
	`rep_id` integer,
	`scored_on` text NOT NULL,
	`operator_id` integer,
	`created_at` text NOT NULL,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`complaint_id`) REFERENCES `complaints`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`daily_report_line_id`) REFERENCES `daily_report_lines`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`rep_id`) REFERENCES `reps`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`operator_id`) REFERENCES `operators`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "satisfaction_scores_score_ck" CHECK(typeof("satisfaction_scores"."score") = 'integer' and "satisfaction_scores"."score" between 1 and 5),
	CONSTRAINT "satisfaction_scores_source_ck" CHECK("satisfaction_scores"."source" in ('complaint', 'visit', 'survey'))
);
--> statement-breakpoint
CREATE INDEX `satisfaction_scores_customer_idx` ON `satisfaction_scores` (`customer_id`,`scored_on`);--> statement-breakpoint
CREATE INDEX `satisfaction_scores_date_idx` ON `satisfaction_scores` (`scored_on`);--> statement-breakpoint
ALTER TABLE `daily_report_lines` ADD `opportunity_id` integer REFERENCES opportunities(id);--> statement-breakpoint
ALTER TABLE `daily_report_lines` ADD `opportunity_stage` text;--> statement-breakpoint
CREATE INDEX `daily_report_lines_opportunity_idx` ON `daily_report_lines` (`opportunity_id`);--> statement-breakpoint
-- hand-written: a visit line's stage needs its opportunity and is one of the stages (a CHECK would rebuild the table)
CREATE TRIGGER `daily_report_lines_opportunity_insert` BEFORE INSERT ON `daily_report_lines`
WHEN NEW.opportunity_stage IS NOT NULL AND (NEW.opportunity_id IS NULL OR NEW.opportunity_stage NOT IN ('identify','contact','needs','demo','quote','negotiate','won','lost'))
BEGIN
  SELECT RAISE(ABORT, 'daily_report_lines: opportunity_stage needs an opportunity_id and a known stage');
END;
--> statement-breakpoint
CREATE TRIGGER `daily_report_lines_opportunity_update` BEFORE UPDATE OF opportunity_id, opportunity_stage ON `daily_report_lines`
WHEN NEW.opportunity_stage IS NOT NULL AND (NEW.opportunity_id IS NULL OR NEW.opportunity_stage NOT IN ('identify','contact','needs','demo','quote','negotiate','won','lost'))
BEGIN
  SELECT RAISE(ABORT, 'daily_report_lines: opportunity_stage needs an opportunity_id and a known stage');
END;
