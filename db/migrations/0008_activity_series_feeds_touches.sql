CREATE TABLE "activity_series" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "activity_series_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"account_id" integer NOT NULL,
	"activity_type_id" integer NOT NULL,
	"owner_id" integer NOT NULL,
	"recurrence" jsonb NOT NULL,
	"start_date" date NOT NULL,
	"until_date" date NOT NULL,
	"time" text NOT NULL,
	"time_zone" text NOT NULL,
	"duration_minutes" integer NOT NULL,
	"location" text,
	"customer_attendees" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"internal_attendees" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"executive_sponsor" text,
	"agenda" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "activity_series_duration" CHECK ("activity_series"."duration_minutes" between 5 and 1440)
);
--> statement-breakpoint
CREATE TABLE "calendar_feeds" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "calendar_feeds_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"user_id" integer NOT NULL,
	"token_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone,
	"last_used_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "accounts" ADD COLUMN "next_touch_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "accounts" ADD COLUMN "last_touch_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "activities" ADD COLUMN "internal_attendees" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "activities" ADD COLUMN "series_id" integer;--> statement-breakpoint
ALTER TABLE "activities" ADD COLUMN "series_date" date;--> statement-breakpoint
ALTER TABLE "activities" ADD COLUMN "series_detached" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "activities" ADD COLUMN "planned_due" date;--> statement-breakpoint
ALTER TABLE "activity_series" ADD CONSTRAINT "activity_series_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_series" ADD CONSTRAINT "activity_series_activity_type_id_activity_types_id_fk" FOREIGN KEY ("activity_type_id") REFERENCES "public"."activity_types"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_series" ADD CONSTRAINT "activity_series_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_series" ADD CONSTRAINT "activity_series_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendar_feeds" ADD CONSTRAINT "calendar_feeds_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "activity_series_account_idx" ON "activity_series" USING btree ("account_id");--> statement-breakpoint
CREATE UNIQUE INDEX "calendar_feeds_token_hash_key" ON "calendar_feeds" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "calendar_feeds_user_idx" ON "calendar_feeds" USING btree ("user_id");--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_series_id_activity_series_id_fk" FOREIGN KEY ("series_id") REFERENCES "public"."activity_series"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "accounts_next_touch_idx" ON "accounts" USING btree ("next_touch_at");--> statement-breakpoint
CREATE INDEX "accounts_next_touch_desc_idx" ON "accounts" USING btree ("next_touch_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "accounts_last_touch_idx" ON "accounts" USING btree ("last_touch_at");--> statement-breakpoint
CREATE INDEX "accounts_last_touch_desc_idx" ON "accounts" USING btree ("last_touch_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "activities_account_type_starts_idx" ON "activities" USING btree ("account_id","activity_type_id","starts_at");--> statement-breakpoint
CREATE UNIQUE INDEX "activities_series_date_key" ON "activities" USING btree ("series_id","series_date");--> statement-breakpoint
UPDATE "accounts" a SET
	"next_touch_at" = (SELECT min(starts_at) FROM "activities" WHERE account_id = a.id AND status = 'planned'),
	"last_touch_at" = (SELECT max(starts_at) FROM "activities" WHERE account_id = a.id AND status = 'completed')
WHERE EXISTS (SELECT 1 FROM "activities" WHERE account_id = a.id);
