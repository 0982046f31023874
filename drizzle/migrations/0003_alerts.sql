CREATE TABLE `alert_channels` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`enabled` integer DEFAULT true NOT NULL,
	`config_json` text NOT NULL,
	`created_at_ms` integer NOT NULL,
	`updated_at_ms` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `alert_channels_name_unique` ON `alert_channels` (`name`);--> statement-breakpoint
CREATE TABLE `alert_deliveries` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`channel_id` integer NOT NULL,
	`alert_id` text NOT NULL,
	`state` text NOT NULL,
	`reason` text NOT NULL,
	`group_key` text NOT NULL,
	`created_at_ms` integer NOT NULL,
	`status` text NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_ms` integer NOT NULL,
	`delivered_at_ms` integer,
	`last_error` text
);
--> statement-breakpoint
CREATE INDEX `alert_deliveries_due_idx` ON `alert_deliveries` (`status`,`next_attempt_ms`);--> statement-breakpoint
CREATE INDEX `alert_deliveries_alert_idx` ON `alert_deliveries` (`alert_id`);--> statement-breakpoint
CREATE TABLE `alert_overrides` (
	`scope` text NOT NULL,
	`scope_id` integer NOT NULL,
	`override_json` text NOT NULL,
	`updated_at_ms` integer NOT NULL,
	PRIMARY KEY(`scope`, `scope_id`)
);
--> statement-breakpoint
CREATE TABLE `alert_requests` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`payload_json` text NOT NULL,
	`created_at_ms` integer NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`handled_at_ms` integer,
	`error` text
);
--> statement-breakpoint
CREATE INDEX `alert_requests_status_idx` ON `alert_requests` (`status`);--> statement-breakpoint
CREATE TABLE `alert_states` (
	`key` text PRIMARY KEY NOT NULL,
	`phase` text NOT NULL,
	`pending_since_ms` integer,
	`firing_since_ms` integer,
	`clear_since_ms` integer,
	`alert_id` text,
	`value` real,
	`detail` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `alerts` (
	`id` text PRIMARY KEY NOT NULL,
	`key` text NOT NULL,
	`rule` text NOT NULL,
	`scope` text NOT NULL,
	`subject_id` integer NOT NULL,
	`subject_name` text NOT NULL,
	`site_id` integer,
	`site_name` text,
	`severity` text NOT NULL,
	`title` text NOT NULL,
	`detail` text NOT NULL,
	`value` real,
	`started_at_ms` integer NOT NULL,
	`firing_at_ms` integer NOT NULL,
	`resolved_at_ms` integer,
	`resolve_reason` text,
	`acked_at_ms` integer,
	`acked_by` text,
	`snoozed_until_ms` integer,
	`notified_at_ms` integer
);
--> statement-breakpoint
CREATE INDEX `alerts_resolved_idx` ON `alerts` (`resolved_at_ms`);--> statement-breakpoint
CREATE INDEX `alerts_firing_idx` ON `alerts` (`firing_at_ms`);--> statement-breakpoint
CREATE TABLE `app_settings` (
	`key` text PRIMARY KEY NOT NULL,
	`value_json` text NOT NULL,
	`updated_at_ms` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `rig_maintenance` (
	`rig_id` integer PRIMARY KEY NOT NULL,
	`since_ms` integer NOT NULL,
	`until_ms` integer,
	`note` text DEFAULT '' NOT NULL
);
