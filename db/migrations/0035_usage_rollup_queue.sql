CREATE TABLE "usage_rollup_queue" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "usage_rollup_queue_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"account_id" integer NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"counted" boolean NOT NULL,
	"event" text NOT NULL,
	"user_key" text NOT NULL,
	"properties" jsonb
);
--> statement-breakpoint
-- Usage events reaching an account (inserted with one, or attributed later by
-- an UPDATE that fills account_id) are only queued here, per statement; the
-- health job folds the queue into the roll-ups in bulk (rollUpUsage), so
-- concurrent ingestion requests never wait on each other's roll-up rows.
DROP TRIGGER usage_events_roll_up_insert ON usage_events;--> statement-breakpoint
DROP TRIGGER usage_events_roll_up_update ON usage_events;--> statement-breakpoint
DROP FUNCTION usage_roll_up();--> statement-breakpoint
CREATE FUNCTION usage_queue_roll_up() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE
  src text := CASE TG_OP WHEN 'INSERT' THEN 'usage_rolled'
    ELSE '(SELECT n.* FROM usage_after n JOIN usage_before o ON o.id = n.id AND o.occurred_at = n.occurred_at WHERE o.account_id IS NULL)' END;
BEGIN
  EXECUTE format($q$
    INSERT INTO usage_rollup_queue (account_id, occurred_at, counted, event, user_key, properties)
    SELECT s.account_id, s.occurred_at, s.type IN ('track', 'page', 'screen'), coalesce(s.event, s.type), s.user_key,
      CASE WHEN EXISTS (SELECT 1 FROM event_mappings m WHERE m.meaning = 'nps' AND m.event = s.event) THEN s.properties END
    FROM %s s WHERE s.account_id IS NOT NULL$q$, src);
  RETURN NULL;
END $fn$;--> statement-breakpoint
CREATE TRIGGER usage_events_roll_up_insert AFTER INSERT ON usage_events REFERENCING NEW TABLE AS usage_rolled FOR EACH STATEMENT EXECUTE FUNCTION usage_queue_roll_up();--> statement-breakpoint
CREATE TRIGGER usage_events_roll_up_update AFTER UPDATE ON usage_events REFERENCING OLD TABLE AS usage_before NEW TABLE AS usage_after FOR EACH STATEMENT EXECUTE FUNCTION usage_queue_roll_up();
