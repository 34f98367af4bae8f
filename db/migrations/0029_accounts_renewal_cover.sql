-- The home pages' renewal figures (count and ARR by month, in the next 90
-- days, per owner) read this index alone, never the accounts' rows.
CREATE INDEX IF NOT EXISTS "accounts_renewal_cover_idx" ON "accounts" USING btree ("renewal_date") INCLUDE ("arr", "owner_id");
