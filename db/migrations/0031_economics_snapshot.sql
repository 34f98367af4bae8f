CREATE TABLE "economics_accounts" (
	"run_id" integer NOT NULL,
	"account_id" integer NOT NULL,
	"tier" smallint NOT NULL,
	"arr" numeric(16, 2),
	"ltv" numeric(20, 0),
	"hours" numeric(14, 6) NOT NULL,
	"due" integer NOT NULL,
	"on_time" integer NOT NULL,
	CONSTRAINT "economics_accounts_run_id_account_id_pk" PRIMARY KEY("run_id","account_id")
);
--> statement-breakpoint
CREATE TABLE "economics_dirty" (
	"account_id" integer PRIMARY KEY NOT NULL,
	"marked_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "economics_runs" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "economics_runs_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"from_date" date NOT NULL,
	"to_date" date NOT NULL,
	"from_at" timestamp with time zone NOT NULL,
	"to_at" timestamp with time zone NOT NULL,
	"rules_stamp" text NOT NULL,
	"built_on" date NOT NULL,
	"built_at" timestamp with time zone DEFAULT now() NOT NULL,
	"refreshed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "economics_accounts" ADD CONSTRAINT "economics_accounts_run_id_economics_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."economics_runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "economics_accounts" ADD CONSTRAINT "economics_accounts_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "economics_accounts_account_idx" ON "economics_accounts" USING btree ("account_id");--> statement-breakpoint
CREATE UNIQUE INDEX "economics_runs_window_key" ON "economics_runs" USING btree ("from_date","to_date","from_at","to_at");--> statement-breakpoint
-- Marks the accounts whose unit economics changed, once per statement
-- (transition tables): their completed activities, their attendance or that
-- of a session they share, their tier, ARR or LTV, their coverage. The
-- instant is the clock's, not the transaction's start, so a mark is never
-- older than the refresh that missed it.
CREATE FUNCTION economics_mark(ids integer[]) RETURNS void LANGUAGE sql AS $$
  INSERT INTO economics_dirty (account_id, marked_at)
    SELECT id, clock_timestamp() FROM (SELECT DISTINCT id FROM unnest(ids) AS id WHERE id IS NOT NULL) d
    ON CONFLICT (account_id) DO UPDATE SET marked_at = excluded.marked_at;
$$;--> statement-breakpoint
CREATE FUNCTION economics_mark_activities() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    PERFORM economics_mark(ARRAY(SELECT account_id FROM economics_new WHERE status = 'completed'));
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    PERFORM economics_mark(ARRAY(SELECT account_id FROM economics_old WHERE status = 'completed'));
  END IF;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER activities_economics_insert AFTER INSERT ON activities REFERENCING NEW TABLE AS economics_new FOR EACH STATEMENT EXECUTE FUNCTION economics_mark_activities();--> statement-breakpoint
CREATE TRIGGER activities_economics_update AFTER UPDATE ON activities REFERENCING OLD TABLE AS economics_old NEW TABLE AS economics_new FOR EACH STATEMENT EXECUTE FUNCTION economics_mark_activities();--> statement-breakpoint
CREATE TRIGGER activities_economics_delete AFTER DELETE ON activities REFERENCING OLD TABLE AS economics_old FOR EACH STATEMENT EXECUTE FUNCTION economics_mark_activities();--> statement-breakpoint
-- A session's hours are shared among the accounts that attended it: a change
-- to one attendance changes every attending account's share.
CREATE FUNCTION economics_mark_invitations() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  changed integer[];
  sessions integer[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(account_id), array_agg(DISTINCT session_id) INTO changed, sessions FROM economics_new WHERE status = 'attended';
  ELSIF TG_OP = 'DELETE' THEN
    SELECT array_agg(account_id), array_agg(DISTINCT session_id) INTO changed, sessions FROM economics_old WHERE status = 'attended';
  ELSE
    SELECT array_agg(n.account_id) || array_agg(o.account_id), array_agg(DISTINCT n.session_id) INTO changed, sessions
      FROM economics_new n JOIN economics_old o ON o.id = n.id
      WHERE (n.status = 'attended') <> (o.status = 'attended') OR (n.status = 'attended' AND n.account_id <> o.account_id);
  END IF;
  IF sessions IS NOT NULL THEN
    PERFORM economics_mark(changed || ARRAY(SELECT account_id FROM program_invitations WHERE session_id = ANY (sessions) AND status = 'attended'));
  END IF;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER program_invitations_economics_insert AFTER INSERT ON program_invitations REFERENCING NEW TABLE AS economics_new FOR EACH STATEMENT EXECUTE FUNCTION economics_mark_invitations();--> statement-breakpoint
CREATE TRIGGER program_invitations_economics_update AFTER UPDATE ON program_invitations REFERENCING OLD TABLE AS economics_old NEW TABLE AS economics_new FOR EACH STATEMENT EXECUTE FUNCTION economics_mark_invitations();--> statement-breakpoint
CREATE TRIGGER program_invitations_economics_delete AFTER DELETE ON program_invitations REFERENCING OLD TABLE AS economics_old FOR EACH STATEMENT EXECUTE FUNCTION economics_mark_invitations();--> statement-breakpoint
CREATE FUNCTION economics_mark_sessions() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM economics_mark(ARRAY(
    SELECT i.account_id FROM program_invitations i
    WHERE i.status = 'attended' AND i.session_id IN (
      SELECT n.id FROM economics_new n JOIN economics_old o ON o.id = n.id
      WHERE (n.starts_at, n.duration_minutes, n.preparation_hours, n.cancelled) IS DISTINCT FROM (o.starts_at, o.duration_minutes, o.preparation_hours, o.cancelled))));
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER program_sessions_economics_update AFTER UPDATE ON program_sessions REFERENCING OLD TABLE AS economics_old NEW TABLE AS economics_new FOR EACH STATEMENT EXECUTE FUNCTION economics_mark_sessions();--> statement-breakpoint
CREATE FUNCTION economics_mark_accounts() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM economics_mark(ARRAY(SELECT id FROM economics_new));
  ELSE
    PERFORM economics_mark(ARRAY(
      SELECT n.id FROM economics_new n JOIN economics_old o ON o.id = n.id
      WHERE (n.tier, n.arr, n.ltv) IS DISTINCT FROM (o.tier, o.arr, o.ltv)));
  END IF;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER accounts_economics_insert AFTER INSERT ON accounts REFERENCING NEW TABLE AS economics_new FOR EACH STATEMENT EXECUTE FUNCTION economics_mark_accounts();--> statement-breakpoint
CREATE TRIGGER accounts_economics_update AFTER UPDATE ON accounts REFERENCING OLD TABLE AS economics_old NEW TABLE AS economics_new FOR EACH STATEMENT EXECUTE FUNCTION economics_mark_accounts();--> statement-breakpoint
CREATE FUNCTION economics_mark_obligations() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    PERFORM economics_mark(ARRAY(SELECT DISTINCT account_id FROM economics_old));
  ELSE
    PERFORM economics_mark(ARRAY(SELECT DISTINCT account_id FROM economics_new));
  END IF;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER coverage_obligations_economics_insert AFTER INSERT ON coverage_obligations REFERENCING NEW TABLE AS economics_new FOR EACH STATEMENT EXECUTE FUNCTION economics_mark_obligations();--> statement-breakpoint
CREATE TRIGGER coverage_obligations_economics_update AFTER UPDATE ON coverage_obligations REFERENCING NEW TABLE AS economics_new FOR EACH STATEMENT EXECUTE FUNCTION economics_mark_obligations();--> statement-breakpoint
CREATE TRIGGER coverage_obligations_economics_delete AFTER DELETE ON coverage_obligations REFERENCING OLD TABLE AS economics_old FOR EACH STATEMENT EXECUTE FUNCTION economics_mark_obligations();
