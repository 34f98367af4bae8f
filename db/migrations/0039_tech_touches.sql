ALTER TYPE "public"."touch_kind" ADD VALUE 'alert_nudge';--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "notifications_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"user_id" integer NOT NULL,
	"kind" text NOT NULL,
	"task_id" bigint,
	"override_request_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"read_at" timestamp with time zone,
	CONSTRAINT "notifications_kind" CHECK ("notifications"."kind" in ('task_assigned', 'task_due', 'override_decided'))
);
--> statement-breakpoint
CREATE TABLE "tech_touch_recipients" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "tech_touch_recipients_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"tech_touch_id" bigint NOT NULL,
	"contact_id" integer,
	"email" text NOT NULL,
	"language" text,
	"token" text DEFAULT replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', '') NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"error" text,
	"sent_at" timestamp with time zone,
	CONSTRAINT "tech_touch_recipients_status" CHECK ("tech_touch_recipients"."status" in ('queued', 'sent', 'failed', 'skipped'))
);
--> statement-breakpoint
CREATE TABLE "tech_touches" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "tech_touches_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"episode_id" bigint,
	"rule_id" integer,
	"rule_name" text NOT NULL,
	"account_id" integer NOT NULL,
	"channel" text NOT NULL,
	"subject" text,
	"message" text,
	"status" text DEFAULT 'queued' NOT NULL,
	"attempts" smallint DEFAULT 0 NOT NULL,
	"last_error" text,
	"response_status" smallint,
	"sent_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tech_touches_channel" CHECK ("tech_touches"."channel" in ('email', 'webhook')),
	CONSTRAINT "tech_touches_status" CHECK ("tech_touches"."status" in ('queued', 'sent', 'failed', 'skipped'))
);
--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "digest_email" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "digest_sent_on" date;--> statement-breakpoint
ALTER TABLE "workspace_settings" ADD COLUMN "tech_touch_webhook_url" text;--> statement-breakpoint
ALTER TABLE "workspace_settings" ADD COLUMN "tech_touch_webhook_secret" text;--> statement-breakpoint
ALTER TABLE "touches" ADD COLUMN "tech_touch_id" bigint;--> statement-breakpoint
ALTER TABLE "alert_rules" ADD COLUMN "tech_channel" text;--> statement-breakpoint
ALTER TABLE "alert_rules" ADD COLUMN "tech_subject" text;--> statement-breakpoint
ALTER TABLE "alert_rules" ADD COLUMN "tech_message" text;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_task_id_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."tasks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_override_request_id_tier_override_requests_id_fk" FOREIGN KEY ("override_request_id") REFERENCES "public"."tier_override_requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tech_touch_recipients" ADD CONSTRAINT "tech_touch_recipients_tech_touch_id_tech_touches_id_fk" FOREIGN KEY ("tech_touch_id") REFERENCES "public"."tech_touches"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tech_touch_recipients" ADD CONSTRAINT "tech_touch_recipients_contact_id_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."contacts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tech_touches" ADD CONSTRAINT "tech_touches_episode_id_alert_episodes_id_fk" FOREIGN KEY ("episode_id") REFERENCES "public"."alert_episodes"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tech_touches" ADD CONSTRAINT "tech_touches_rule_id_alert_rules_id_fk" FOREIGN KEY ("rule_id") REFERENCES "public"."alert_rules"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tech_touches" ADD CONSTRAINT "tech_touches_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "notifications_task_key" ON "notifications" USING btree ("user_id","kind","task_id") WHERE "notifications"."task_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "notifications_request_key" ON "notifications" USING btree ("user_id","kind","override_request_id") WHERE "notifications"."override_request_id" is not null;--> statement-breakpoint
CREATE INDEX "notifications_user_idx" ON "notifications" USING btree ("user_id","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE UNIQUE INDEX "tech_touch_recipients_key" ON "tech_touch_recipients" USING btree ("tech_touch_id","contact_id");--> statement-breakpoint
CREATE UNIQUE INDEX "tech_touch_recipients_token_key" ON "tech_touch_recipients" USING btree ("token");--> statement-breakpoint
CREATE INDEX "tech_touch_recipients_queued_idx" ON "tech_touch_recipients" USING btree ("tech_touch_id") WHERE "tech_touch_recipients"."status" = 'queued';--> statement-breakpoint
CREATE UNIQUE INDEX "tech_touches_episode_key" ON "tech_touches" USING btree ("episode_id");--> statement-breakpoint
CREATE INDEX "tech_touches_account_idx" ON "tech_touches" USING btree ("account_id","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "tech_touches_status_idx" ON "tech_touches" USING btree ("status") WHERE "tech_touches"."status" = 'queued';--> statement-breakpoint
ALTER TABLE "touches" ADD CONSTRAINT "touches_tech_touch_id_tech_touches_id_fk" FOREIGN KEY ("tech_touch_id") REFERENCES "public"."tech_touches"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "touches_tech_touch_key" ON "touches" USING btree ("tech_touch_id") WHERE "touches"."tech_touch_id" is not null;--> statement-breakpoint
-- Rules saved with a tech-touch first rung before channels existed send through the webhook.
UPDATE "alert_rules" SET "tech_channel" = 'webhook' WHERE "first" = 'tech_touch' AND "tech_channel" IS NULL;--> statement-breakpoint
ALTER TABLE "alert_rules" ADD CONSTRAINT "alert_rules_channel" CHECK ("alert_rules"."tech_channel" in ('email', 'webhook') or ("alert_rules"."tech_channel" is null and "alert_rules"."first" = 'task'));