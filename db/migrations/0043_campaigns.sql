CREATE TYPE "public"."campaign_channel" AS ENUM('email', 'in_app', 'product_tour', 'email_sequence', 'other');--> statement-breakpoint
CREATE TYPE "public"."campaign_outcome" AS ENUM('delivered', 'opened', 'clicked', 'bounced', 'unsubscribed', 'completed');--> statement-breakpoint
CREATE TYPE "public"."campaign_outcome_source" AS ENUM('import', 'api');--> statement-breakpoint
CREATE TYPE "public"."campaign_tool" AS ENUM('hubspot', 'marketo', 'intercom', 'pendo', 'touchplan_smtp', 'other');--> statement-breakpoint
CREATE TABLE "campaign_events" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "campaign_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"campaign_id" integer NOT NULL,
	"account_id" integer NOT NULL,
	"contact_id" integer,
	"recipient" text NOT NULL,
	"outcome" "campaign_outcome" NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"source" "campaign_outcome_source" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "campaign_imports" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "campaign_imports_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"campaign_id" integer NOT NULL,
	"file_name" text NOT NULL,
	"rows" integer NOT NULL,
	"added" integer NOT NULL,
	"duplicates" integer NOT NULL,
	"skipped" integer NOT NULL,
	"imported_by" integer,
	"imported_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "campaigns" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "campaigns_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"key" text NOT NULL,
	"name" text NOT NULL,
	"channel" "campaign_channel" NOT NULL,
	"tool" "campaign_tool" NOT NULL,
	"audience" text DEFAULT '' NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date,
	"goal_event" text,
	"goal_window_days" smallint DEFAULT 14 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "campaigns_key_format" CHECK ("campaigns"."key" ~ '^[a-z0-9][a-z0-9-]{0,62}$'),
	CONSTRAINT "campaigns_dates" CHECK ("campaigns"."ends_on" is null or "campaigns"."ends_on" >= "campaigns"."starts_on"),
	CONSTRAINT "campaigns_goal_window" CHECK ("campaigns"."goal_window_days" between 1 and 365)
);
--> statement-breakpoint
ALTER TABLE "touches" ADD COLUMN "campaign_event_id" bigint;--> statement-breakpoint
ALTER TABLE "campaign_events" ADD CONSTRAINT "campaign_events_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_events" ADD CONSTRAINT "campaign_events_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_events" ADD CONSTRAINT "campaign_events_contact_id_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."contacts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_imports" ADD CONSTRAINT "campaign_imports_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_imports" ADD CONSTRAINT "campaign_imports_imported_by_users_id_fk" FOREIGN KEY ("imported_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "campaign_events_key" ON "campaign_events" USING btree ("campaign_id","recipient","outcome","occurred_at");--> statement-breakpoint
CREATE INDEX "campaign_events_campaign_idx" ON "campaign_events" USING btree ("campaign_id","outcome","account_id","occurred_at");--> statement-breakpoint
CREATE INDEX "campaign_events_account_idx" ON "campaign_events" USING btree ("account_id");--> statement-breakpoint
CREATE INDEX "campaign_events_contact_idx" ON "campaign_events" USING btree ("contact_id") WHERE "campaign_events"."contact_id" is not null;--> statement-breakpoint
CREATE INDEX "campaign_imports_campaign_idx" ON "campaign_imports" USING btree ("campaign_id","imported_at");--> statement-breakpoint
CREATE UNIQUE INDEX "campaigns_key_key" ON "campaigns" USING btree ("key");--> statement-breakpoint
ALTER TABLE "touches" ADD CONSTRAINT "touches_campaign_event_id_campaign_events_id_fk" FOREIGN KEY ("campaign_event_id") REFERENCES "public"."campaign_events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "touches_campaign_event_key" ON "touches" USING btree ("campaign_event_id") WHERE "touches"."campaign_event_id" is not null;