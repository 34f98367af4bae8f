ALTER TABLE "import_batches" ADD COLUMN "since_xact" "xid8" DEFAULT pg_snapshot_xmin(pg_current_snapshot()) NOT NULL;--> statement-breakpoint
ALTER TABLE "import_rows" ADD COLUMN "domain" text;--> statement-breakpoint
ALTER TABLE "import_rows" ADD COLUMN "external_id" text;--> statement-breakpoint
CREATE INDEX "import_rows_account_idx" ON "import_rows" USING btree ("batch_id","account_id") WHERE "import_rows"."account_id" is not null;--> statement-breakpoint
CREATE INDEX "import_rows_domain_idx" ON "import_rows" USING btree ("batch_id","domain") WHERE "import_rows"."domain" is not null;--> statement-breakpoint
CREATE INDEX "import_rows_external_id_idx" ON "import_rows" USING btree ("batch_id","external_id") WHERE "import_rows"."external_id" is not null;