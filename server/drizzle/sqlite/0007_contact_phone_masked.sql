ALTER TABLE `cases` ADD `contact_phone_masked` text;--> statement-breakpoint
CREATE INDEX `cases_phone_unmasked` ON `cases` (`id`) WHERE contact_phone_enc is not null and contact_phone_masked is null;