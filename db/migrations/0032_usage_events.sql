CREATE TABLE "ingest_rate" (
	"key_id" integer NOT NULL,
	"minute" timestamp with time zone NOT NULL,
	"requests" integer NOT NULL,
	CONSTRAINT "ingest_rate_key_id_minute_pk" PRIMARY KEY("key_id","minute")
);
--> statement-breakpoint
CREATE TABLE "ingest_rejections" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "ingest_rejections_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"key_id" integer,
	"endpoint" text NOT NULL,
	"position" integer NOT NULL,
	"message_id" text,
	"type" text,
	"field" text NOT NULL,
	"reason" text NOT NULL,
	"excerpt" text NOT NULL
);
--> statement-breakpoint
CREATE SEQUENCE "usage_events_id_seq" AS bigint;--> statement-breakpoint
CREATE TABLE "usage_events" (
	"id" bigint DEFAULT nextval('usage_events_id_seq') NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"message_id" text NOT NULL,
	"type" text NOT NULL,
	"event" text,
	"user_key" text NOT NULL,
	"group_id" text,
	"account_id" integer,
	"key_id" integer,
	"properties" jsonb,
	"traits" jsonb,
	CONSTRAINT "usage_events_occurred_at_id_pk" PRIMARY KEY("occurred_at","id")
) PARTITION BY RANGE ("occurred_at");--> statement-breakpoint
ALTER SEQUENCE "usage_events_id_seq" OWNED BY "usage_events"."id";
--> statement-breakpoint
CREATE TABLE "usage_message_ids" (
	"message_id" text PRIMARY KEY NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "usage_users" (
	"user_key" text PRIMARY KEY NOT NULL,
	"group_id" text,
	"account_id" integer,
	"traits" jsonb,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "write_keys" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "write_keys_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"name" text NOT NULL,
	"prefix" text NOT NULL,
	"key_hash" text NOT NULL,
	"rate_per_minute" integer DEFAULT 6000 NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	"revoked_by" integer,
	CONSTRAINT "write_keys_rate" CHECK ("write_keys"."rate_per_minute" between 1 and 1000000)
);
--> statement-breakpoint
ALTER TABLE "workspace_settings" ADD COLUMN "event_retention_months" smallint DEFAULT 13 NOT NULL;--> statement-breakpoint
ALTER TABLE "ingest_rate" ADD CONSTRAINT "ingest_rate_key_id_write_keys_id_fk" FOREIGN KEY ("key_id") REFERENCES "public"."write_keys"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ingest_rejections" ADD CONSTRAINT "ingest_rejections_key_id_write_keys_id_fk" FOREIGN KEY ("key_id") REFERENCES "public"."write_keys"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "usage_events" ADD CONSTRAINT "usage_events_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "usage_users" ADD CONSTRAINT "usage_users_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "write_keys" ADD CONSTRAINT "write_keys_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "write_keys" ADD CONSTRAINT "write_keys_revoked_by_users_id_fk" FOREIGN KEY ("revoked_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "ingest_rejections_received_idx" ON "ingest_rejections" USING btree ("received_at");--> statement-breakpoint
CREATE INDEX "usage_events_account_idx" ON "usage_events" USING btree ("account_id","occurred_at");--> statement-breakpoint
CREATE INDEX "usage_events_received_idx" ON "usage_events" USING btree ("received_at");--> statement-breakpoint
CREATE INDEX "usage_events_unattributed_idx" ON "usage_events" USING btree ("group_id") WHERE "usage_events"."account_id" is null;--> statement-breakpoint
CREATE INDEX "usage_message_ids_received_idx" ON "usage_message_ids" USING btree ("received_at");--> statement-breakpoint
CREATE INDEX "usage_users_unattributed_idx" ON "usage_users" USING btree ("group_id") WHERE "usage_users"."account_id" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "write_keys_hash_key" ON "write_keys" USING btree ("key_hash");--> statement-breakpoint
ALTER TABLE "workspace_settings" ADD CONSTRAINT "workspace_settings_retention" CHECK ("workspace_settings"."event_retention_months" between 1 and 60);--> statement-breakpoint
-- One month of usage_events (UTC months), made when missing; two app
-- instances making the same one at once is not an error.
CREATE FUNCTION usage_events_partition(month date) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  first date := date_trunc('month', month)::date;
BEGIN
  EXECUTE format('CREATE TABLE IF NOT EXISTS %I PARTITION OF usage_events FOR VALUES FROM (%L) TO (%L)',
    'usage_events_' || to_char(first, 'YYYY_MM'), to_char(first, 'YYYY-MM-DD') || ' 00:00:00+00', to_char((first + interval '1 month')::date, 'YYYY-MM-DD') || ' 00:00:00+00');
EXCEPTION WHEN duplicate_table OR unique_violation THEN
  NULL;
END $$;--> statement-breakpoint
-- Events (and users) whose group named no known account are attributed when
-- an account with that external id or domain appears, whatever writes it.
CREATE FUNCTION usage_attribute_accounts() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    IF NOT EXISTS (SELECT 1 FROM usage_new n JOIN usage_old o ON o.id = n.id WHERE (n.external_id, n.domain) IS DISTINCT FROM (o.external_id, o.domain)) THEN
      RETURN NULL;
    END IF;
  END IF;
  UPDATE usage_events e SET account_id = n.id FROM usage_new n
    WHERE e.account_id IS NULL AND e.group_id IS NOT NULL AND (e.group_id = n.external_id OR lower(e.group_id) = lower(n.domain));
  UPDATE usage_users u SET account_id = n.id FROM usage_new n
    WHERE u.account_id IS NULL AND u.group_id IS NOT NULL AND (u.group_id = n.external_id OR lower(u.group_id) = lower(n.domain));
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER accounts_usage_insert AFTER INSERT ON accounts REFERENCING NEW TABLE AS usage_new FOR EACH STATEMENT EXECUTE FUNCTION usage_attribute_accounts();--> statement-breakpoint
CREATE TRIGGER accounts_usage_update AFTER UPDATE ON accounts REFERENCING OLD TABLE AS usage_old NEW TABLE AS usage_new FOR EACH STATEMENT EXECUTE FUNCTION usage_attribute_accounts();
