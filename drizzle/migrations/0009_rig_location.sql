ALTER TABLE `rigs` ADD `location_building` text;--> statement-breakpoint
ALTER TABLE `rigs` ADD `location_rack` text;--> statement-breakpoint
ALTER TABLE `rigs` ADD `location_position` text;