CREATE TYPE "public"."cadence_unit" AS ENUM('day', 'week', 'month');--> statement-breakpoint
CREATE TYPE "public"."touch_model" AS ENUM('high', 'low', 'tech');--> statement-breakpoint
CREATE TABLE "activity_types" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "activity_types_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"key" text,
	"name" text,
	"touch_model" "touch_model" NOT NULL,
	"requires_executive_sponsor" boolean DEFAULT false NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "activity_types_named" CHECK ("activity_types"."key" is not null or "activity_types"."name" is not null)
);
--> statement-breakpoint
CREATE TABLE "playbook_rules" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "playbook_rules_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"playbook_version_id" integer NOT NULL,
	"position" smallint NOT NULL,
	"activity_type_id" integer NOT NULL,
	"every" smallint NOT NULL,
	"unit" "cadence_unit" NOT NULL,
	"hours" numeric(5, 2) NOT NULL,
	"book_ahead_days" smallint NOT NULL,
	CONSTRAINT "playbook_rules_every" CHECK ("playbook_rules"."every" between 1 and 365),
	CONSTRAINT "playbook_rules_hours" CHECK ("playbook_rules"."hours" > 0 and "playbook_rules"."hours" <= 100),
	CONSTRAINT "playbook_rules_book_ahead" CHECK ("playbook_rules"."book_ahead_days" between 0 and 365)
);
--> statement-breakpoint
CREATE TABLE "playbook_versions" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "playbook_versions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"tier" smallint NOT NULL,
	"version" integer NOT NULL,
	"note" text,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "playbook_versions_tier" CHECK ("playbook_versions"."tier" between 1 and 3)
);
--> statement-breakpoint
ALTER TABLE "playbook_rules" ADD CONSTRAINT "playbook_rules_playbook_version_id_playbook_versions_id_fk" FOREIGN KEY ("playbook_version_id") REFERENCES "public"."playbook_versions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "playbook_rules" ADD CONSTRAINT "playbook_rules_activity_type_id_activity_types_id_fk" FOREIGN KEY ("activity_type_id") REFERENCES "public"."activity_types"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "playbook_versions" ADD CONSTRAINT "playbook_versions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "activity_types_key_key" ON "activity_types" USING btree ("key");--> statement-breakpoint
CREATE INDEX "playbook_rules_version_idx" ON "playbook_rules" USING btree ("playbook_version_id");--> statement-breakpoint
CREATE UNIQUE INDEX "playbook_versions_tier_version_key" ON "playbook_versions" USING btree ("tier","version");