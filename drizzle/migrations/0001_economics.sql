CREATE TABLE `economics` (
	`sweep_id` integer NOT NULL,
	`scope` text NOT NULL,
	`scope_id` integer NOT NULL,
	`ts_ms` integer NOT NULL,
	`currency` text NOT NULL,
	`hashrate_ths` real NOT NULL,
	`power_w` real NOT NULL,
	`kwh_per_day` real NOT NULL,
	`btc_per_day` real NOT NULL,
	`revenue_per_day` real NOT NULL,
	`cost_per_day` real NOT NULL,
	`profit_per_day` real NOT NULL,
	`revenue_per_kwh` real,
	`profit_per_kwh` real,
	`breakeven_price_per_kwh` real,
	`breakeven_btc_price` real,
	`hashprice_per_th_day` real NOT NULL,
	`price_per_kwh` real,
	`power_estimated_share` real NOT NULL,
	`stale_json` text DEFAULT '[]' NOT NULL,
	PRIMARY KEY(`sweep_id`, `scope`, `scope_id`)
);
--> statement-breakpoint
CREATE INDEX `economics_scope_ts_idx` ON `economics` (`scope`,`scope_id`,`ts_ms`);--> statement-breakpoint
CREATE TABLE `pools` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`base_url` text NOT NULL,
	`credentials_json` text DEFAULT '{}' NOT NULL,
	`fee_pct` real DEFAULT 2 NOT NULL,
	`match_url` text NOT NULL,
	`created_at_ms` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `pools_name_unique` ON `pools` (`name`);--> statement-breakpoint
CREATE TABLE `source_state` (
	`key` text PRIMARY KEY NOT NULL,
	`source` text NOT NULL,
	`payload_json` text,
	`fetched_at_ms` integer,
	`attempted_at_ms` integer,
	`last_error` text
);
--> statement-breakpoint
ALTER TABLE `sites` ADD `tariff_json` text;--> statement-breakpoint
ALTER TABLE `sites` ADD `pue` real DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE `sites` ADD `pool_fee_pct` real DEFAULT 2 NOT NULL;