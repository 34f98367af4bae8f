CREATE TYPE "public"."content_email_status" AS ENUM('not_sent', 'queued', 'sent', 'failed', 'opted_out');--> statement-breakpoint
CREATE TABLE "content_files" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "content_files_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"bytes" "bytea" NOT NULL,
	"sha256" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "content_items" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "content_items_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"kind_id" integer NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"language" "contact_language",
	"tiers" smallint[] DEFAULT '{}' NOT NULL,
	"archived" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "content_kinds" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "content_kinds_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"key" text,
	"name" text,
	"active" boolean DEFAULT true NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "content_kinds_named" CHECK ("content_kinds"."key" is not null or "content_kinds"."name" is not null)
);
--> statement-breakpoint
CREATE TABLE "content_recipients" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "content_recipients_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"share_id" integer NOT NULL,
	"contact_id" integer NOT NULL,
	"token" text NOT NULL,
	"first_opened_at" timestamp with time zone,
	"last_opened_at" timestamp with time zone,
	"open_count" integer DEFAULT 0 NOT NULL,
	"email_status" "content_email_status" DEFAULT 'not_sent' NOT NULL,
	"email_error" text,
	"emailed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "content_shares" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "content_shares_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"item_id" integer NOT NULL,
	"version_id" integer NOT NULL,
	"account_id" integer NOT NULL,
	"batch_id" uuid NOT NULL,
	"shared_by" integer,
	"shared_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "content_versions" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "content_versions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"item_id" integer NOT NULL,
	"number" integer NOT NULL,
	"url" text,
	"file_id" integer,
	"file_name" text,
	"file_type" text,
	"file_size" integer,
	"note" text,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "content_versions_link_or_file" CHECK (("content_versions"."url" is null) <> ("content_versions"."file_id" is null))
);
--> statement-breakpoint
ALTER TABLE "touches" ADD COLUMN "content_share_id" integer;--> statement-breakpoint
ALTER TABLE "touches" ADD COLUMN "content_recipient_id" integer;--> statement-breakpoint
ALTER TABLE "content_items" ADD CONSTRAINT "content_items_kind_id_content_kinds_id_fk" FOREIGN KEY ("kind_id") REFERENCES "public"."content_kinds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "content_items" ADD CONSTRAINT "content_items_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "content_recipients" ADD CONSTRAINT "content_recipients_share_id_content_shares_id_fk" FOREIGN KEY ("share_id") REFERENCES "public"."content_shares"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "content_recipients" ADD CONSTRAINT "content_recipients_contact_id_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."contacts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "content_shares" ADD CONSTRAINT "content_shares_item_id_content_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."content_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "content_shares" ADD CONSTRAINT "content_shares_version_id_content_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."content_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "content_shares" ADD CONSTRAINT "content_shares_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "content_shares" ADD CONSTRAINT "content_shares_shared_by_users_id_fk" FOREIGN KEY ("shared_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "content_versions" ADD CONSTRAINT "content_versions_item_id_content_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."content_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "content_versions" ADD CONSTRAINT "content_versions_file_id_content_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."content_files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "content_versions" ADD CONSTRAINT "content_versions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "content_items_kind_idx" ON "content_items" USING btree ("kind_id");--> statement-breakpoint
CREATE UNIQUE INDEX "content_kinds_key_key" ON "content_kinds" USING btree ("key");--> statement-breakpoint
CREATE UNIQUE INDEX "content_recipients_token_key" ON "content_recipients" USING btree ("token");--> statement-breakpoint
CREATE UNIQUE INDEX "content_recipients_share_contact_key" ON "content_recipients" USING btree ("share_id","contact_id");--> statement-breakpoint
CREATE INDEX "content_recipients_contact_idx" ON "content_recipients" USING btree ("contact_id");--> statement-breakpoint
CREATE INDEX "content_shares_item_idx" ON "content_shares" USING btree ("item_id","shared_at");--> statement-breakpoint
CREATE INDEX "content_shares_batch_idx" ON "content_shares" USING btree ("batch_id");--> statement-breakpoint
CREATE INDEX "content_shares_account_idx" ON "content_shares" USING btree ("account_id","shared_at");--> statement-breakpoint
CREATE UNIQUE INDEX "content_versions_item_number_key" ON "content_versions" USING btree ("item_id","number");--> statement-breakpoint
ALTER TABLE "touches" ADD CONSTRAINT "touches_content_share_id_content_shares_id_fk" FOREIGN KEY ("content_share_id") REFERENCES "public"."content_shares"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "touches" ADD CONSTRAINT "touches_content_recipient_id_content_recipients_id_fk" FOREIGN KEY ("content_recipient_id") REFERENCES "public"."content_recipients"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "touches_content_share_key" ON "touches" USING btree ("content_share_id") WHERE "touches"."content_share_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "touches_content_recipient_key" ON "touches" USING btree ("content_recipient_id") WHERE "touches"."content_recipient_id" is not null;--> statement-breakpoint
-- The kinds the product ships with; admins rename, add and archive.
INSERT INTO "content_kinds" ("key") VALUES ('template'), ('guide'), ('video'), ('help_article'), ('recording'), ('other');
