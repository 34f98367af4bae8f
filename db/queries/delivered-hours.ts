import { sql } from 'drizzle-orm';

// Hours delivered, as DOMAIN.md ("Capacity and unit economics") defines them,
// in one place for the per-person figure (capacity.ts) and the per-account
// one (economics.ts), so the two cannot drift apart:
// - a completed activity counts the hours of the playbook rule it fulfils —
//   the rule of the account's tier's current playbook with that activity
//   type, preparation included — else its own length;
// - a one-to-many program session counts its hours (length + preparation):
//   for capacity once for each of its hosts, for cost shared equally among
//   the accounts it served (its attendees' accounts).

/**
 * (tier, activity_type_id, hours): the hours a completed activity of that
 * type delivers on an account of that tier, from each tier's current
 * playbook version; rules owing no hours (one-to-many) are left out, and of
 * two rules naming one type the larger counts.
 */
export const deliveredRuleHours = sql`
  select v.tier, r.activity_type_id, max(r.hours) as hours
  from playbook_rules r join playbook_versions v on v.id = r.playbook_version_id
  where (v.tier, v.version) in (select tier, max(version) from playbook_versions group by tier) and r.activity_type_id is not null and r.hours > 0
  group by v.tier, r.activity_type_id`;

/** A program session's hours (alias `s`): its length plus its preparation. */
export const sessionHours = sql`(s.duration_minutes / 60.0 + s.preparation_hours)`;
