CREATE TYPE "public"."obligation_status" AS ENUM('on_time', 'late', 'missed', 'overdue', 'not_yet_due', 'ended');--> statement-breakpoint
CREATE TABLE "coverage_obligations" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "coverage_obligations_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"account_id" integer NOT NULL,
	"tier" smallint NOT NULL,
	"activity_type_id" integer,
	"touch_kind" "touch_kind",
	"every" smallint NOT NULL,
	"unit" "cadence_unit" NOT NULL,
	"due" date NOT NULL,
	"deadline" date NOT NULL,
	"met_on" date,
	"status" "obligation_status" NOT NULL
);
--> statement-breakpoint
CREATE TABLE "coverage_runs" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "coverage_runs_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"scope" text NOT NULL,
	"as_of" date NOT NULL,
	"accounts" integer NOT NULL,
	"finished_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "coverage_runs_scope" CHECK ("coverage_runs"."scope" in ('all', 'accounts'))
);
--> statement-breakpoint
ALTER TABLE "workspace_settings" ADD COLUMN "coverage_grace_days" smallint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "coverage_obligations" ADD CONSTRAINT "coverage_obligations_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coverage_obligations" ADD CONSTRAINT "coverage_obligations_activity_type_id_activity_types_id_fk" FOREIGN KEY ("activity_type_id") REFERENCES "public"."activity_types"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "coverage_obligations_due_idx" ON "coverage_obligations" USING btree ("due");--> statement-breakpoint
CREATE INDEX "coverage_obligations_account_idx" ON "coverage_obligations" USING btree ("account_id","due");--> statement-breakpoint
CREATE INDEX "coverage_runs_finished_idx" ON "coverage_runs" USING btree ("finished_at");--> statement-breakpoint
ALTER TABLE "workspace_settings" ADD CONSTRAINT "workspace_settings_grace_days" CHECK ("workspace_settings"."coverage_grace_days" between 0 and 90);