-- The high-touch activity types and the setup playbooks from DOMAIN.md:
-- Tier 1: regular meeting monthly (1.5 h), QBR quarterly (5 h), on-site visit
-- yearly (8 h). Tier 2 and Tier 3 start without high-touch rules.
INSERT INTO "activity_types" ("key", "touch_model", "requires_executive_sponsor") VALUES
  ('regular_meeting', 'high', false),
  ('qbr', 'high', true),
  ('onsite_visit', 'high', false),
  ('onboarding_session', 'high', false),
  ('executive_briefing', 'high', true);
--> statement-breakpoint
INSERT INTO "playbook_versions" ("tier", "version", "note") VALUES (1, 1, 'Setup defaults'), (2, 1, 'Setup defaults'), (3, 1, 'Setup defaults');
--> statement-breakpoint
INSERT INTO "playbook_rules" ("playbook_version_id", "position", "activity_type_id", "every", "unit", "hours", "book_ahead_days")
SELECT v.id, r.position, t.id, r.every, r.unit::cadence_unit, r.hours, r.book_ahead_days
FROM (VALUES
  (1, 'regular_meeting', 1, 'month', 1.5, 14),
  (2, 'qbr', 3, 'month', 5, 30),
  (3, 'onsite_visit', 12, 'month', 8, 60)
) AS r(position, type_key, every, unit, hours, book_ahead_days)
JOIN "activity_types" t ON t.key = r.type_key
JOIN "playbook_versions" v ON v.tier = 1 AND v.version = 1;
