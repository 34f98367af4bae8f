import { healthFilters } from '@/lib/accounts/filters';
import { auditActionKey } from '@/lib/audit-actions';
import { activityTypeLabel } from '@/lib/playbooks/type-label';
import { contentKindLabel } from '@/lib/content/kind-label';
import { programKindLabel } from '@/lib/programs/kind-label';
import { queueLabel } from '@/lib/jobs/queue-label';
import { fieldKinds, formatValue, type AuditFormat, type AuditNames, type Kind } from '@/lib/audit-values';

export type { AuditFormat, AuditNames } from '@/lib/audit-values';

// An audit row as people read it: who did what to which record, in one
// sentence of the reader's language, then only what changed as
// "Label: old → new" with values shown the way the app shows them. The
// row's raw JSON stays in the database and behind a disclosure.

export type AuditRow = {
  action: string;
  entity: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
  actorId: number | null;
  actorName: string | null;
};

export type ChangeLine = { label: string; from?: string; to?: string };

export type AuditDescription = {
  /** A key under `auditLog.sentences`, with its values; `<link>` marks the record's name. */
  sentence: { key: string; values: Record<string, string | number> };
  record?: { name: string; href?: string };
  changes: ChangeLine[];
};

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj | null => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : null);
const num = (v: unknown): number | null => (typeof v === 'number' ? v : typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : null);

type Spec = {
  /** Fields said in the sentence (or meaningless to readers): not listed as changes. */
  omit?: readonly string[];
  /** How this action's fields read where it differs from the shared table. */
  kinds?: Record<string, Kind>;
  /** Label keys (under `auditLog.fields`) where this action's field means something more specific. */
  labels?: Record<string, string>;
  /** Extra values for the sentence; `key` replaces the sentence key (e.g. a bulk variant). */
  sentence?: (row: AuditRow, ctx: Ctx) => { key?: string; values?: Record<string, string | number> };
};

type Ctx = { f: AuditFormat; names: AuditNames };

const signInFailure: Spec = {
  omit: ['email'],
  kinds: { reason: 'signInReason', count: 'number' },
  labels: { count: 'attempts' },
  sentence: (row) => ({ values: { email: String(obj(row.after)?.email ?? '') } }),
};

/** The type of the activity a row names (by id, or by type id for new ones). */
const activityType = (row: AuditRow, { f, names }: Ctx) => {
  const a = { ...obj(row.before), ...obj(row.after) };
  const typeId = num(a.type) ?? names.activityTypeOf.get(num(a.activityId) ?? -1) ?? null;
  const type = typeId === null ? undefined : names.activityTypes.get(typeId);
  return { values: { type: type ? activityTypeLabel(type, (k) => f.t(`playbooks.${k}`)) : f.t('auditLog.values.activity') } };
};

/** The contact a row is about, by its name now (or as written, if it is gone). */
const contactName = (row: AuditRow, { f, names }: Ctx) => {
  const a = { ...obj(row.before), ...obj(row.after) };
  const id = num(a.contactId);
  return { values: { contact: (id !== null ? names.contacts.get(id) : undefined) ?? (typeof a.name === 'string' ? a.name : f.t('auditLog.values.contact')) } };
};

/** The program a row names by id (the record is another), by its title now. */
const programTitle = (row: AuditRow, { f, names }: Ctx) => {
  const id = num(obj(row.after)?.programId);
  return (id !== null ? names.programs.get(id) : undefined) ?? f.t('auditLog.values.program');
};

/** The person as an attendee report named them. */
const attendeeName = (row: AuditRow) => String(obj(row.after)?.attendee ?? '');

/** The minutes someone spent in a session, read as such. */
const attendeeMinutes: Pick<Spec, 'kinds' | 'labels'> = { kinds: { minutes: 'minutes' }, labels: { minutes: 'attendedMinutes' } };

/** The seed writes one summary row for many records: it has a count and no record. */
const bulkOr = (single?: Spec['sentence']): Spec['sentence'] => (row, ctx) => {
  const count = num(obj(row.after)?.count);
  if (row.entityId === null && count !== null) return { key: `${auditActionKey(row.action)}_many`, values: { count } };
  return single ? single(row, ctx) : {};
};

/** A CSV import's summary row: the file in the sentence, the counts labelled as what was imported. */
const csvImport = (labels: { created: string; updated: string; unchanged: string }): Spec => ({
  omit: ['file'],
  labels: { rows: 'importRows', ...labels, skipped: 'importSkipped' },
  sentence: (row) => ({ values: { file: String(obj(row.after)?.file ?? '') } }),
});

// An alert rule's fields are its own page's business: the row names the rule and links there; only the
// campaign its webhook enrols accounts in is listed (a change of it reaches another tool).
// A campaign is named by the name it had then; its settings are on its page.
const campaign: Spec = { omit: ['key', 'name', 'channel', 'tool', 'audience', 'startsOn', 'endsOn', 'goalEvent', 'goalWindowDays', 'version'] };
const alertRule: Spec = {
  omit: ['name', 'enabled', 'conditions', 'tiers', 'stages', 'first', 'techChannel', 'techSubject', 'techMessage', 'escalateAfterDays', 'taskPriority', 'taskDueDays', 'closeAfterDays', 'version'],
};
// The webhook's address is shown; its secret never is (only that it changed).
const alertWebhook: Spec = { omit: ['secretChanged'] };

const specs: Record<string, Spec> = {
  'auth.sign_in_failed': signInFailure,
  'auth.sign_in_throttled': signInFailure,
  'access.denied': {
    kinds: { reason: 'deniedReason' },
    sentence: (row, { f }) => ({ values: { target: deniedTarget(row.entity, f) } }),
  },
  'user.create': { omit: ['name'] },
  'user.deactivate': { omit: ['active'] },
  'user.reactivate': { omit: ['active'] },
  'account.create': { omit: ['name', 'count'], sentence: bulkOr() },
  'account.import': csvImport({ created: 'importCreated', updated: 'importUpdated', unchanged: 'importUnchanged' }),
  'account.export': { omit: ['rows'], sentence: (row) => ({ values: { count: num(obj(row.after)?.rows) ?? 0 } }) },
  'account.approve_override': { labels: { tier: 'requestedTier' } },
  'account.reject_override': { labels: { tier: 'requestedTier' } },
  'tier_policy.apply': {
    omit: ['version'],
    labels: { moved: 'accountsMoved' },
    sentence: (row) => ({ values: { version: num(obj(row.after)?.version) ?? Number(row.entityId) } }),
  },
  'playbook.save': {
    omit: ['version'],
    sentence: (row) => ({ values: { tier: Number(row.entityId), version: num(obj(row.after)?.version) ?? 0 } }),
  },
  'activity_type.create': { kinds: { name: 'typeName' } },
  'activity_type.update': { kinds: { name: 'typeName' } },
  'activity.schedule': { omit: ['type', 'count'], sentence: bulkOr(activityType) },
  'activity.reschedule': { sentence: activityType },
  'activity.complete': { sentence: activityType },
  'activity.cancel': { sentence: activityType },
  'activity.no_show': { sentence: activityType },
  'activity.plan': { sentence: (row) => ({ values: { count: Array.isArray(obj(row.after)?.activities) ? (obj(row.after)!.activities as unknown[]).length : 0 } }) },
  'series.schedule': { omit: ['type'], labels: { time: 'seriesTime' }, sentence: activityType },
  'series.edit': { labels: { deleted: 'occurrencesDeleted', updated: 'occurrencesUpdated', inserted: 'occurrencesInserted', time: 'seriesTime' } },
  'series.cancel_rest': { labels: { cancelled: 'occurrencesCancelled' } },
  'contact.create': { omit: ['name', 'accountId', 'count'], labels: { active: 'contactActive' }, sentence: bulkOr(contactName) },
  'contact.update': { labels: { active: 'contactActive' }, sentence: contactName },
  'contact.import': csvImport({ created: 'contactImportCreated', updated: 'contactImportUpdated', unchanged: 'contactImportUnchanged' }),
  'content.create': { omit: ['title', 'kindId'] },
  'content.update': { omit: ['kindId'] },
  'content.add_version': { omit: ['versionId'] },
  'content.share': { omit: ['batchId', 'audience', 'accountId', 'version', 'emailing', 'count'], sentence: bulkOr() },
  'content_kind.create': { omit: ['key', 'active'], kinds: { name: 'typeName' } },
  'content_kind.update': { omit: ['key'], kinds: { name: 'typeName' } },
  'content_kind.deactivate': { omit: ['key', 'active'], kinds: { name: 'typeName' } },
  'content_kind.reactivate': { omit: ['key', 'active'], kinds: { name: 'typeName' } },
  'program_kind.create': { omit: ['key', 'active'], kinds: { name: 'typeName' } },
  'program_kind.update': { omit: ['key'], kinds: { name: 'typeName' } },
  'program_kind.deactivate': { omit: ['key', 'active'], kinds: { name: 'typeName' } },
  'program_kind.reactivate': { omit: ['key', 'active'], kinds: { name: 'typeName' } },
  'account.pulse': { omit: ['pulse', 'note'] },
  'task.create': { omit: ['taskId', 'title'], sentence: (row) => ({ values: { title: String(obj(row.after)?.title ?? '') } }) },
  'alert.snooze': { omit: ['episodeId', 'ruleName', 'taskId'], sentence: (row) => ({ values: { rule: String(obj(row.after)?.ruleName ?? '') } }) },
  'alert.dismiss': { omit: ['episodeId', 'ruleName', 'taskId'], sentence: (row) => ({ values: { rule: String(obj(row.after)?.ruleName ?? '') } }) },
  'task.complete': { omit: ['taskId', 'title'], sentence: (row) => ({ values: { title: String(obj(row.after)?.title ?? '') } }) },
  'task.snooze': { omit: ['taskId', 'title'], sentence: (row) => ({ values: { title: String(obj(row.after)?.title ?? '') } }) },
  'task.reassign': { omit: ['taskId', 'title'], sentence: (row) => ({ values: { title: String(obj(row.after)?.title ?? '') } }) },
  'write_key.create': { omit: ['name', 'prefix', 'ratePerMinute'] },
  'write_key.revoke': { omit: ['name'] },
  'health_model.apply': { omit: ['version', 'components', 'poorMax', 'averageMax', 'note'] },
  'alert_rule.create': alertRule,
  'alert_rule.update': alertRule,
  'alert_rule.enable': alertRule,
  'alert_rule.disable': alertRule,
  'alert_rule.delete': alertRule,
  'alert_webhook.update': alertWebhook,
  'alert_webhook.rotate': alertWebhook,
  'event_mapping.add': { omit: ['meaning', 'event', 'scoreProperty'] },
  'event_mapping.remove': { omit: ['meaning', 'event', 'scoreProperty'] },
  'job.retry': { omit: ['count', 'jobIds'], sentence: (row) => ({ values: { count: num(obj(row.after)?.count) ?? 0 } }) },
  'campaign.create': campaign,
  'campaign.update': campaign,
  'campaign.import': {
    omit: ['name', 'file', 'encoding', 'mode', 'rows', 'added', 'duplicates', 'skipped', 'deliveries'],
    sentence: (row) => ({ values: { added: num(obj(row.after)?.added) ?? 0, duplicates: num(obj(row.after)?.duplicates) ?? 0 } }),
  },
  'program.create': { omit: ['title', 'kindId', 'sessionId', 'language'] },
  'program.add_session': { omit: ['sessionId'] },
  'program.invite': { omit: ['sessionId', 'audience', 'accountId', 'contacts'] },
  'program.attendance': { omit: ['sessionId'] },
  'program.import_attendance': { omit: ['sessionId', 'tool', 'kind'] },
  'program.add_attendee_contact': {
    omit: ['name', 'programId', 'sessionId', 'invitationId'],
    ...attendeeMinutes,
    sentence: (row, ctx) => ({ values: { ...contactName(row, ctx).values, program: programTitle(row, ctx) } }),
  },
  'program.match_attendee': { omit: ['sessionId', 'invitationId', 'invited'], ...attendeeMinutes, sentence: (row, ctx) => ({ values: { ...contactName(row, ctx).values, attendee: attendeeName(row) } }) },
  'program.dismiss_attendee': { omit: ['sessionId'], sentence: (row) => ({ values: { attendee: attendeeName(row) } }) },
  'program.remind': { omit: ['sessionId'] },
  'calendar_feed.create': { labels: { revokedFeedIds: 'feedsRevoked' } },
  'calendar_feed.revoke': { labels: { revokedFeedIds: 'feedsRevoked' } },
};

/** What a refused request was for: an action or download by its audit name, or a page by its path. */
function deniedTarget(entity: string, f: AuditFormat): string {
  const [kind, ...rest] = entity.split(':');
  const name = rest.join(':');
  if (kind === 'page') return f.t('auditLog.targets.page', { path: name });
  const key = `audit.actions.${auditActionKey(name)}`;
  const label = f.has(key) ? f.t(key) : f.has(`auditLog.targets.names.${auditActionKey(name)}`) ? f.t(`auditLog.targets.names.${auditActionKey(name)}`) : name;
  return f.t('auditLog.targets.action', { name: label });
}

/** A kind named as the row saved it: kinds are few and renamed rarely, and the row keeps the name it had then. */
function kindName(row: AuditRow, label: (kind: { key: string | null; name: string | null }) => string): string {
  const kind = obj(row.after) ?? obj(row.before);
  return kind ? label({ key: typeof kind.key === 'string' ? kind.key : null, name: typeof kind.name === 'string' ? kind.name : null }) : '';
}

function recordOf(row: AuditRow, { f, names }: Ctx): AuditDescription['record'] {
  // A job queue is named, not numbered.
  if (row.entity === 'job_queue' && row.entityId) return { name: queueLabel(row.entityId, f), href: '/admin/jobs' };
  const id = num(row.entityId);
  if (id === null) return undefined;
  switch (row.entity) {
    case 'account':
      return { name: names.accounts.get(id) ?? f.t('auditLog.records.missing', { id }), href: `/accounts/${id}` };
    case 'user':
      return { name: names.users.get(id) ?? f.t('auditLog.records.missing', { id }), href: `/admin/users/${id}` };
    case 'activity_type': {
      const type = names.activityTypes.get(id);
      return { name: type ? activityTypeLabel(type, (k) => f.t(`playbooks.${k}`)) : f.t('auditLog.records.missing', { id }), href: '/admin/playbooks' };
    }
    case 'playbook':
      return { name: f.t('auditLog.records.playbook', { tier: id }), href: '/admin/playbooks' };
    case 'tier_policy':
      return { name: f.t('auditLog.records.tierPolicy', { version: id }), href: '/admin/tiering' };
    case 'content':
      return { name: names.content.get(id) ?? f.t('auditLog.records.missing', { id }), href: `/content/${id}` };
    case 'program':
      return { name: names.programs.get(id) ?? f.t('auditLog.records.missing', { id }), href: `/programs/${id}` };
    case 'workspace':
      return { name: f.t('auditLog.records.workspace'), href: '/admin/workspace' };
    case 'content_kind':
      return { name: kindName(row, (kind) => contentKindLabel(kind, (k) => f.t(`content.${k}`))) || f.t('auditLog.records.missing', { id }), href: '/admin/content-kinds' };
    case 'program_kind':
      return { name: kindName(row, (kind) => programKindLabel(kind, (k) => f.t(`programs.${k}`))) || f.t('auditLog.records.missing', { id }), href: '/admin/program-kinds' };
    case 'health_model':
      return { name: f.t('auditLog.records.healthModel', { version: id }), href: '/admin/health' };
    case 'event_mapping': {
      const event = obj(row.after)?.event ?? obj(row.before)?.event;
      return { name: typeof event === 'string' ? event : f.t('auditLog.records.missing', { id }), href: '/admin/signals' };
    }
    case 'campaign': {
      const name = obj(row.after)?.name ?? obj(row.before)?.name;
      return { name: typeof name === 'string' ? name : f.t('auditLog.records.missing', { id }), href: `/campaigns/${id}` };
    }
    case 'alert_rule': {
      const name = obj(row.after)?.name ?? obj(row.before)?.name;
      return { name: typeof name === 'string' ? name : f.t('auditLog.records.missing', { id }), href: '/admin/alerts' };
    }
    case 'write_key': {
      const name = obj(row.after)?.name ?? obj(row.before)?.name;
      return { name: typeof name === 'string' ? name : f.t('auditLog.records.missing', { id }), href: '/admin/signals' };
    }
    default:
      return undefined;
  }
}

function actorOf(row: AuditRow, f: AuditFormat): string {
  if (row.actorName) return row.actorName;
  if (row.actorId !== null) return f.t('auditLog.records.missing', { id: row.actorId });
  // No actor: a visitor who was not signed in, or the setup (demo seed, command line).
  return f.t(row.action.startsWith('auth.') || row.action === 'access.denied' ? 'auditLog.anonymous' : 'auditLog.system');
}

/** Lines for the fields a value stands for: nested objects read as several lines. */
function expand(field: string, value: unknown, ctx: Ctx, spec: Spec): ChangeLine[] {
  const { f } = ctx;
  const label = (key: string) => f.t(`auditLog.fields.${key}`);
  if (field === 'handover') {
    const h = obj(value);
    if (!h) return [];
    const to = h.to === 'spread' ? f.t('auditLog.values.spread') : formatValue('user', h.to, ctx);
    return [
      { label: label('handoverTo'), to },
      { label: label('handoverAccounts'), to: formatValue('number', h.accounts, ctx) },
      { label: label('handoverActivities'), to: formatValue('number', h.activities, ctx) },
    ];
  }
  if (field === 'filter') {
    const filter = obj(value) ?? {};
    const lines: ChangeLine[] = [];
    const add = (key: string, text: string) => lines.push({ label: label(key), to: text });
    if (typeof filter.q === 'string' && filter.q) add('search', `“${filter.q}”`);
    if (Array.isArray(filter.tiers) && filter.tiers.length) add('tier', filter.tiers.map((t) => formatValue('tier', t, ctx)).join(', '));
    if (filter.ownerId !== undefined && filter.ownerId !== null) add('ownerId', filter.ownerId === 'none' ? f.t('accounts.ownerNone') : formatValue('user', filter.ownerId, ctx));
    if (typeof filter.stage === 'string') add('lifecycleStage', formatValue('stage', filter.stage, ctx));
    if (typeof filter.renewalWithinDays === 'number') add('renewalDate', f.t('accounts.renewalWithin', { days: filter.renewalWithinDays }));
    if (typeof filter.tierSource === 'string') add('tierSource', formatValue('tierSource', filter.tierSource, ctx));
    // One band before health could be several (older rows), a list since.
    const bands = typeof filter.health === 'string' ? [filter.health] : Array.isArray(filter.health) ? filter.health : [];
    const band = (b: unknown) => (b === 'none' ? f.t('health.model.noScore') : healthFilters.some((h) => h === b) ? f.t(`health.bands.${String(b)}`) : String(b));
    if (bands.length) add('health', bands.map(band).join(', '));
    return lines.length ? lines : [{ label: label('filter'), to: f.t('auditLog.values.noFilter') }];
  }
  if (field === 'activities' && Array.isArray(value)) {
    const lines = value.slice(0, shownActivities).map((a) => {
      const item = obj(a) ?? {};
      const type = activityType({ action: '', entity: '', entityId: null, before: null, after: item, actorId: null, actorName: null }, ctx).values.type;
      return { label: type, to: formatValue('dateTime', item.startsAt, ctx) };
    });
    const more = value.length - lines.length;
    return more > 0 ? [...lines, { label: f.t('auditLog.values.more'), to: formatValue('number', more, ctx) }] : lines;
  }
  const kind = spec.kinds?.[field] ?? fieldKinds[field];
  if (!kind) return [];
  return [{ label: label(spec.labels?.[field] ?? field), to: formatValue(kind, value, ctx) }];
}

/** A plan can create dozens of activities on one account: the first few are listed, then how many more. */
const shownActivities = 5;

const tableOrder = Object.keys(fieldKinds);
const fieldOrder = (field: string) => {
  const i = tableOrder.indexOf(field);
  return i === -1 ? tableOrder.length : i;
};

const isEmpty = (v: unknown) => v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0);

/**
 * Describes one audit row. `names` holds the names of every record the page's
 * rows mention (one query for the page, see `auditReferences`).
 */
export function describeAuditRow(row: AuditRow, f: AuditFormat, names: AuditNames): AuditDescription {
  const ctx: Ctx = { f, names };
  const spec = specs[row.action] ?? {};
  const extra = spec.sentence?.(row, ctx) ?? {};
  const record = recordOf(row, ctx);
  const sentence = {
    key: extra.key ?? auditActionKey(row.action),
    values: { actor: actorOf(row, f), record: record?.name ?? '', ...extra.values },
  };

  const before = obj(row.before);
  const after = obj(row.after);
  const omit = new Set(['source', ...(spec.omit ?? [])]);
  const changes: ChangeLine[] = [];
  // In the order of the field table (an account's fields as its form lists them), whatever order the row kept.
  const fields = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])].filter((k) => !omit.has(k)).sort((a, b) => fieldOrder(a) - fieldOrder(b));
  for (const field of fields) {
    const inBefore = before !== null && field in before;
    const inAfter = after !== null && field in after;
    // A field only in `before` of a row that also has `after` is context (the old row), not a removal.
    if (!inAfter && after !== null) continue;
    if (inBefore && inAfter) {
      // Completing early moves the start: the old start is kept as `movedFrom`.
      const [from] = expand(field, before![field], ctx, spec);
      const [to] = expand(field, after![field], ctx, spec);
      if (!from || !to || from.to === to.to) continue;
      changes.push({ label: to.label, from: from.to, to: to.to });
    } else if (inAfter) {
      if (field === 'movedFrom') continue;
      if (field === 'startsAt' && after!.movedFrom !== undefined) {
        const [line] = expand(field, after![field], ctx, spec);
        if (line) changes.push({ ...line, from: formatValue('dateTime', after!.movedFrom, ctx) });
        continue;
      }
      if (isEmpty(after![field])) continue;
      changes.push(...expand(field, after![field], ctx, spec));
    } else {
      if (isEmpty(before![field])) continue;
      changes.push(...expand(field, before![field], ctx, spec).map((l) => ({ label: l.label, from: l.to })));
    }
  }
  const source = after?.source;
  if (typeof source === 'string') changes.push({ label: f.t('auditLog.fields.source'), to: formatValue('source', source, ctx) });
  return { sentence, record, changes };
}
