CREATE TABLE "alert_episodes" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "alert_episodes_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"rule_id" integer NOT NULL,
	"account_id" integer NOT NULL,
	"opened_on" date NOT NULL,
	"tech_touch_on" date,
	"task_on" date,
	"false_since" date,
	"snoozed_until" date,
	"snooze_reason" text,
	"dismissed_on" date,
	"dismiss_reason" text,
	"closed_on" date,
	"values" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "alert_rules" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "alert_rules_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"name" text NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"conditions" jsonb NOT NULL,
	"tiers" smallint[] DEFAULT '{}' NOT NULL,
	"stages" text[] DEFAULT '{}' NOT NULL,
	"first" text DEFAULT 'task' NOT NULL,
	"escalate_after_days" smallint,
	"close_after_days" smallint DEFAULT 7 NOT NULL,
	"task_priority" text DEFAULT 'normal' NOT NULL,
	"task_due_days" smallint DEFAULT 2 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "alert_rules_first" CHECK ("alert_rules"."first" in ('tech_touch', 'task')),
	CONSTRAINT "alert_rules_priority" CHECK ("alert_rules"."task_priority" in ('high', 'normal', 'low')),
	CONSTRAINT "alert_rules_days" CHECK ("alert_rules"."close_after_days" between 0 and 365 and "alert_rules"."task_due_days" between 0 and 90 and ("alert_rules"."escalate_after_days" is null or "alert_rules"."escalate_after_days" between 1 and 365))
);
--> statement-breakpoint
CREATE TABLE "pool_members" (
	"user_id" integer PRIMARY KEY NOT NULL,
	"last_assigned_at" timestamp with time zone,
	"added_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tasks" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "tasks_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"account_id" integer NOT NULL,
	"episode_id" bigint,
	"title" text NOT NULL,
	"why" text,
	"values" jsonb,
	"priority" text DEFAULT 'normal' NOT NULL,
	"due_on" date NOT NULL,
	"owner_id" integer,
	"assigned_why" jsonb,
	"status" text DEFAULT 'open' NOT NULL,
	"snoozed_until" date,
	"estimate_minutes" integer DEFAULT 30 NOT NULL,
	"completed_at" timestamp with time zone,
	"completed_by" integer,
	"completion_note" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tasks_status" CHECK ("tasks"."status" in ('open', 'done', 'cancelled')),
	CONSTRAINT "tasks_priority" CHECK ("tasks"."priority" in ('high', 'normal', 'low'))
);
--> statement-breakpoint
ALTER TABLE "alert_episodes" ADD CONSTRAINT "alert_episodes_rule_id_alert_rules_id_fk" FOREIGN KEY ("rule_id") REFERENCES "public"."alert_rules"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alert_episodes" ADD CONSTRAINT "alert_episodes_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alert_rules" ADD CONSTRAINT "alert_rules_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pool_members" ADD CONSTRAINT "pool_members_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_episode_id_alert_episodes_id_fk" FOREIGN KEY ("episode_id") REFERENCES "public"."alert_episodes"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_completed_by_users_id_fk" FOREIGN KEY ("completed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "alert_episodes_open_key" ON "alert_episodes" USING btree ("rule_id","account_id") WHERE "alert_episodes"."closed_on" is null;--> statement-breakpoint
CREATE INDEX "alert_episodes_account_idx" ON "alert_episodes" USING btree ("account_id");--> statement-breakpoint
CREATE UNIQUE INDEX "tasks_episode_key" ON "tasks" USING btree ("episode_id");--> statement-breakpoint
CREATE INDEX "tasks_owner_idx" ON "tasks" USING btree ("owner_id","status","due_on");--> statement-breakpoint
CREATE INDEX "tasks_account_idx" ON "tasks" USING btree ("account_id");