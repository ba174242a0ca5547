CREATE TABLE `cosign_campaigns` (
	`id` text PRIMARY KEY NOT NULL,
	`case_id` text NOT NULL,
	`token_id` text NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`signature_count` integer DEFAULT 0 NOT NULL,
	`closed_at` integer,
	`weapp_qr_key` text,
	`alipay_qr_url` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `cosign_campaigns_case_id_unique` ON `cosign_campaigns` (`case_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `cosign_campaigns_token_id_unique` ON `cosign_campaigns` (`token_id`);--> statement-breakpoint
CREATE TABLE `cosign_signatures` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`campaign_id` text NOT NULL,
	`resident_id` text NOT NULL,
	`identity_hash` text NOT NULL,
	`ip_hash` text NOT NULL,
	`signed_at` integer NOT NULL,
	`withdrawn_at` integer,
	FOREIGN KEY (`campaign_id`) REFERENCES `cosign_campaigns`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`resident_id`) REFERENCES `residents`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `cosign_signatures_once` ON `cosign_signatures` (`campaign_id`,`identity_hash`) WHERE withdrawn_at is null;--> statement-breakpoint
CREATE INDEX `cosign_signatures_campaign` ON `cosign_signatures` (`campaign_id`,`signed_at`);--> statement-breakpoint
CREATE INDEX `cosign_signatures_identity` ON `cosign_signatures` (`identity_hash`,`signed_at`);--> statement-breakpoint
CREATE INDEX `cosign_signatures_ip` ON `cosign_signatures` (`campaign_id`,`ip_hash`,`signed_at`);--> statement-breakpoint
CREATE TABLE `cosign_warnings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`campaign_id` text NOT NULL,
	`case_id` text NOT NULL,
	`kind` text NOT NULL,
	`threshold` integer NOT NULL,
	`to_region` text NOT NULL,
	`count` integer NOT NULL,
	`at` integer NOT NULL,
	`data` text,
	FOREIGN KEY (`campaign_id`) REFERENCES `cosign_campaigns`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `cosign_warnings_once` ON `cosign_warnings` (`campaign_id`,`kind`,`threshold`);--> statement-breakpoint
CREATE INDEX `cosign_warnings_at` ON `cosign_warnings` (`at`);--> statement-breakpoint
ALTER TABLE `residents` ADD `phone_verified_at` integer;