ALTER TABLE "workspace_settings" ADD COLUMN "holiday_country" text;--> statement-breakpoint
ALTER TABLE "workspace_settings" ADD COLUMN "closed_days" jsonb;--> statement-breakpoint
ALTER TABLE "activity_series" ADD COLUMN "on_closed_day" text DEFAULT 'keep' NOT NULL;