-- Setup defaults for Tier 3 (tech-touch, issue 15): a campaign delivery every month (an
-- onboarding step email, an in-app message, a tour: any campaign's), as a new version of
-- the Tier 3 playbook. Only where Tier 3's current version still asks for nothing: a
-- playbook an admin edited stays. Admins narrow it to one campaign in the editor.
INSERT INTO "playbook_versions" ("tier", "version", "note")
SELECT 3, v.version + 1, 'Setup defaults: a tech-touch campaign every month'
FROM "playbook_versions" v
WHERE v.tier = 3 AND v.version = (SELECT max(version) FROM "playbook_versions" WHERE tier = 3)
  AND NOT EXISTS (SELECT 1 FROM "playbook_rules" r WHERE r.playbook_version_id = v.id);--> statement-breakpoint
INSERT INTO "playbook_rules" ("playbook_version_id", "position", "touch_kind", "every", "unit", "hours", "book_ahead_days")
SELECT v.id, 0, 'campaign_delivered', 1, 'month', 0, 0
FROM "playbook_versions" v
WHERE v.tier = 3 AND v.note = 'Setup defaults: a tech-touch campaign every month'
  AND NOT EXISTS (SELECT 1 FROM "playbook_rules" x WHERE x.playbook_version_id = v.id);
