CREATE TABLE "event_mappings" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "event_mappings_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"meaning" text NOT NULL,
	"event" text NOT NULL,
	"score_property" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "event_mappings_meaning" CHECK ("event_mappings"."meaning" in ('login', 'key_feature', 'pricing_view', 'support_ticket', 'nps'))
);
--> statement-breakpoint
CREATE TABLE "usage_daily" (
	"account_id" integer NOT NULL,
	"day" date NOT NULL,
	"event" text NOT NULL,
	"events" integer NOT NULL,
	CONSTRAINT "usage_daily_account_id_day_event_pk" PRIMARY KEY("account_id","day","event")
);
--> statement-breakpoint
CREATE TABLE "usage_user_days" (
	"account_id" integer NOT NULL,
	"day" date NOT NULL,
	"user_key" text NOT NULL,
	CONSTRAINT "usage_user_days_account_id_day_user_key_pk" PRIMARY KEY("account_id","day","user_key")
);
--> statement-breakpoint
CREATE TABLE "account_health" (
	"account_id" integer PRIMARY KEY NOT NULL,
	"day" date NOT NULL,
	"model_version" integer NOT NULL,
	"score" smallint,
	"band" text,
	"data_share" numeric(5, 4) NOT NULL,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "account_pulses" (
	"account_id" integer PRIMARY KEY NOT NULL,
	"pulse" text NOT NULL,
	"note" text,
	"set_by" integer,
	"set_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_on" date NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "account_pulses_pulse" CHECK ("account_pulses"."pulse" in ('green', 'yellow', 'red'))
);
--> statement-breakpoint
CREATE TABLE "account_signals" (
	"account_id" integer PRIMARY KEY NOT NULL,
	"day" date NOT NULL,
	"days_since_seen" integer,
	"active_users_7d" integer,
	"active_users_30d" integer,
	"feature_adoption_pct" numeric(5, 1),
	"usage_trend_pct" numeric(10, 1),
	"pricing_views_7d" integer,
	"tickets_30d" integer,
	"nps" numeric(4, 1),
	"days_since_human_touch" integer,
	"pulse" smallint,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "health_dirty" (
	"account_id" integer PRIMARY KEY NOT NULL,
	"from_day" date NOT NULL,
	"marked_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "health_history" (
	"account_id" integer NOT NULL,
	"day" date NOT NULL,
	"model_version" integer NOT NULL,
	"score" smallint,
	"band" text,
	"data_share" numeric(5, 4) NOT NULL,
	CONSTRAINT "health_history_account_id_day_pk" PRIMARY KEY("account_id","day")
);
--> statement-breakpoint
CREATE TABLE "health_models" (
	"version" integer PRIMARY KEY NOT NULL,
	"components" jsonb NOT NULL,
	"poor_max" smallint DEFAULT 50 NOT NULL,
	"average_max" smallint DEFAULT 75 NOT NULL,
	"note" text,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "health_models_bands" CHECK (0 <= "health_models"."poor_max" and "health_models"."poor_max" < "health_models"."average_max" and "health_models"."average_max" < 100)
);
--> statement-breakpoint
CREATE TABLE "health_runs" (
	"day" date PRIMARY KEY NOT NULL,
	"model_version" integer NOT NULL,
	"accounts" integer NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "workspace_settings" ADD COLUMN "pulse_days" smallint DEFAULT 30 NOT NULL;--> statement-breakpoint
ALTER TABLE "usage_daily" ADD CONSTRAINT "usage_daily_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "usage_user_days" ADD CONSTRAINT "usage_user_days_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "account_health" ADD CONSTRAINT "account_health_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "account_pulses" ADD CONSTRAINT "account_pulses_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "account_pulses" ADD CONSTRAINT "account_pulses_set_by_users_id_fk" FOREIGN KEY ("set_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "account_signals" ADD CONSTRAINT "account_signals_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "health_history" ADD CONSTRAINT "health_history_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "health_models" ADD CONSTRAINT "health_models_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "event_mappings_meaning_event_key" ON "event_mappings" USING btree ("meaning","event");--> statement-breakpoint
CREATE INDEX "usage_daily_day_idx" ON "usage_daily" USING btree ("day");--> statement-breakpoint
CREATE INDEX "usage_user_days_day_idx" ON "usage_user_days" USING btree ("day");--> statement-breakpoint
CREATE INDEX "account_health_band_idx" ON "account_health" USING btree ("band","score");--> statement-breakpoint
CREATE INDEX "usage_events_account_event_idx" ON "usage_events" USING btree ("account_id","event","occurred_at");--> statement-breakpoint
ALTER TABLE "workspace_settings" ADD CONSTRAINT "workspace_settings_pulse_days" CHECK ("workspace_settings"."pulse_days" between 1 and 365);--> statement-breakpoint
INSERT INTO "health_models" ("version", "components", "note") VALUES (1, '[{"key":"active_users","kind":"usage","measure":"active_users_30d","at0":0,"at50":3,"at100":10,"weight":15},{"key":"usage_trend","kind":"usage","measure":"usage_trend","at0":-50,"at50":0,"at100":30,"weight":10},{"key":"last_seen","kind":"engagement","measure":"days_since_seen","at0":30,"at50":7,"at100":1,"weight":20},{"key":"adoption","kind":"engagement","measure":"feature_adoption","at0":0,"at50":40,"at100":80,"weight":15},{"key":"tickets","kind":"support","measure":"tickets_30d","at0":8,"at50":3,"at100":0,"weight":10},{"key":"nps","kind":"survey","measure":"nps","at0":0,"at50":7,"at100":10,"weight":10},{"key":"pulse","kind":"pulse","measure":"pulse","at0":0,"at50":50,"at100":100,"weight":10},{"key":"human_touch","kind":"touch","measure":"days_since_human_touch","at0":120,"at50":60,"at100":14,"weight":10}]'::jsonb, 'Default model');--> statement-breakpoint
-- Rolls attributed usage events up per account and workspace day, once per
-- statement (whatever inserts them, and when a trigger attributes them
-- later), and marks the accounts for the health recompute from the
-- earliest day that changed.
CREATE FUNCTION usage_roll_up() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  tz text := coalesce((SELECT time_zone FROM workspace_settings WHERE id = 1), 'Asia/Tokyo');
BEGIN
  INSERT INTO usage_daily (account_id, day, event, events)
    SELECT account_id, (occurred_at AT TIME ZONE tz)::date, coalesce(event, type), count(*)::int
    FROM usage_rolled WHERE account_id IS NOT NULL AND type IN ('track', 'page', 'screen')
    GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
    ON CONFLICT (account_id, day, event) DO UPDATE SET events = usage_daily.events + excluded.events;
  INSERT INTO usage_user_days (account_id, day, user_key)
    SELECT DISTINCT account_id, (occurred_at AT TIME ZONE tz)::date, user_key
    FROM usage_rolled WHERE account_id IS NOT NULL
    ORDER BY 1, 2, 3
    ON CONFLICT DO NOTHING;
  INSERT INTO health_dirty (account_id, from_day)
    SELECT account_id, min((occurred_at AT TIME ZONE tz)::date) FROM usage_rolled WHERE account_id IS NOT NULL GROUP BY 1 ORDER BY 1
    ON CONFLICT (account_id) DO UPDATE SET from_day = least(health_dirty.from_day, excluded.from_day), marked_at = now();
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER usage_events_roll_up_insert AFTER INSERT ON usage_events REFERENCING NEW TABLE AS usage_rolled FOR EACH STATEMENT EXECUTE FUNCTION usage_roll_up();--> statement-breakpoint
-- Attributed later (usage_attribute_accounts): only the rows that gained an account are rolled up.
CREATE FUNCTION usage_roll_up_attributed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  tz text := coalesce((SELECT time_zone FROM workspace_settings WHERE id = 1), 'Asia/Tokyo');
BEGIN
  INSERT INTO usage_daily (account_id, day, event, events)
    SELECT n.account_id, (n.occurred_at AT TIME ZONE tz)::date, coalesce(n.event, n.type), count(*)::int
    FROM usage_after n JOIN usage_before o ON o.id = n.id AND o.occurred_at = n.occurred_at
    WHERE o.account_id IS NULL AND n.account_id IS NOT NULL AND n.type IN ('track', 'page', 'screen')
    GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
    ON CONFLICT (account_id, day, event) DO UPDATE SET events = usage_daily.events + excluded.events;
  INSERT INTO usage_user_days (account_id, day, user_key)
    SELECT DISTINCT n.account_id, (n.occurred_at AT TIME ZONE tz)::date, n.user_key
    FROM usage_after n JOIN usage_before o ON o.id = n.id AND o.occurred_at = n.occurred_at
    WHERE o.account_id IS NULL AND n.account_id IS NOT NULL
    ORDER BY 1, 2, 3
    ON CONFLICT DO NOTHING;
  INSERT INTO health_dirty (account_id, from_day)
    SELECT n.account_id, min((n.occurred_at AT TIME ZONE tz)::date)
    FROM usage_after n JOIN usage_before o ON o.id = n.id AND o.occurred_at = n.occurred_at
    WHERE o.account_id IS NULL AND n.account_id IS NOT NULL
    GROUP BY 1 ORDER BY 1
    ON CONFLICT (account_id) DO UPDATE SET from_day = least(health_dirty.from_day, excluded.from_day), marked_at = now();
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER usage_events_roll_up_update AFTER UPDATE ON usage_events REFERENCING OLD TABLE AS usage_before NEW TABLE AS usage_after FOR EACH STATEMENT EXECUTE FUNCTION usage_roll_up_attributed();
--> statement-breakpoint
-- A completed activity is a human touch: its account's signals change from that day.
CREATE FUNCTION health_mark_touches() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  tz text := coalesce((SELECT time_zone FROM workspace_settings WHERE id = 1), 'Asia/Tokyo');
BEGIN
  INSERT INTO health_dirty (account_id, from_day)
    SELECT account_id, min((occurred_at AT TIME ZONE tz)::date) FROM health_touched WHERE kind = 'activity_completed' GROUP BY 1 ORDER BY 1
    ON CONFLICT (account_id) DO UPDATE SET from_day = least(health_dirty.from_day, excluded.from_day), marked_at = now();
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER touches_health_insert AFTER INSERT ON touches REFERENCING NEW TABLE AS health_touched FOR EACH STATEMENT EXECUTE FUNCTION health_mark_touches();--> statement-breakpoint
CREATE TRIGGER touches_health_delete AFTER DELETE ON touches REFERENCING OLD TABLE AS health_touched FOR EACH STATEMENT EXECUTE FUNCTION health_mark_touches();
