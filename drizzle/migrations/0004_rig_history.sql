CREATE TABLE `rig_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`rig_id` integer NOT NULL,
	`ts_ms` integer NOT NULL,
	`kind` text NOT NULL,
	`title` text NOT NULL,
	`detail` text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE INDEX `rig_events_rig_ts_idx` ON `rig_events` (`rig_id`,`ts_ms`);--> statement-breakpoint
CREATE TABLE `rollups` (
	`rig_id` integer NOT NULL,
	`tier` text NOT NULL,
	`bucket_start_ms` integer NOT NULL,
	`hashrate_ths_min` real,
	`hashrate_ths_avg` real,
	`hashrate_ths_max` real,
	`hashrate_ths_n` integer,
	`power_w_min` real,
	`power_w_avg` real,
	`power_w_max` real,
	`power_w_n` integer,
	`temp_max_c_min` real,
	`temp_max_c_avg` real,
	`temp_max_c_max` real,
	`temp_max_c_n` integer,
	`profit_per_kwh_min` real,
	`profit_per_kwh_avg` real,
	`profit_per_kwh_max` real,
	`profit_per_kwh_n` integer,
	PRIMARY KEY(`rig_id`, `tier`, `bucket_start_ms`)
);
--> statement-breakpoint
CREATE INDEX `rollups_tier_bucket_idx` ON `rollups` (`tier`,`bucket_start_ms`);