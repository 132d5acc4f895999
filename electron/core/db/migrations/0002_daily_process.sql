CREATE TABLE `complaints` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code` text NOT NULL,
	`received_date` text NOT NULL,
	`customer_id` integer NOT NULL,
	`product_id` integer,
	`rep_id` integer,
	`content` text NOT NULL,
	`urgency` text DEFAULT 'normal' NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`handler` text DEFAULT '' NOT NULL,
	`response` text DEFAULT '' NOT NULL,
	`handled_date` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`product_id`) REFERENCES `products`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`rep_id`) REFERENCES `reps`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "complaints_status_ck" CHECK("complaints"."status" in ('open', 'handled')),
	CONSTRAINT "complaints_urgency_ck" CHECK("complaints"."urgency" in ('normal', 'urgent', 'critical'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `complaints_code_uq` ON `complaints` (`code`);--> statement-breakpoint
CREATE INDEX `complaints_date_idx` ON `complaints` (`received_date`);--> statement-breakpoint
CREATE INDEX `complaints_customer_idx` ON `complaints` (`customer_id`);--> statement-breakpoint
CREATE INDEX `complaints_status_idx` ON `complaints` (`status`,`received_date`);--> statement-breakpoint
CREATE TABLE `daily_report_lines` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`report_id` integer NOT NULL,
	`seq` integer NOT NULL,
	`plan_line_id` integer,
	`customer_id` integer NOT NULL,
	`done` integer DEFAULT 1 NOT NULL,
	`reason` text DEFAULT '' NOT NULL,
	`outcome` text DEFAULT '' NOT NULL,
	`next_step` text DEFAULT '' NOT NULL,
	`order_fen` integer DEFAULT 0 NOT NULL,
	`collected_fen` integer DEFAULT 0 NOT NULL,
	`complaint_id` integer,
	FOREIGN KEY (`report_id`) REFERENCES `daily_reports`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`plan_line_id`) REFERENCES `visit_plan_lines`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`complaint_id`) REFERENCES `complaints`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "daily_report_lines_done_ck" CHECK("daily_report_lines"."done" in (0, 1)),
	CONSTRAINT "daily_report_lines_order_fen_int" CHECK(typeof("daily_report_lines"."order_fen") = 'integer' and "daily_report_lines"."order_fen" >= 0),
	CONSTRAINT "daily_report_lines_collected_fen_int" CHECK(typeof("daily_report_lines"."collected_fen") = 'integer' and "daily_report_lines"."collected_fen" >= 0)
);
--> statement-breakpoint
CREATE INDEX `daily_report_lines_report_idx` ON `daily_report_lines` (`report_id`,`seq`);--> statement-breakpoint
CREATE INDEX `daily_report_lines_customer_idx` ON `daily_report_lines` (`customer_id`);--> statement-breakpoint
CREATE TABLE `daily_reports` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`rep_id` integer NOT NULL,
	`date` text NOT NULL,
	`attendance` text DEFAULT 'present' NOT NULL,
	`problems` text DEFAULT '' NOT NULL,
	`tomorrow_plan` text DEFAULT '' NOT NULL,
	`state` text DEFAULT 'draft' NOT NULL,
	`submitted_at` text,
	`signed_by_operator_id` integer,
	`signed_by_name` text,
	`signed_at` text,
	`sign_comment` text DEFAULT '' NOT NULL,
	`content_hash` text,
	`return_comment` text DEFAULT '' NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`rep_id`) REFERENCES `reps`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "daily_reports_state_ck" CHECK("daily_reports"."state" in ('draft', 'submitted', 'signed')),
	CONSTRAINT "daily_reports_attendance_ck" CHECK("daily_reports"."attendance" in ('present', 'out', 'leave', 'off'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `daily_reports_rep_date_uq` ON `daily_reports` (`rep_id`,`date`);--> statement-breakpoint
CREATE INDEX `daily_reports_date_idx` ON `daily_reports` (`date`,`state`);--> statement-breakpoint
CREATE TABLE `expenses` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`rep_id` integer NOT NULL,
	`date` text NOT NULL,
	`category` text NOT NULL,
	`amount_fen` integer NOT NULL,
	`customer_id` integer,
	`note` text DEFAULT '' NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`rep_id`) REFERENCES `reps`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "expenses_category_ck" CHECK("expenses"."category" in ('travel', 'entertainment', 'transport', 'promotion', 'other')),
	CONSTRAINT "expenses_amount_fen_int" CHECK(typeof("expenses"."amount_fen") = 'integer' and "expenses"."amount_fen" > 0)
);
--> statement-breakpoint
CREATE INDEX `expenses_date_idx` ON `expenses` (`date`);--> statement-breakpoint
CREATE INDEX `expenses_rep_idx` ON `expenses` (`rep_id`,`date`);--> statement-breakpoint
CREATE TABLE `market_feedback` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code` text NOT NULL,
	`date` text NOT NULL,
	`rep_id` integer,
	`type` text NOT NULL,
	`urgency` text DEFAULT 'normal' NOT NULL,
	`title` text DEFAULT '' NOT NULL,
	`content` text NOT NULL,
	`competitor` text DEFAULT '' NOT NULL,
	`product_id` integer,
	`dealer_id` integer,
	`customer_id` integer,
	`region_id` integer,
	`status` text DEFAULT 'open' NOT NULL,
	`handler` text DEFAULT '' NOT NULL,
	`response` text DEFAULT '' NOT NULL,
	`handled_date` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`rep_id`) REFERENCES `reps`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`product_id`) REFERENCES `products`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`dealer_id`) REFERENCES `dealers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`region_id`) REFERENCES `regions`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "market_feedback_type_ck" CHECK("market_feedback"."type" in ('consumer', 'competitor', 'dealer', 'violation', 'other')),
	CONSTRAINT "market_feedback_urgency_ck" CHECK("market_feedback"."urgency" in ('normal', 'urgent', 'critical')),
	CONSTRAINT "market_feedback_status_ck" CHECK("market_feedback"."status" in ('open', 'handled'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `market_feedback_code_uq` ON `market_feedback` (`code`);--> statement-breakpoint
CREATE INDEX `market_feedback_date_idx` ON `market_feedback` (`date`);--> statement-breakpoint
CREATE INDEX `market_feedback_status_idx` ON `market_feedback` (`status`,`date`);--> statement-breakpoint
CREATE TABLE `meeting_action_items` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`meeting_id` integer NOT NULL,
	`seq` integer NOT NULL,
	`content` text NOT NULL,
	`owner_rep_id` integer,
	`owner_operator_id` integer,
	`due_date` text,
	`done` integer DEFAULT 0 NOT NULL,
	`done_date` text,
	`done_in_meeting_id` integer,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`owner_rep_id`) REFERENCES `reps`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`owner_operator_id`) REFERENCES `operators`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`done_in_meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "meeting_action_items_done_ck" CHECK("meeting_action_items"."done" in (0, 1))
);
--> statement-breakpoint
CREATE INDEX `meeting_action_items_meeting_idx` ON `meeting_action_items` (`meeting_id`,`seq`);--> statement-breakpoint
CREATE INDEX `meeting_action_items_open_idx` ON `meeting_action_items` (`done`,`due_date`);--> statement-breakpoint
CREATE TABLE `meeting_attendees` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`meeting_id` integer NOT NULL,
	`rep_id` integer,
	`operator_id` integer,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`rep_id`) REFERENCES `reps`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`operator_id`) REFERENCES `operators`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "meeting_attendees_one_ck" CHECK(("meeting_attendees"."rep_id" is null) <> ("meeting_attendees"."operator_id" is null))
);
--> statement-breakpoint
CREATE INDEX `meeting_attendees_meeting_idx` ON `meeting_attendees` (`meeting_id`);--> statement-breakpoint
CREATE TABLE `meetings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`date` text NOT NULL,
	`title` text NOT NULL,
	`agenda` text DEFAULT '' NOT NULL,
	`decisions` text DEFAULT '' NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `meetings_date_idx` ON `meetings` (`date`);--> statement-breakpoint
CREATE TABLE `operators` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`role` text NOT NULL,
	`rep_id` integer,
	`password_hash` text NOT NULL,
	`recovery_hash` text,
	`active` integer DEFAULT 1 NOT NULL,
	`failed_attempts` integer DEFAULT 0 NOT NULL,
	`locked_until` text,
	`signature_image` blob,
	`signature_mime` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`rep_id`) REFERENCES `reps`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "operators_role_ck" CHECK("operators"."role" in ('admin', 'manager', 'supervisor', 'clerk')),
	CONSTRAINT "operators_active_ck" CHECK("operators"."active" in (0, 1)),
	CONSTRAINT "operators_signature_ck" CHECK("operators"."signature_mime" is null or "operators"."signature_mime" in ('image/png', 'image/jpeg'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `operators_name_uq` ON `operators` (`name`);--> statement-breakpoint
CREATE TABLE `visit_plan_lines` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`plan_id` integer NOT NULL,
	`seq` integer NOT NULL,
	`customer_id` integer NOT NULL,
	`planned_time` text,
	`purposes` text DEFAULT '[]' NOT NULL,
	`contact` text DEFAULT '' NOT NULL,
	`notes` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`plan_id`) REFERENCES `visit_plans`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `visit_plan_lines_plan_idx` ON `visit_plan_lines` (`plan_id`,`seq`);--> statement-breakpoint
CREATE INDEX `visit_plan_lines_customer_idx` ON `visit_plan_lines` (`customer_id`);--> statement-breakpoint
CREATE TABLE `visit_plans` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`rep_id` integer NOT NULL,
	`date` text NOT NULL,
	`notes` text DEFAULT '' NOT NULL,
	`state` text DEFAULT 'draft' NOT NULL,
	`submitted_at` text,
	`signed_by_operator_id` integer,
	`signed_by_name` text,
	`signed_at` text,
	`sign_comment` text DEFAULT '' NOT NULL,
	`content_hash` text,
	`return_comment` text DEFAULT '' NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`rep_id`) REFERENCES `reps`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "visit_plans_state_ck" CHECK("visit_plans"."state" in ('draft', 'submitted', 'signed'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `visit_plans_rep_date_uq` ON `visit_plans` (`rep_id`,`date`);--> statement-breakpoint
CREATE INDEX `visit_plans_date_idx` ON `visit_plans` (`date`,`state`);--> statement-breakpoint
CREATE TABLE `monthly_summaries` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`rep_id` integer NOT NULL,
	`month` text NOT NULL,
	`achievements` text DEFAULT '' NOT NULL,
	`problems` text DEFAULT '' NOT NULL,
	`key_points` text DEFAULT '' NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`rep_id`) REFERENCES `reps`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `monthly_summaries_rep_month_uq` ON `monthly_summaries` (`rep_id`,`month`);--> statement-breakpoint
CREATE INDEX `monthly_summaries_month_idx` ON `monthly_summaries` (`month`);--> statement-breakpoint
CREATE TABLE `weekly_plans` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`rep_id` integer NOT NULL,
	`week_start` text NOT NULL,
	`review` text DEFAULT '' NOT NULL,
	`goals` text DEFAULT '' NOT NULL,
	`actions` text DEFAULT '' NOT NULL,
	`key_points` text DEFAULT '' NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`rep_id`) REFERENCES `reps`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `weekly_plans_rep_week_uq` ON `weekly_plans` (`rep_id`,`week_start`);--> statement-breakpoint
CREATE INDEX `weekly_plans_week_idx` ON `weekly_plans` (`week_start`);--> statement-breakpoint
ALTER TABLE `audit_log` ADD `operator_id` integer;--> statement-breakpoint
ALTER TABLE `audit_log` ADD `prev_hash` text;--> statement-breakpoint
ALTER TABLE `audit_log` ADD `hash` text;--> statement-breakpoint
CREATE INDEX `audit_unsealed_idx` ON `audit_log` (`id`) WHERE "audit_log"."hash" is null;--> statement-breakpoint
CREATE INDEX `audit_operator_idx` ON `audit_log` (`operator_id`);
--> statement-breakpoint
-- A signed 拜访计划 is locked: the only change allowed is an unsign (state back to draft, content unchanged).
CREATE TRIGGER `visit_plans_signed_update` BEFORE UPDATE ON `visit_plans`
WHEN OLD.state = 'signed' AND (NEW.state <> 'draft' OR NEW.id IS NOT OLD.id OR NEW.rep_id IS NOT OLD.rep_id OR NEW.date IS NOT OLD.date OR NEW.created_at IS NOT OLD.created_at OR NEW.notes IS NOT OLD.notes)
BEGIN SELECT RAISE(ABORT, 'SIGNED_LOCKED: 已签核的拜访计划不能修改，请先撤销签核'); END;
--> statement-breakpoint
CREATE TRIGGER `visit_plans_signed_delete` BEFORE DELETE ON `visit_plans`
WHEN OLD.state = 'signed'
BEGIN SELECT RAISE(ABORT, 'SIGNED_LOCKED: 已签核的拜访计划不能删除'); END;
--> statement-breakpoint
CREATE TRIGGER `visit_plan_lines_signed_insert` BEFORE INSERT ON `visit_plan_lines`
WHEN (SELECT state FROM `visit_plans` WHERE id = NEW.plan_id) = 'signed'
BEGIN SELECT RAISE(ABORT, 'SIGNED_LOCKED: 已签核的拜访计划不能增加明细'); END;
--> statement-breakpoint
CREATE TRIGGER `visit_plan_lines_signed_update` BEFORE UPDATE ON `visit_plan_lines`
WHEN (SELECT state FROM `visit_plans` WHERE id = OLD.plan_id) = 'signed' OR (SELECT state FROM `visit_plans` WHERE id = NEW.plan_id) = 'signed'
BEGIN SELECT RAISE(ABORT, 'SIGNED_LOCKED: 已签核的拜访计划明细不能修改'); END;
--> statement-breakpoint
CREATE TRIGGER `visit_plan_lines_signed_delete` BEFORE DELETE ON `visit_plan_lines`
WHEN (SELECT state FROM `visit_plans` WHERE id = OLD.plan_id) = 'signed'
BEGIN SELECT RAISE(ABORT, 'SIGNED_LOCKED: 已签核的拜访计划明细不能删除'); END;
--> statement-breakpoint
-- A signed 销售报告 is locked: the only change allowed is an unsign (state back to draft, content unchanged).
CREATE TRIGGER `daily_reports_signed_update` BEFORE UPDATE ON `daily_reports`
WHEN OLD.state = 'signed' AND (NEW.state <> 'draft' OR NEW.id IS NOT OLD.id OR NEW.rep_id IS NOT OLD.rep_id OR NEW.date IS NOT OLD.date OR NEW.created_at IS NOT OLD.created_at OR NEW.attendance IS NOT OLD.attendance OR NEW.problems IS NOT OLD.problems OR NEW.tomorrow_plan IS NOT OLD.tomorrow_plan)
BEGIN SELECT RAISE(ABORT, 'SIGNED_LOCKED: 已签核的销售报告不能修改，请先撤销签核'); END;
--> statement-breakpoint
CREATE TRIGGER `daily_reports_signed_delete` BEFORE DELETE ON `daily_reports`
WHEN OLD.state = 'signed'
BEGIN SELECT RAISE(ABORT, 'SIGNED_LOCKED: 已签核的销售报告不能删除'); END;
--> statement-breakpoint
CREATE TRIGGER `daily_report_lines_signed_insert` BEFORE INSERT ON `daily_report_lines`
WHEN (SELECT state FROM `daily_reports` WHERE id = NEW.report_id) = 'signed'
BEGIN SELECT RAISE(ABORT, 'SIGNED_LOCKED: 已签核的销售报告不能增加明细'); END;
--> statement-breakpoint
CREATE TRIGGER `daily_report_lines_signed_update` BEFORE UPDATE ON `daily_report_lines`
WHEN (SELECT state FROM `daily_reports` WHERE id = OLD.report_id) = 'signed' OR (SELECT state FROM `daily_reports` WHERE id = NEW.report_id) = 'signed'
BEGIN SELECT RAISE(ABORT, 'SIGNED_LOCKED: 已签核的销售报告明细不能修改'); END;
--> statement-breakpoint
CREATE TRIGGER `daily_report_lines_signed_delete` BEFORE DELETE ON `daily_report_lines`
WHEN (SELECT state FROM `daily_reports` WHERE id = OLD.report_id) = 'signed'
BEGIN SELECT RAISE(ABORT, 'SIGNED_LOCKED: 已签核的销售报告明细不能删除'); END;
--> statement-breakpoint
-- The audit log is append-only. The one update allowed seals an entry written before the chain existed (hash was null).
CREATE TRIGGER `audit_log_no_update` BEFORE UPDATE ON `audit_log`
WHEN NOT (OLD.hash IS NULL AND NEW.hash IS NOT NULL AND NEW.id IS OLD.id AND NEW.at IS OLD.at AND NEW.operator IS OLD.operator AND NEW.operator_id IS OLD.operator_id AND NEW.action IS OLD.action AND NEW.entity IS OLD.entity AND NEW.entity_id IS OLD.entity_id AND NEW.before IS OLD.before AND NEW.after IS OLD.after)
BEGIN SELECT RAISE(ABORT, 'AUDIT_APPEND_ONLY: 审计日志不能修改'); END;
--> statement-breakpoint
CREATE TRIGGER `audit_log_no_delete` BEFORE DELETE ON `audit_log`
BEGIN SELECT RAISE(ABORT, 'AUDIT_APPEND_ONLY: 审计日志不能删除'); END;
