ALTER TABLE `cases` ADD `provisional_due` integer DEFAULT false NOT NULL;--> statement-breakpoint
CREATE INDEX `cases_provisional_due` ON `cases` (`id`) WHERE provisional_due = 1;