DROP INDEX "accounts_owner_idx";--> statement-breakpoint
CREATE INDEX "accounts_owner_idx" ON "accounts" USING btree ("owner_id","tier");