CREATE TABLE `case_assignments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`case_id` text NOT NULL,
	`unit_code` text NOT NULL,
	`region_code` text NOT NULL,
	`role` text NOT NULL,
	`rule_id` text,
	`assigned_at` integer NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`unit_code`) REFERENCES `units`(`code`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `case_assignments_case` ON `case_assignments` (`case_id`);--> statement-breakpoint
CREATE INDEX `case_assignments_unit` ON `case_assignments` (`unit_code`,`region_code`);--> statement-breakpoint
CREATE TABLE `case_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`case_id` text NOT NULL,
	`at` integer NOT NULL,
	`actor_type` text NOT NULL,
	`actor_id` text,
	`actor_label` text NOT NULL,
	`actor_unit` text,
	`action` text NOT NULL,
	`from_status` text,
	`to_status` text,
	`note` text,
	`data` text,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `case_events_case` ON `case_events` (`case_id`,`id`);--> statement-breakpoint
CREATE TABLE `cases` (
	`id` text PRIMARY KEY NOT NULL,
	`tracking_no` text NOT NULL,
	`kind` text DEFAULT 'individual' NOT NULL,
	`owner_id` text NOT NULL,
	`title` text NOT NULL,
	`content` text NOT NULL,
	`category` text,
	`zone` text,
	`region_code` text,
	`street_code` text,
	`address` text,
	`latitude` real,
	`longitude` real,
	`contact_phone_enc` text,
	`anonymous` integer DEFAULT false NOT NULL,
	`status` text NOT NULL,
	`registered_at` integer NOT NULL,
	`accept_due` integer,
	`respond_due` integer,
	`reply_due` integer,
	`review_request_due` integer,
	`review_due` integer,
	`accepted_at` integer,
	`reply_text` text,
	`reply_outcome` text,
	`replied_at` integer,
	`reject_reason` text,
	`reject_channel` text,
	`rejected_at` integer,
	`closed_at` integer,
	`satisfaction` text,
	`rating_comment` text,
	`rated_at` integer,
	`review_reason` text,
	`review_requested_at` integer,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`owner_id`) REFERENCES `residents`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `cases_tracking_no_unique` ON `cases` (`tracking_no`);--> statement-breakpoint
CREATE INDEX `cases_owner_registered` ON `cases` (`owner_id`,`registered_at`);--> statement-breakpoint
CREATE INDEX `cases_status` ON `cases` (`status`);--> statement-breakpoint
CREATE INDEX `cases_region` ON `cases` (`region_code`);--> statement-breakpoint
CREATE TABLE `dispatch_rules` (
	`id` text PRIMARY KEY NOT NULL,
	`priority` integer NOT NULL,
	`zone` text,
	`category` text,
	`region_code` text,
	`unit_code` text NOT NULL,
	`description` text NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	FOREIGN KEY (`unit_code`) REFERENCES `units`(`code`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `files` (
	`id` text PRIMARY KEY NOT NULL,
	`owner_type` text NOT NULL,
	`owner_id` text NOT NULL,
	`case_id` text,
	`kind` text NOT NULL,
	`mime` text NOT NULL,
	`size` integer NOT NULL,
	`sha256` text NOT NULL,
	`storage_key` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `files_case` ON `files` (`case_id`);--> statement-breakpoint
CREATE INDEX `files_owner` ON `files` (`owner_type`,`owner_id`);--> statement-breakpoint
CREATE TABLE `idempotency_keys` (
	`scope` text NOT NULL,
	`key` text NOT NULL,
	`fingerprint` text NOT NULL,
	`status_code` integer NOT NULL,
	`response` text NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`scope`, `key`)
);
--> statement-breakpoint
CREATE TABLE `refresh_tokens` (
	`id` text PRIMARY KEY NOT NULL,
	`family_id` text NOT NULL,
	`subject_type` text NOT NULL,
	`subject_id` text NOT NULL,
	`token_hash` text NOT NULL,
	`expires_at` integer NOT NULL,
	`used_at` integer,
	`revoked_at` integer,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `refresh_tokens_token_hash_unique` ON `refresh_tokens` (`token_hash`);--> statement-breakpoint
CREATE INDEX `refresh_tokens_family` ON `refresh_tokens` (`family_id`);--> statement-breakpoint
CREATE TABLE `residents` (
	`id` text PRIMARY KEY NOT NULL,
	`platform` text NOT NULL,
	`platform_uid` text NOT NULL,
	`name_enc` text,
	`phone_enc` text,
	`phone_hash` text,
	`id_number_enc` text,
	`id_number_hash` text,
	`verified` integer DEFAULT false NOT NULL,
	`created_at` integer NOT NULL,
	`last_login_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `residents_platform_uid` ON `residents` (`platform`,`platform_uid`);--> statement-breakpoint
CREATE INDEX `residents_phone_hash` ON `residents` (`phone_hash`);--> statement-breakpoint
CREATE INDEX `residents_id_number_hash` ON `residents` (`id_number_hash`);--> statement-breakpoint
CREATE TABLE `staff` (
	`id` text PRIMARY KEY NOT NULL,
	`username` text NOT NULL,
	`password_hash` text NOT NULL,
	`name` text NOT NULL,
	`phone_enc` text,
	`role` text NOT NULL,
	`unit_code` text NOT NULL,
	`region_code` text NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`unit_code`) REFERENCES `units`(`code`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `staff_username_unique` ON `staff` (`username`);--> statement-breakpoint
CREATE TABLE `units` (
	`code` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`matters` text NOT NULL
);
