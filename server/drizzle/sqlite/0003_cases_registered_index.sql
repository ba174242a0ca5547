DROP INDEX `cases_region`;--> statement-breakpoint
CREATE INDEX `cases_registered` ON `cases` (`registered_at`,`id`);