CREATE TABLE `audit_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` integer NOT NULL,
	`staff_id` text NOT NULL,
	`action` text NOT NULL,
	`case_id` text,
	`field` text,
	`reason` text,
	`ip` text,
	FOREIGN KEY (`staff_id`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `audit_log_staff` ON `audit_log` (`staff_id`,`id`);--> statement-breakpoint
CREATE INDEX `audit_log_case` ON `audit_log` (`case_id`,`id`);--> statement-breakpoint
CREATE TABLE `escalations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`case_id` text NOT NULL,
	`kind` text NOT NULL,
	`clock` text NOT NULL,
	`due_at` integer NOT NULL,
	`to_region` text NOT NULL,
	`at` integer NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `escalations_once` ON `escalations` (`case_id`,`kind`,`clock`,`due_at`);--> statement-breakpoint
CREATE TABLE `notifications` (
	`id` text PRIMARY KEY NOT NULL,
	`case_id` text NOT NULL,
	`resident_id` text NOT NULL,
	`event` text NOT NULL,
	`payload` text NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`channel` text,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` integer NOT NULL,
	`last_error` text,
	`sent_at` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`resident_id`) REFERENCES `residents`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `notifications_due` ON `notifications` (`status`,`next_attempt_at`);--> statement-breakpoint
CREATE INDEX `notifications_case` ON `notifications` (`case_id`);--> statement-breakpoint
ALTER TABLE `case_assignments` ADD `staff_id` text REFERENCES staff(id);--> statement-breakpoint
ALTER TABLE `case_assignments` ADD `assigned_by` text;--> statement-breakpoint
ALTER TABLE `case_assignments` ADD `dispatch_region` text DEFAULT 'city' NOT NULL;--> statement-breakpoint
ALTER TABLE `case_assignments` ADD `objection_reason` text;--> statement-breakpoint
ALTER TABLE `case_assignments` ADD `objected_at` integer;--> statement-breakpoint
ALTER TABLE `case_assignments` ADD `objected_by` text;--> statement-breakpoint
ALTER TABLE `case_assignments` ADD `objection_decided_at` integer;--> statement-breakpoint
ALTER TABLE `case_assignments` ADD `ended_at` integer;--> statement-breakpoint
ALTER TABLE `case_assignments` ADD `end_reason` text;--> statement-breakpoint
CREATE INDEX `case_assignments_staff` ON `case_assignments` (`staff_id`);--> statement-breakpoint
ALTER TABLE `cases` ADD `contact_phone_hash` text;--> statement-breakpoint
ALTER TABLE `cases` ADD `review_decided_at` integer;--> statement-breakpoint
ALTER TABLE `cases` ADD `review_region` text;--> statement-breakpoint
ALTER TABLE `cases` ADD `rereview_reason` text;--> statement-breakpoint
ALTER TABLE `cases` ADD `rereview_requested_at` integer;--> statement-breakpoint
ALTER TABLE `cases` ADD `rereview_request_due` integer;--> statement-breakpoint
ALTER TABLE `cases` ADD `rereview_due` integer;--> statement-breakpoint
ALTER TABLE `cases` ADD `forwarded_to` text;--> statement-breakpoint
ALTER TABLE `cases` ADD `info_question` text;--> statement-breakpoint
ALTER TABLE `cases` ADD `info_requested_at` integer;--> statement-breakpoint
ALTER TABLE `cases` ADD `extension_days` integer;--> statement-breakpoint
ALTER TABLE `cases` ADD `extension_reason` text;--> statement-breakpoint
ALTER TABLE `cases` ADD `extension_status` text;--> statement-breakpoint
ALTER TABLE `cases` ADD `extension_requested_at` integer;--> statement-breakpoint
ALTER TABLE `cases` ADD `extension_requested_by` text;--> statement-breakpoint
ALTER TABLE `cases` ADD `extension_decided_at` integer;--> statement-breakpoint
ALTER TABLE `cases` ADD `extension_note` text;--> statement-breakpoint
ALTER TABLE `cases` ADD `due_clock` text;--> statement-breakpoint
ALTER TABLE `cases` ADD `due_at` integer;--> statement-breakpoint
CREATE INDEX `cases_due` ON `cases` (`due_at`);--> statement-breakpoint
CREATE INDEX `cases_contact_phone_hash` ON `cases` (`contact_phone_hash`);--> statement-breakpoint
UPDATE `cases` SET `due_clock` = CASE WHEN `zone` IS NOT NULL AND `respond_due` IS NOT NULL THEN 'zoneSimple' ELSE 'accept' END, `due_at` = CASE WHEN `zone` IS NOT NULL AND `respond_due` IS NOT NULL THEN `respond_due` ELSE `accept_due` END WHERE `status` IN ('registered', 'mediating');--> statement-breakpoint
UPDATE `cases` SET `due_clock` = CASE WHEN `zone` IS NOT NULL THEN 'zoneComplex' ELSE 'reply' END, `due_at` = `reply_due` WHERE `status` = 'accepted';--> statement-breakpoint
UPDATE `cases` SET `due_clock` = 'review', `due_at` = `review_due` WHERE `status` IN ('review_requested', 'reviewing');
