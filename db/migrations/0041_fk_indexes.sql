CREATE INDEX "tier_override_requests_account_idx" ON "tier_override_requests" USING btree ("account_id");--> statement-breakpoint
CREATE INDEX "touches_contact_idx" ON "touches" USING btree ("contact_id") WHERE "touches"."contact_id" is not null;--> statement-breakpoint
CREATE INDEX "usage_users_account_idx" ON "usage_users" USING btree ("account_id") WHERE "usage_users"."account_id" is not null;--> statement-breakpoint
CREATE INDEX "notifications_task_idx" ON "notifications" USING btree ("task_id") WHERE "notifications"."task_id" is not null;--> statement-breakpoint
CREATE INDEX "notifications_request_idx" ON "notifications" USING btree ("override_request_id") WHERE "notifications"."override_request_id" is not null;--> statement-breakpoint
CREATE INDEX "tech_touch_recipients_contact_idx" ON "tech_touch_recipients" USING btree ("contact_id") WHERE "tech_touch_recipients"."contact_id" is not null;--> statement-breakpoint
CREATE INDEX "tech_touches_rule_idx" ON "tech_touches" USING btree ("rule_id");--> statement-breakpoint
-- An update of every account (a re-tier) with no external id or domain
-- changed: the old test joined the statement's new and old rows in a nested
-- loop (100,000 × 100,000; over ten minutes). A set difference is one pass.
CREATE OR REPLACE FUNCTION usage_attribute_accounts() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    IF NOT EXISTS (SELECT id, external_id, domain FROM usage_new EXCEPT ALL SELECT id, external_id, domain FROM usage_old) THEN
      RETURN NULL;
    END IF;
  END IF;
  UPDATE usage_events e SET account_id = n.id FROM usage_new n
    WHERE e.account_id IS NULL AND e.group_id IS NOT NULL AND (e.group_id = n.external_id OR lower(e.group_id) = lower(n.domain));
  UPDATE usage_users u SET account_id = n.id FROM usage_new n
    WHERE u.account_id IS NULL AND u.group_id IS NOT NULL AND (u.group_id = n.external_id OR lower(u.group_id) = lower(n.domain));
  RETURN NULL;
END $$;
