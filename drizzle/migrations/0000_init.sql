CREATE TABLE `changes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`ts_ms` integer NOT NULL,
	`kind` text NOT NULL,
	`site_id` integer,
	`rig_id` integer,
	`payload` text DEFAULT '{}' NOT NULL
);
--> statement-breakpoint
CREATE INDEX `changes_ts_idx` ON `changes` (`ts_ms`);--> statement-breakpoint
CREATE TABLE `rig_status` (
	`rig_id` integer PRIMARY KEY NOT NULL,
	`connectivity` text NOT NULL,
	`status` text,
	`last_seen_ms` integer,
	`last_poll_ms` integer NOT NULL,
	`last_error` text,
	`consecutive_failures` integer DEFAULT 0 NOT NULL,
	`reading_json` text,
	FOREIGN KEY (`rig_id`) REFERENCES `rigs`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `rigs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`site_id` integer NOT NULL,
	`address` text NOT NULL,
	`port` integer NOT NULL,
	`driver` text NOT NULL,
	`model` text,
	`nameplate_hashrate_ths` real,
	`nameplate_power_w` real,
	`is_demo` integer DEFAULT false NOT NULL,
	`created_at_ms` integer NOT NULL,
	FOREIGN KEY (`site_id`) REFERENCES `sites`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `rigs_name_unique` ON `rigs` (`name`);--> statement-breakpoint
CREATE INDEX `rigs_site_idx` ON `rigs` (`site_id`);--> statement-breakpoint
CREATE TABLE `samples` (
	`rig_id` integer NOT NULL,
	`ts_ms` integer NOT NULL,
	`status` text NOT NULL,
	`hashrate_ths` real NOT NULL,
	`expected_hashrate_ths` real,
	`power_w` real,
	`power_source` text,
	`efficiency_jth` real,
	`temp_max_c` real,
	`uptime_s` integer,
	`hardware_errors` integer,
	`boards_json` text NOT NULL,
	`fans_json` text NOT NULL,
	`pools_json` text NOT NULL,
	PRIMARY KEY(`rig_id`, `ts_ms`),
	FOREIGN KEY (`rig_id`) REFERENCES `rigs`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `sites` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`time_zone` text DEFAULT 'UTC' NOT NULL,
	`currency` text DEFAULT 'USD' NOT NULL,
	`created_at_ms` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sites_name_unique` ON `sites` (`name`);--> statement-breakpoint
CREATE TABLE `sweeps` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`started_at_ms` integer NOT NULL,
	`duration_ms` integer NOT NULL,
	`ok_count` integer NOT NULL,
	`failed_count` integer NOT NULL,
	`hashrate_ths` real NOT NULL,
	`power_w` real NOT NULL,
	`rigs_online` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `sweeps_started_idx` ON `sweeps` (`started_at_ms`);