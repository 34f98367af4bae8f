/** The ids of the records a page of audit rows mentions, to read their names in one query. */
export type AuditReferences = { users: number[]; accounts: number[]; activityTypes: number[]; activities: number[]; contacts: number[]; content: number[]; programs: number[]; campaigns: number[] };

type Row = { entity: string; entityId: string | null; before: unknown; after: unknown };

const id = (v: unknown): number | null =>
  typeof v === 'number' && Number.isInteger(v) ? v : typeof v === 'string' && /^\d{1,9}$/.test(v) ? Number(v) : null;

export function auditReferences(rows: readonly Row[]): AuditReferences {
  const users = new Set<number>();
  const accounts = new Set<number>();
  const activityTypes = new Set<number>();
  const activities = new Set<number>();
  const contacts = new Set<number>();
  const content = new Set<number>();
  const programs = new Set<number>();
  const campaigns = new Set<number>();
  const add = (set: Set<number>, v: unknown) => {
    const n = id(v);
    if (n !== null) set.add(n);
  };
  const visit = (side: unknown) => {
    if (!side || typeof side !== 'object' || Array.isArray(side)) return;
    const o = side as Record<string, unknown>;
    add(users, o.ownerId);
    if (Array.isArray(o.hostIds)) o.hostIds.forEach((u) => add(users, u));
    if (Array.isArray(o.internalAttendees)) o.internalAttendees.forEach((u) => add(users, u));
    add(users, (o.handover as { to?: unknown } | undefined)?.to);
    add(users, (o.filter as { ownerId?: unknown } | undefined)?.ownerId);
    add(activityTypes, o.type);
    add(activities, o.activityId);
    add(contacts, o.contactId);
    add(programs, o.programId);
    add(campaigns, o.techCampaignId);
    if (Array.isArray(o.rules))
      o.rules.forEach((r) => {
        const rule = r as { activityTypeId?: unknown; campaignId?: unknown } | null;
        add(activityTypes, rule?.activityTypeId);
        add(campaigns, rule?.campaignId);
      });
    if (Array.isArray(o.activities)) o.activities.forEach((a) => add(activityTypes, (a as { type?: unknown } | null)?.type));
  };
  for (const row of rows) {
    if (row.entity === 'account') add(accounts, row.entityId);
    if (row.entity === 'user') add(users, row.entityId);
    if (row.entity === 'activity_type') add(activityTypes, row.entityId);
    if (row.entity === 'content') add(content, row.entityId);
    if (row.entity === 'program') add(programs, row.entityId);
    if (row.entity === 'campaign') add(campaigns, row.entityId);
    visit(row.before);
    visit(row.after);
  }
  return { users: [...users], accounts: [...accounts], activityTypes: [...activityTypes], activities: [...activities], contacts: [...contacts], content: [...content], programs: [...programs], campaigns: [...campaigns] };
}
