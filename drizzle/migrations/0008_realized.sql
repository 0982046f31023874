CREATE TABLE `realized_cursors` (
	`rig_id` integer PRIMARY KEY NOT NULL,
	`last_reading_ms` integer,
	`last_poll_ms` integer
);
--> statement-breakpoint
CREATE TABLE `realized_rig_days` (
	`rig_id` integer NOT NULL,
	`day` text NOT NULL,
	`site_id` integer NOT NULL,
	`currency` text NOT NULL,
	`kwh` real DEFAULT 0 NOT NULL,
	`kwh_unpriced` real DEFAULT 0 NOT NULL,
	`cost` real DEFAULT 0 NOT NULL,
	`btc` real DEFAULT 0 NOT NULL,
	`revenue` real DEFAULT 0 NOT NULL,
	`kwh_revenue_unknown` real DEFAULT 0 NOT NULL,
	`cost_revenue_unknown` real DEFAULT 0 NOT NULL,
	`observed_rig_hours` real DEFAULT 0 NOT NULL,
	`up_rig_hours` real DEFAULT 0 NOT NULL,
	`losing_rig_hours` real DEFAULT 0 NOT NULL,
	`kwh_meter` real DEFAULT 0 NOT NULL,
	`kwh_firmware` real DEFAULT 0 NOT NULL,
	`kwh_override` real DEFAULT 0 NOT NULL,
	`kwh_estimated` real DEFAULT 0 NOT NULL,
	`ths_hours` real DEFAULT 0 NOT NULL,
	PRIMARY KEY(`rig_id`, `day`)
);
--> statement-breakpoint
CREATE TABLE `realized_site_days` (
	`site_id` integer NOT NULL,
	`day` text NOT NULL,
	`currency` text NOT NULL,
	`kwh` real DEFAULT 0 NOT NULL,
	`kwh_unpriced` real DEFAULT 0 NOT NULL,
	`cost` real DEFAULT 0 NOT NULL,
	`btc` real DEFAULT 0 NOT NULL,
	`revenue` real DEFAULT 0 NOT NULL,
	`kwh_revenue_unknown` real DEFAULT 0 NOT NULL,
	`cost_revenue_unknown` real DEFAULT 0 NOT NULL,
	`observed_rig_hours` real DEFAULT 0 NOT NULL,
	`up_rig_hours` real DEFAULT 0 NOT NULL,
	`losing_rig_hours` real DEFAULT 0 NOT NULL,
	`kwh_meter` real DEFAULT 0 NOT NULL,
	`kwh_firmware` real DEFAULT 0 NOT NULL,
	`kwh_override` real DEFAULT 0 NOT NULL,
	`kwh_estimated` real DEFAULT 0 NOT NULL,
	`ths_hours` real DEFAULT 0 NOT NULL,
	PRIMARY KEY(`site_id`, `day`)
);
--> statement-breakpoint
CREATE TABLE `realized_site_hours` (
	`site_id` integer NOT NULL,
	`hour_start_ms` integer NOT NULL,
	`day` text NOT NULL,
	`currency` text NOT NULL,
	`fleet_currency` text NOT NULL,
	`cost_fleet` real DEFAULT 0 NOT NULL,
	`revenue_fleet` real DEFAULT 0 NOT NULL,
	`kwh_unconverted` real DEFAULT 0 NOT NULL,
	`kwh` real DEFAULT 0 NOT NULL,
	`kwh_unpriced` real DEFAULT 0 NOT NULL,
	`cost` real DEFAULT 0 NOT NULL,
	`btc` real DEFAULT 0 NOT NULL,
	`revenue` real DEFAULT 0 NOT NULL,
	`kwh_revenue_unknown` real DEFAULT 0 NOT NULL,
	`cost_revenue_unknown` real DEFAULT 0 NOT NULL,
	`observed_rig_hours` real DEFAULT 0 NOT NULL,
	`up_rig_hours` real DEFAULT 0 NOT NULL,
	`losing_rig_hours` real DEFAULT 0 NOT NULL,
	`kwh_meter` real DEFAULT 0 NOT NULL,
	`kwh_firmware` real DEFAULT 0 NOT NULL,
	`kwh_override` real DEFAULT 0 NOT NULL,
	`kwh_estimated` real DEFAULT 0 NOT NULL,
	`ths_hours` real DEFAULT 0 NOT NULL,
	PRIMARY KEY(`site_id`, `hour_start_ms`)
);
--> statement-breakpoint
CREATE INDEX `realized_site_hours_hour_idx` ON `realized_site_hours` (`hour_start_ms`);