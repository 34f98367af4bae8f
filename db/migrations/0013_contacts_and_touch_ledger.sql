CREATE TYPE "public"."contact_language" AS ENUM('ja', 'en');--> statement-breakpoint
CREATE TYPE "public"."contact_role" AS ENUM('champion', 'executive_sponsor', 'admin', 'end_user', 'billing');--> statement-breakpoint
CREATE TYPE "public"."touch_kind" AS ENUM('activity_completed', 'program_invited', 'program_registered', 'program_attended', 'content_shared', 'content_opened', 'campaign_delivered');--> statement-breakpoint
ALTER TYPE "public"."touch_model" ADD VALUE 'community';--> statement-breakpoint
CREATE TABLE "contacts" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "contacts_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"account_id" integer NOT NULL,
	"name" text NOT NULL,
	"email" text NOT NULL,
	"title" text,
	"roles" "contact_role"[] DEFAULT '{}' NOT NULL,
	"language" "contact_language",
	"no_program_emails" boolean DEFAULT false NOT NULL,
	"notes" text,
	"active" boolean DEFAULT true NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "contacts_email_shape" CHECK (position('@' in "contacts"."email") > 1)
);
--> statement-breakpoint
CREATE TABLE "touches" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "touches_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"account_id" integer NOT NULL,
	"kind" "touch_kind" NOT NULL,
	"touch_model" "touch_model" NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"activity_type_id" integer,
	"activity_id" integer,
	"contact_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "contacts" ADD CONSTRAINT "contacts_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contacts" ADD CONSTRAINT "contacts_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "touches" ADD CONSTRAINT "touches_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "touches" ADD CONSTRAINT "touches_activity_type_id_activity_types_id_fk" FOREIGN KEY ("activity_type_id") REFERENCES "public"."activity_types"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "touches" ADD CONSTRAINT "touches_activity_id_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."activities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "touches" ADD CONSTRAINT "touches_contact_id_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."contacts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "contacts_email_lower_key" ON "contacts" USING btree (lower("email"));--> statement-breakpoint
CREATE INDEX "contacts_account_idx" ON "contacts" USING btree ("account_id","name");--> statement-breakpoint
CREATE INDEX "touches_account_occurred_idx" ON "touches" USING btree ("account_id","occurred_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "touches_kind_occurred_idx" ON "touches" USING btree ("kind","occurred_at");--> statement-breakpoint
CREATE UNIQUE INDEX "touches_activity_key" ON "touches" USING btree ("activity_id") WHERE "touches"."activity_id" is not null;--> statement-breakpoint
-- Backfill: every activity already completed is a touch in the ledger.
INSERT INTO "touches" ("account_id", "kind", "touch_model", "occurred_at", "activity_type_id", "activity_id")
SELECT a.account_id, 'activity_completed', t.touch_model, a.starts_at, a.activity_type_id, a.id
FROM "activities" a JOIN "activity_types" t ON t.id = a.activity_type_id
WHERE a.status = 'completed';
