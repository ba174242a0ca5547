CREATE TABLE `outbound_pushes` (
	`id` text PRIMARY KEY NOT NULL,
	`target` text NOT NULL,
	`case_id` text NOT NULL,
	`payload` text NOT NULL,
	`status` text NOT NULL,
	`attempts` integer NOT NULL,
	`next_attempt_at` integer NOT NULL,
	`last_error` text,
	`external_ref` text,
	`created_at` integer NOT NULL,
	`sent_at` integer,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `outbound_pushes_due` ON `outbound_pushes` (`status`,`next_attempt_at`);--> statement-breakpoint
CREATE INDEX `outbound_pushes_case` ON `outbound_pushes` (`case_id`,`target`);--> statement-breakpoint
CREATE INDEX `outbound_pushes_ref` ON `outbound_pushes` (`target`,`external_ref`);--> statement-breakpoint
CREATE TABLE `webhook_events` (
	`source` text NOT NULL,
	`event_id` text NOT NULL,
	`case_id` text NOT NULL,
	`received_at` integer NOT NULL,
	PRIMARY KEY(`source`, `event_id`),
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `webhook_nonces` (
	`source` text NOT NULL,
	`nonce` text NOT NULL,
	`seen_at` integer NOT NULL,
	PRIMARY KEY(`source`, `nonce`)
);
--> statement-breakpoint
CREATE INDEX `webhook_nonces_seen` ON `webhook_nonces` (`seen_at`);