CREATE TYPE "public"."level" AS ENUM('low', 'medium', 'high');--> statement-breakpoint
CREATE TYPE "public"."lifecycle_stage" AS ENUM('onboarding', 'adopting', 'mature', 'at_risk');--> statement-breakpoint
CREATE TYPE "public"."override_request_status" AS ENUM('pending', 'approved', 'rejected');--> statement-breakpoint
CREATE TYPE "public"."tier_change_kind" AS ENUM('created', 'computed', 'override', 'override_ended', 'policy', 'import');--> statement-breakpoint
CREATE TYPE "public"."tier_source" AS ENUM('computed', 'override');--> statement-breakpoint
CREATE TABLE "accounts" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "accounts_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"name" text NOT NULL,
	"domain" text NOT NULL,
	"external_id" text,
	"industry" text,
	"employees" integer,
	"arr" numeric(16, 2),
	"gross_margin_pct" numeric(5, 2),
	"annual_churn_pct" numeric(5, 2),
	"growth_potential" "level",
	"churn_risk" "level",
	"lifecycle_stage" "lifecycle_stage" DEFAULT 'onboarding' NOT NULL,
	"renewal_date" date,
	"owner_id" integer,
	"notes" text,
	"ltv" numeric(20, 0),
	"computed_tier" smallint NOT NULL,
	"tier" smallint NOT NULL,
	"tier_source" "tier_source" DEFAULT 'computed' NOT NULL,
	"tier_reason" jsonb NOT NULL,
	"override_tier" smallint,
	"override_reason" text,
	"override_until" date,
	"override_by" integer,
	"override_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "accounts_tiers" CHECK ("accounts"."tier" between 1 and 3 and "accounts"."computed_tier" between 1 and 3 and ("accounts"."override_tier" is null or "accounts"."override_tier" between 1 and 3)),
	CONSTRAINT "accounts_pcts" CHECK ("accounts"."gross_margin_pct" between 0 and 100 and "accounts"."annual_churn_pct" between 0 and 100)
);
--> statement-breakpoint
CREATE TABLE "tier_history" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "tier_history_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"account_id" integer NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_id" integer,
	"kind" "tier_change_kind" NOT NULL,
	"from_tier" smallint,
	"to_tier" smallint NOT NULL,
	"reason" jsonb NOT NULL,
	"policy_version" integer
);
--> statement-breakpoint
CREATE TABLE "tier_override_requests" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "tier_override_requests_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"account_id" integer NOT NULL,
	"requested_by" integer NOT NULL,
	"requested_tier" smallint NOT NULL,
	"reason" text NOT NULL,
	"until" date,
	"status" "override_request_status" DEFAULT 'pending' NOT NULL,
	"decided_by" integer,
	"decided_at" timestamp with time zone,
	"decision_note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tier_policies" (
	"version" integer PRIMARY KEY NOT NULL,
	"tier1_threshold" numeric(20, 0) NOT NULL,
	"tier2_threshold" numeric(20, 0) NOT NULL,
	"lifetime_cap_years" numeric(4, 1) NOT NULL,
	"raise_for_growth" boolean NOT NULL,
	"raise_for_churn_risk" boolean NOT NULL,
	"note" text,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "accounts" ADD CONSTRAINT "accounts_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accounts" ADD CONSTRAINT "accounts_override_by_users_id_fk" FOREIGN KEY ("override_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tier_history" ADD CONSTRAINT "tier_history_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tier_history" ADD CONSTRAINT "tier_history_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tier_override_requests" ADD CONSTRAINT "tier_override_requests_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tier_override_requests" ADD CONSTRAINT "tier_override_requests_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tier_override_requests" ADD CONSTRAINT "tier_override_requests_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tier_policies" ADD CONSTRAINT "tier_policies_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "accounts_domain_lower_key" ON "accounts" USING btree (lower("domain"));--> statement-breakpoint
CREATE UNIQUE INDEX "accounts_external_id_key" ON "accounts" USING btree ("external_id");--> statement-breakpoint
CREATE INDEX "accounts_owner_idx" ON "accounts" USING btree ("owner_id");--> statement-breakpoint
CREATE INDEX "accounts_tier_idx" ON "accounts" USING btree ("tier");--> statement-breakpoint
CREATE INDEX "accounts_name_lower_idx" ON "accounts" USING btree (lower("name"));--> statement-breakpoint
CREATE INDEX "accounts_arr_idx" ON "accounts" USING btree ("arr");--> statement-breakpoint
CREATE INDEX "accounts_ltv_idx" ON "accounts" USING btree ("ltv");--> statement-breakpoint
CREATE INDEX "accounts_renewal_idx" ON "accounts" USING btree ("renewal_date");--> statement-breakpoint
CREATE INDEX "accounts_override_until_idx" ON "accounts" USING btree ("override_until");--> statement-breakpoint
CREATE INDEX "tier_history_account_idx" ON "tier_history" USING btree ("account_id","at");--> statement-breakpoint
CREATE INDEX "tier_override_requests_status_idx" ON "tier_override_requests" USING btree ("status","created_at");