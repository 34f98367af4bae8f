CREATE TABLE "usage_account_days" (
	"account_id" integer NOT NULL,
	"day" date NOT NULL,
	"events" integer NOT NULL,
	CONSTRAINT "usage_account_days_account_id_day_pk" PRIMARY KEY("account_id","day")
);
--> statement-breakpoint
CREATE TABLE "usage_account_users" (
	"account_id" integer NOT NULL,
	"user_key" text NOT NULL,
	"last_day" date NOT NULL,
	CONSTRAINT "usage_account_users_account_id_user_key_pk" PRIMARY KEY("account_id","user_key")
);
--> statement-breakpoint
CREATE TABLE "usage_last_events" (
	"account_id" integer NOT NULL,
	"event" text NOT NULL,
	"last_day" date NOT NULL,
	"last_at" timestamp with time zone,
	"properties" jsonb,
	CONSTRAINT "usage_last_events_account_id_event_pk" PRIMARY KEY("account_id","event")
);
--> statement-breakpoint
ALTER TABLE "usage_account_days" ADD CONSTRAINT "usage_account_days_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "usage_account_users" ADD CONSTRAINT "usage_account_users_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "usage_last_events" ADD CONSTRAINT "usage_last_events_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "usage_account_days_day_idx" ON "usage_account_days" USING btree ("day");--> statement-breakpoint
CREATE INDEX "usage_daily_event_day_idx" ON "usage_daily" USING btree ("event","day");--> statement-breakpoint
-- One roll-up for both ways events reach an account: inserted with one, or
-- attributed later (an UPDATE that fills account_id). Per statement, the
-- attributed rows update every roll-up at once: events per account, day and
-- name; users per day; events per account and day; each user's and each
-- event name's last day (with the latest properties of names mapped to NPS);
-- and marks the accounts for the health recompute from the earliest day.
DROP TRIGGER usage_events_roll_up_update ON usage_events;--> statement-breakpoint
DROP FUNCTION usage_roll_up_attributed();--> statement-breakpoint
CREATE OR REPLACE FUNCTION usage_roll_up() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE
  tz text := coalesce((SELECT time_zone FROM workspace_settings WHERE id = 1), 'Asia/Tokyo');
  src text := CASE TG_OP WHEN 'INSERT' THEN 'usage_rolled'
    ELSE '(SELECT n.* FROM usage_after n JOIN usage_before o ON o.id = n.id AND o.occurred_at = n.occurred_at WHERE o.account_id IS NULL)' END;
BEGIN
  EXECUTE format($q$
    WITH r AS MATERIALIZED (
      SELECT s.account_id, (s.occurred_at AT TIME ZONE $1)::date AS day, s.occurred_at, s.type IN ('track', 'page', 'screen') AS counted,
        coalesce(s.event, s.type) AS event, s.user_key, s.properties
      FROM %s s WHERE s.account_id IS NOT NULL
    ),
    daily AS (
      INSERT INTO usage_daily (account_id, day, event, events)
      SELECT account_id, day, event, count(*)::int FROM r WHERE counted GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
      ON CONFLICT (account_id, day, event) DO UPDATE SET events = usage_daily.events + excluded.events
    ),
    account_days AS (
      INSERT INTO usage_account_days (account_id, day, events)
      SELECT account_id, day, count(*)::int FROM r WHERE counted GROUP BY 1, 2 ORDER BY 1, 2
      ON CONFLICT (account_id, day) DO UPDATE SET events = usage_account_days.events + excluded.events
    ),
    user_days AS (
      INSERT INTO usage_user_days (account_id, day, user_key)
      SELECT DISTINCT account_id, day, user_key FROM r ORDER BY 1, 2, 3
      ON CONFLICT DO NOTHING
    ),
    account_users AS (
      INSERT INTO usage_account_users (account_id, user_key, last_day)
      SELECT account_id, user_key, max(day) FROM r GROUP BY 1, 2 ORDER BY 1, 2
      ON CONFLICT (account_id, user_key) DO UPDATE SET last_day = greatest(usage_account_users.last_day, excluded.last_day)
    ),
    last_events AS (
      INSERT INTO usage_last_events (account_id, event, last_day, last_at, properties)
      SELECT DISTINCT ON (account_id, event) account_id, event, day, occurred_at,
        CASE WHEN EXISTS (SELECT 1 FROM event_mappings m WHERE m.meaning = 'nps' AND m.event = r.event) THEN properties END
      FROM r WHERE counted ORDER BY account_id, event, occurred_at DESC
      ON CONFLICT (account_id, event) DO UPDATE SET
        last_day = greatest(usage_last_events.last_day, excluded.last_day),
        last_at = CASE WHEN usage_last_events.last_at IS NULL OR excluded.last_at >= usage_last_events.last_at THEN excluded.last_at ELSE usage_last_events.last_at END,
        properties = CASE WHEN usage_last_events.last_at IS NULL OR excluded.last_at >= usage_last_events.last_at THEN excluded.properties ELSE usage_last_events.properties END
    ),
    dirty AS (
      INSERT INTO health_dirty (account_id, from_day)
      SELECT account_id, min(day) FROM r GROUP BY 1 ORDER BY 1
      ON CONFLICT (account_id) DO UPDATE SET from_day = least(health_dirty.from_day, excluded.from_day), marked_at = now()
    )
    SELECT 1$q$, src) USING tz;
  RETURN NULL;
END $fn$;--> statement-breakpoint
CREATE TRIGGER usage_events_roll_up_update AFTER UPDATE ON usage_events REFERENCING OLD TABLE AS usage_before NEW TABLE AS usage_after FOR EACH STATEMENT EXECUTE FUNCTION usage_roll_up();--> statement-breakpoint
-- A name newly mapped to NPS: each account's latest response of that name keeps its properties.
CREATE FUNCTION usage_last_nps() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  UPDATE usage_last_events l SET (last_at, properties) = (
    SELECT e.occurred_at, e.properties FROM usage_events e
    WHERE e.account_id = l.account_id AND e.event = l.event ORDER BY e.occurred_at DESC LIMIT 1)
  WHERE l.event = NEW.event;
  RETURN NULL;
END $fn$;--> statement-breakpoint
CREATE TRIGGER event_mappings_nps AFTER INSERT ON event_mappings FOR EACH ROW WHEN (NEW.meaning = 'nps') EXECUTE FUNCTION usage_last_nps();--> statement-breakpoint
INSERT INTO usage_account_days (account_id, day, events) SELECT account_id, day, sum(events)::int FROM usage_daily GROUP BY 1, 2;--> statement-breakpoint
INSERT INTO usage_account_users (account_id, user_key, last_day) SELECT account_id, user_key, max(day) FROM usage_user_days GROUP BY 1, 2;--> statement-breakpoint
INSERT INTO usage_last_events (account_id, event, last_day) SELECT account_id, event, max(day) FROM usage_daily GROUP BY 1, 2;--> statement-breakpoint
UPDATE usage_last_events l SET (last_at, properties) = (
  SELECT e.occurred_at, e.properties FROM usage_events e
  WHERE e.account_id = l.account_id AND e.event = l.event ORDER BY e.occurred_at DESC LIMIT 1)
WHERE l.event IN (SELECT event FROM event_mappings WHERE meaning = 'nps');
