CREATE TABLE `unrecognised_devices` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`address` text NOT NULL,
	`port` integer NOT NULL,
	`protocol` text NOT NULL,
	`raw_json` text NOT NULL,
	`first_seen_ms` integer NOT NULL,
	`last_seen_ms` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `unrecognised_devices_addr_port_idx` ON `unrecognised_devices` (`address`,`port`);--> statement-breakpoint
ALTER TABLE `rigs` ADD `algorithm` text DEFAULT 'sha256' NOT NULL;