ALTER TABLE "coverage_counts" DROP CONSTRAINT "coverage_counts_key";--> statement-breakpoint
ALTER TABLE "playbook_rules" ADD COLUMN "campaign_id" integer;--> statement-breakpoint
ALTER TABLE "coverage_counts" ADD COLUMN "campaign_id" integer;--> statement-breakpoint
ALTER TABLE "coverage_obligations" ADD COLUMN "campaign_id" integer;--> statement-breakpoint
ALTER TABLE "alert_rules" ADD COLUMN "tech_campaign_id" integer;--> statement-breakpoint
ALTER TABLE "playbook_rules" ADD CONSTRAINT "playbook_rules_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alert_rules" ADD CONSTRAINT "alert_rules_tech_campaign_id_campaigns_id_fk" FOREIGN KEY ("tech_campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coverage_counts" ADD CONSTRAINT "coverage_counts_key" UNIQUE NULLS NOT DISTINCT("due","tier","owner_id","activity_type_id","touch_kind","campaign_id","every","unit","status");--> statement-breakpoint
ALTER TABLE "playbook_rules" ADD CONSTRAINT "playbook_rules_campaign" CHECK ("playbook_rules"."campaign_id" is null or "playbook_rules"."touch_kind" = 'campaign_delivered');--> statement-breakpoint
-- The counts follow the obligations with the campaign as part of the rule.
CREATE OR REPLACE FUNCTION coverage_counts_add() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO coverage_counts AS c (due, tier, owner_id, activity_type_id, touch_kind, campaign_id, every, unit, status, n)
    SELECT due, tier, owner_id, activity_type_id, touch_kind, campaign_id, every, unit, status, count(*)::int
    FROM coverage_counted_new WHERE status <> 'ended'
    GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9 ORDER BY 1, 2, 3, 4, 5, 6, 7, 8, 9
    ON CONFLICT ON CONSTRAINT coverage_counts_key DO UPDATE SET n = c.n + excluded.n;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION coverage_counts_remove() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO coverage_counts AS c (due, tier, owner_id, activity_type_id, touch_kind, campaign_id, every, unit, status, n)
    SELECT due, tier, owner_id, activity_type_id, touch_kind, campaign_id, every, unit, status, -count(*)::int
    FROM coverage_counted_old WHERE status <> 'ended'
    GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9 ORDER BY 1, 2, 3, 4, 5, 6, 7, 8, 9
    ON CONFLICT ON CONSTRAINT coverage_counts_key DO UPDATE SET n = c.n + excluded.n;
  RETURN NULL;
END $$;
