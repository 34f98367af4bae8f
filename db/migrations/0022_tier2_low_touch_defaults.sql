-- Setup defaults for Tier 2 (low-touch, issue 11): a program invitation monthly, program
-- attendance quarterly and shared content monthly, as a new version of the Tier 2 playbook.
-- Only where Tier 2's current version still asks for nothing: a playbook an admin edited stays.
INSERT INTO "playbook_versions" ("tier", "version", "note")
SELECT 2, v.version + 1, 'Setup defaults: low-touch programs and content'
FROM "playbook_versions" v
WHERE v.tier = 2 AND v.version = (SELECT max(version) FROM "playbook_versions" WHERE tier = 2)
  AND NOT EXISTS (SELECT 1 FROM "playbook_rules" r WHERE r.playbook_version_id = v.id);--> statement-breakpoint
INSERT INTO "playbook_rules" ("playbook_version_id", "position", "touch_kind", "every", "unit", "hours", "book_ahead_days")
SELECT v.id, r.position, r.kind::touch_kind, r.every, r.unit::cadence_unit, 0, 0
FROM "playbook_versions" v,
  (VALUES (0, 'program_invited', 1, 'month'), (1, 'program_attended', 3, 'month'), (2, 'content_shared', 1, 'month')) AS r(position, kind, every, unit)
WHERE v.tier = 2 AND v.note = 'Setup defaults: low-touch programs and content'
  AND NOT EXISTS (SELECT 1 FROM "playbook_rules" x WHERE x.playbook_version_id = v.id);
