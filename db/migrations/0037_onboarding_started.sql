ALTER TABLE "accounts" ADD COLUMN "onboarding_started_on" date;--> statement-breakpoint
-- The day an account's lifecycle stage becomes onboarding, in the workspace's
-- zone, whatever writes it (form, import, bulk edit): the alert rule "a key
-- feature still unused N days after onboarding started" counts from it.
-- Accounts created as onboarding count from their creation day (null).
CREATE FUNCTION accounts_onboarding_started() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  IF NEW.lifecycle_stage = 'onboarding' AND OLD.lifecycle_stage IS DISTINCT FROM 'onboarding' THEN
    NEW.onboarding_started_on := (now() AT TIME ZONE coalesce((SELECT time_zone FROM workspace_settings WHERE id = 1), 'Asia/Tokyo'))::date;
  END IF;
  RETURN NEW;
END $fn$;--> statement-breakpoint
CREATE TRIGGER accounts_onboarding_started BEFORE UPDATE OF lifecycle_stage ON accounts FOR EACH ROW EXECUTE FUNCTION accounts_onboarding_started();
