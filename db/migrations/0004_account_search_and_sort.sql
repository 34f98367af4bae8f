ALTER TABLE "accounts" ADD COLUMN "name_lower" text GENERATED ALWAYS AS (lower(name)) STORED NOT NULL;--> statement-breakpoint
ALTER TABLE "accounts" ADD COLUMN "domain_lower" text GENERATED ALWAYS AS (lower(domain)) STORED NOT NULL;--> statement-breakpoint
CREATE INDEX "accounts_name_lower_desc_idx" ON "accounts" USING btree (lower("name") desc nulls last);--> statement-breakpoint
CREATE INDEX "accounts_arr_desc_idx" ON "accounts" USING btree ("arr" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "accounts_ltv_desc_idx" ON "accounts" USING btree ("ltv" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "accounts_renewal_desc_idx" ON "accounts" USING btree ("renewal_date" DESC NULLS LAST);