CREATE TABLE `heat_stations` (
	`code` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`address` text NOT NULL,
	`region_code` text NOT NULL,
	`street_code` text,
	`active` integer DEFAULT true NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `heat_stations_region` ON `heat_stations` (`region_code`,`name`);--> statement-breakpoint
CREATE TABLE `housing_projects` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`developer` text NOT NULL,
	`address` text NOT NULL,
	`region_code` text NOT NULL,
	`street_code` text,
	`promised_delivery` text,
	`active` integer DEFAULT true NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `housing_projects_region` ON `housing_projects` (`region_code`,`name`);--> statement-breakpoint
CREATE TABLE `zone_cases` (
	`case_id` text PRIMARY KEY NOT NULL,
	`zone` text NOT NULL,
	`ask` text NOT NULL,
	`project_id` text,
	`station_code` text,
	`employer` text,
	`matter` text,
	`form` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`project_id`) REFERENCES `housing_projects`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`station_code`) REFERENCES `heat_stations`(`code`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `zone_cases_project` ON `zone_cases` (`project_id`);--> statement-breakpoint
CREATE INDEX `zone_cases_station` ON `zone_cases` (`station_code`);--> statement-breakpoint
CREATE INDEX `zone_cases_employer` ON `zone_cases` (`zone`,`employer`);--> statement-breakpoint
ALTER TABLE `cases` ADD `zone_triage` text;