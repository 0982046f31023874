CREATE TABLE `sign_in_attempts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`name_key` text NOT NULL,
	`address_key` text NOT NULL,
	`at_ms` integer NOT NULL,
	`failed_at_ms` integer
);
--> statement-breakpoint
CREATE INDEX `sign_in_attempts_name_idx` ON `sign_in_attempts` (`kind`,`name_key`,`at_ms`);--> statement-breakpoint
CREATE INDEX `sign_in_attempts_address_idx` ON `sign_in_attempts` (`kind`,`address_key`,`at_ms`);--> statement-breakpoint
CREATE INDEX `sign_in_attempts_at_idx` ON `sign_in_attempts` (`at_ms`);