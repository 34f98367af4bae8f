CREATE TABLE "coverage_dirty" (
	"account_id" integer PRIMARY KEY NOT NULL,
	"marked_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "coverage_runs" ADD COLUMN "started_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
-- Marks the accounts whose touches or tier history changed, once per statement
-- (transition tables), so a bulk insert costs one extra statement, not one per row.
CREATE FUNCTION coverage_mark_new() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO coverage_dirty (account_id)
    SELECT DISTINCT n.account_id FROM coverage_new_rows n WHERE EXISTS (SELECT 1 FROM accounts a WHERE a.id = n.account_id)
    ON CONFLICT (account_id) DO UPDATE SET marked_at = now();
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE FUNCTION coverage_mark_old() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO coverage_dirty (account_id)
    SELECT DISTINCT o.account_id FROM coverage_old_rows o WHERE EXISTS (SELECT 1 FROM accounts a WHERE a.id = o.account_id)
    ON CONFLICT (account_id) DO UPDATE SET marked_at = now();
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER touches_coverage_insert AFTER INSERT ON touches REFERENCING NEW TABLE AS coverage_new_rows FOR EACH STATEMENT EXECUTE FUNCTION coverage_mark_new();--> statement-breakpoint
CREATE TRIGGER touches_coverage_update_new AFTER UPDATE ON touches REFERENCING NEW TABLE AS coverage_new_rows FOR EACH STATEMENT EXECUTE FUNCTION coverage_mark_new();--> statement-breakpoint
CREATE TRIGGER touches_coverage_update_old AFTER UPDATE ON touches REFERENCING OLD TABLE AS coverage_old_rows FOR EACH STATEMENT EXECUTE FUNCTION coverage_mark_old();--> statement-breakpoint
CREATE TRIGGER touches_coverage_delete AFTER DELETE ON touches REFERENCING OLD TABLE AS coverage_old_rows FOR EACH STATEMENT EXECUTE FUNCTION coverage_mark_old();--> statement-breakpoint
CREATE TRIGGER tier_history_coverage_insert AFTER INSERT ON tier_history REFERENCING NEW TABLE AS coverage_new_rows FOR EACH STATEMENT EXECUTE FUNCTION coverage_mark_new();
