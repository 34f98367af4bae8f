CREATE TYPE "public"."import_state" AS ENUM('staging', 'applying', 'done', 'failed');--> statement-breakpoint
CREATE TABLE "import_batches" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "import_batches_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"workspace_id" integer DEFAULT 1 NOT NULL,
	"state" "import_state" DEFAULT 'staging' NOT NULL,
	"actor_id" integer,
	"policy_version" integer NOT NULL,
	"rows" integer DEFAULT 0 NOT NULL,
	"applied_through" integer DEFAULT 0 NOT NULL,
	"overtaken" integer DEFAULT 0 NOT NULL,
	"audit" jsonb NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"touched_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "import_rows" (
	"batch_id" integer NOT NULL,
	"seq" integer NOT NULL,
	"account_id" integer,
	"version" integer,
	"from_tier" smallint,
	"tier_changed" boolean DEFAULT false NOT NULL,
	"row" jsonb NOT NULL,
	CONSTRAINT "import_rows_batch_id_seq_pk" PRIMARY KEY("batch_id","seq")
);
--> statement-breakpoint
ALTER TABLE "import_batches" ADD CONSTRAINT "import_batches_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_rows" ADD CONSTRAINT "import_rows_batch_id_import_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."import_batches"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "import_batches_one_active" ON "import_batches" USING btree ("workspace_id") WHERE "import_batches"."state" in ('staging', 'applying');--> statement-breakpoint
CREATE INDEX "import_batches_state_idx" ON "import_batches" USING btree ("state");