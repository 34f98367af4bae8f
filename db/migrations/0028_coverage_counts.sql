CREATE TABLE "coverage_counts" (
	"due" date NOT NULL,
	"tier" smallint NOT NULL,
	"owner_id" integer,
	"activity_type_id" integer,
	"touch_kind" "touch_kind",
	"every" smallint NOT NULL,
	"unit" "cadence_unit" NOT NULL,
	"status" "obligation_status" NOT NULL,
	"n" integer NOT NULL,
	CONSTRAINT "coverage_counts_key" UNIQUE NULLS NOT DISTINCT("due","tier","owner_id","activity_type_id","touch_kind","every","unit","status")
);
--> statement-breakpoint
ALTER TABLE "coverage_obligations" ADD COLUMN "owner_id" integer;--> statement-breakpoint
CREATE INDEX "coverage_counts_owner_idx" ON "coverage_counts" USING btree ("owner_id","due");--> statement-breakpoint
CREATE INDEX "coverage_obligations_status_idx" ON "coverage_obligations" USING btree ("status","due","id");--> statement-breakpoint
CREATE INDEX "coverage_obligations_owner_status_idx" ON "coverage_obligations" USING btree ("owner_id","status","due","id");--> statement-breakpoint
-- Obligations already worked out take their account's owner, and are counted once.
UPDATE "coverage_obligations" o SET "owner_id" = a."owner_id" FROM "accounts" a WHERE a."id" = o."account_id";--> statement-breakpoint
INSERT INTO "coverage_counts" ("due", "tier", "owner_id", "activity_type_id", "touch_kind", "every", "unit", "status", "n")
  SELECT "due", "tier", "owner_id", "activity_type_id", "touch_kind", "every", "unit", "status", count(*)::int
  FROM "coverage_obligations" WHERE "status" <> 'ended'
  GROUP BY 1, 2, 3, 4, 5, 6, 7, 8;--> statement-breakpoint
-- coverage_counts follows coverage_obligations in the same transaction,
-- once per statement (transition tables), whatever writes or deletes the
-- rows (the coverage job, an account's deletion cascading): the rows a
-- statement removed are subtracted, the rows it added are added.
CREATE FUNCTION coverage_counts_add() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO coverage_counts AS c (due, tier, owner_id, activity_type_id, touch_kind, every, unit, status, n)
    SELECT due, tier, owner_id, activity_type_id, touch_kind, every, unit, status, count(*)::int
    FROM coverage_counted_new WHERE status <> 'ended'
    GROUP BY 1, 2, 3, 4, 5, 6, 7, 8 ORDER BY 1, 2, 3, 4, 5, 6, 7, 8
    ON CONFLICT ON CONSTRAINT coverage_counts_key DO UPDATE SET n = c.n + excluded.n;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE FUNCTION coverage_counts_remove() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO coverage_counts AS c (due, tier, owner_id, activity_type_id, touch_kind, every, unit, status, n)
    SELECT due, tier, owner_id, activity_type_id, touch_kind, every, unit, status, -count(*)::int
    FROM coverage_counted_old WHERE status <> 'ended'
    GROUP BY 1, 2, 3, 4, 5, 6, 7, 8 ORDER BY 1, 2, 3, 4, 5, 6, 7, 8
    ON CONFLICT ON CONSTRAINT coverage_counts_key DO UPDATE SET n = c.n + excluded.n;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER coverage_obligations_count_insert AFTER INSERT ON coverage_obligations REFERENCING NEW TABLE AS coverage_counted_new FOR EACH STATEMENT EXECUTE FUNCTION coverage_counts_add();--> statement-breakpoint
CREATE TRIGGER coverage_obligations_count_delete AFTER DELETE ON coverage_obligations REFERENCING OLD TABLE AS coverage_counted_old FOR EACH STATEMENT EXECUTE FUNCTION coverage_counts_remove();--> statement-breakpoint
CREATE TRIGGER coverage_obligations_count_update_old AFTER UPDATE ON coverage_obligations REFERENCING OLD TABLE AS coverage_counted_old FOR EACH STATEMENT EXECUTE FUNCTION coverage_counts_remove();--> statement-breakpoint
CREATE TRIGGER coverage_obligations_count_update_new AFTER UPDATE ON coverage_obligations REFERENCING NEW TABLE AS coverage_counted_new FOR EACH STATEMENT EXECUTE FUNCTION coverage_counts_add();--> statement-breakpoint
-- An account changing hands moves its obligations (and so their counts) to
-- the new owner at once; the account is also marked for the coverage job, in
-- case a recompute running meanwhile wrote them with the owner it had read.
CREATE FUNCTION coverage_follow_owner() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  WITH moved AS (
    SELECT n.id, n.owner_id FROM coverage_owner_new n JOIN coverage_owner_old o ON o.id = n.id
    WHERE n.owner_id IS DISTINCT FROM o.owner_id
  ), updated AS (
    UPDATE coverage_obligations c SET owner_id = m.owner_id FROM moved m WHERE c.account_id = m.id
  )
  INSERT INTO coverage_dirty (account_id) SELECT id FROM moved
    ON CONFLICT (account_id) DO UPDATE SET marked_at = now();
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER accounts_coverage_owner AFTER UPDATE ON accounts REFERENCING OLD TABLE AS coverage_owner_old NEW TABLE AS coverage_owner_new FOR EACH STATEMENT EXECUTE FUNCTION coverage_follow_owner();
