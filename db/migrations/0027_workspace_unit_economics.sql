ALTER TABLE "workspace_settings" ADD COLUMN "csm_hour_cost" numeric(16, 2) DEFAULT '0' NOT NULL;--> statement-breakpoint
ALTER TABLE "workspace_settings" ADD COLUMN "tier1_tooling_cost" numeric(16, 2) DEFAULT '0' NOT NULL;--> statement-breakpoint
ALTER TABLE "workspace_settings" ADD COLUMN "tier2_tooling_cost" numeric(16, 2) DEFAULT '0' NOT NULL;--> statement-breakpoint
ALTER TABLE "workspace_settings" ADD COLUMN "tier3_tooling_cost" numeric(16, 2) DEFAULT '0' NOT NULL;--> statement-breakpoint
ALTER TABLE "workspace_settings" ADD COLUMN "cost_share_threshold_pct" numeric(5, 2) DEFAULT '20' NOT NULL;--> statement-breakpoint
ALTER TABLE "workspace_settings" ADD CONSTRAINT "workspace_settings_costs" CHECK ("workspace_settings"."csm_hour_cost" >= 0 and "workspace_settings"."tier1_tooling_cost" >= 0 and "workspace_settings"."tier2_tooling_cost" >= 0 and "workspace_settings"."tier3_tooling_cost" >= 0);--> statement-breakpoint
ALTER TABLE "workspace_settings" ADD CONSTRAINT "workspace_settings_cost_share" CHECK ("workspace_settings"."cost_share_threshold_pct" > 0 and "workspace_settings"."cost_share_threshold_pct" <= 100);