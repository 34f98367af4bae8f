import { auditGroups, isAuditAction } from '@/lib/audit-actions';
import { parsePage } from '@/lib/validation/input';
import { isIsoDate } from '@/lib/dates';

/** The records an audit row can be about, as the log filters by them. */
export const auditEntities = ['account', 'user', 'activity_type', 'playbook', 'tier_policy', 'workspace', 'content_kind'] as const;

export type AuditParams = {
  page: number;
  action?: string;
  actorId?: number;
  entity?: (typeof auditEntities)[number];
  entityId?: string;
  from?: string;
  to?: string;
};

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.trim() || undefined;

function calendarDate(v: string | undefined): string | undefined {
  return v && isIsoDate(v) ? v : undefined;
}

/** The audit log's filters from its URL; anything unknown or malformed is dropped, never an error. */
export function parseAuditParams(params: Record<string, string | string[] | undefined>): AuditParams {
  const action = one(params.action);
  const actor = one(params.actor);
  const entity = auditEntities.find((e) => e === one(params.entity));
  const id = one(params.id);
  return {
    page: parsePage(one(params.page)),
    action: action && ((action.endsWith('.') && auditGroups.includes(action.slice(0, -1))) || isAuditAction(action)) ? action : undefined,
    actorId: actor && /^\d{1,9}$/.test(actor) ? Number(actor) : undefined,
    entity: entity && id && /^\d{1,9}$/.test(id) ? entity : undefined,
    entityId: entity && id && /^\d{1,9}$/.test(id) ? id : undefined,
    from: calendarDate(one(params.from)),
    to: calendarDate(one(params.to)),
  };
}

/** The URL of the log with these filters (empty ones left out). */
export function auditHref(p: AuditParams): string {
  const q = new URLSearchParams();
  if (p.action) q.set('action', p.action);
  if (p.actorId !== undefined) q.set('actor', String(p.actorId));
  if (p.entity && p.entityId) {
    q.set('entity', p.entity);
    q.set('id', p.entityId);
  }
  if (p.from) q.set('from', p.from);
  if (p.to) q.set('to', p.to);
  if (p.page > 1) q.set('page', String(p.page));
  return `/admin/audit${q.size ? `?${q}` : ''}`;
}
