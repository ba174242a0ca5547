CREATE TABLE `staff_notice_settings` (
	`staff_id` text PRIMARY KEY NOT NULL,
	`cosign_warning` integer NOT NULL,
	`due_soon` integer NOT NULL,
	`overdue` integer NOT NULL,
	`quiet_enabled` integer NOT NULL,
	`quiet_start` text NOT NULL,
	`quiet_end` text NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`staff_id`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_notifications` (
	`id` text PRIMARY KEY NOT NULL,
	`case_id` text NOT NULL,
	`resident_id` text,
	`staff_id` text,
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
	FOREIGN KEY (`resident_id`) REFERENCES `residents`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`staff_id`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "notifications_one_recipient" CHECK((resident_id is null) <> (staff_id is null))
);
--> statement-breakpoint
INSERT INTO `__new_notifications`("id", "case_id", "resident_id", "event", "payload", "status", "channel", "attempts", "next_attempt_at", "last_error", "sent_at", "created_at") SELECT "id", "case_id", "resident_id", "event", "payload", "status", "channel", "attempts", "next_attempt_at", "last_error", "sent_at", "created_at" FROM `notifications`;--> statement-breakpoint
DROP TABLE `notifications`;--> statement-breakpoint
ALTER TABLE `__new_notifications` RENAME TO `notifications`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE INDEX `notifications_due` ON `notifications` (`status`,`next_attempt_at`);--> statement-breakpoint
CREATE INDEX `notifications_case` ON `notifications` (`case_id`);--> statement-breakpoint
ALTER TABLE `staff` ADD `notice_platform` text;--> statement-breakpoint
ALTER TABLE `staff` ADD `notice_uid` text;