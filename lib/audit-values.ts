import { unknownAddress } from '@/lib/auth/client-address';
import { formatMoney, formatPct, monthNames, type Format } from '@/lib/format';
import { activityTypeLabel } from '@/lib/playbooks/type-label';
import { describeRule, localDateText } from '@/lib/scheduling/recurrence-text';
import type { Recurrence } from '@/lib/scheduling/recurrence';

export type Translate = (key: string, values?: Record<string, string | number>) => string;

/** How the reader sees values: their language, time zone and the workspace currency. */
export type AuditFormat = {
  /** A translator of the whole catalog. */
  t: Translate;
  has: (key: string) => boolean;
  locale: string;
  currency: string;
  /** The app's formatters (lib/format.ts) bound to the reader's language and time zone. */
  format: Format;
};

/** Names of the records a page of audit rows mentions, read in one query. */
export type AuditNames = {
  users: ReadonlyMap<number, string>;
  accounts: ReadonlyMap<number, string>;
  activityTypes: ReadonlyMap<number, { key: string | null; name: string | null }>;
  /** An activity's type, for rows that name only the activity. */
  activityTypeOf: ReadonlyMap<number, number>;
  contacts: ReadonlyMap<number, string>;
  /** Content library items by id: their titles. */
  content: ReadonlyMap<number, string>;
  /** Programs by id: their titles. */
  programs: ReadonlyMap<number, string>;
  /** Campaigns by id: their names. */
  campaigns: ReadonlyMap<number, string>;
};

export type Kind =
  | 'text'
  | 'number'
  | 'hours'
  | 'minutes'
  | 'years'
  | 'money'
  | 'pct'
  | 'level'
  | 'stage'
  | 'role'
  | 'user'
  | 'users'
  | 'tier'
  | 'tierSource'
  | 'date'
  | 'dateTime'
  | 'time'
  | 'boolean'
  | 'touchModel'
  | 'activityType'
  | 'typeName'
  | 'month'
  | 'locale'
  | 'rule'
  | 'rules'
  | 'attendees'
  | 'count'
  | 'source'
  | 'signInReason'
  | 'deniedReason'
  | 'scope'
  | 'importMode'
  | 'address'
  | 'contactRoles'
  | 'contactLanguage'
  | 'tiers'
  | 'campaign';

/**
 * Every field an audited action writes that people read, and how its value
 * reads. Each has a label under `auditLog.fields` in both catalogs
 * (audit-describe.test.ts). Ids of rows (activityId, seriesId…) are not
 * here: they show only in the raw details.
 */
export const fieldKinds: Record<string, Kind> = {
  // an activity's time first: it is what a reader looks for
  startsAt: 'dateTime',
  // accounts
  name: 'text',
  domain: 'text',
  externalId: 'text',
  industry: 'text',
  employees: 'number',
  arr: 'money',
  grossMarginPct: 'pct',
  annualChurnPct: 'pct',
  growthPotential: 'level',
  churnRisk: 'level',
  lifecycleStage: 'stage',
  renewalDate: 'date',
  ownerId: 'user',
  notes: 'text',
  tier: 'tier',
  reason: 'text',
  until: 'date',
  // users and profiles
  email: 'text',
  role: 'role',
  active: 'boolean',
  capacityHours: 'hours',
  // time off
  fromDate: 'date',
  toDate: 'date',
  hoursPerDay: 'hours',
  locale: 'locale',
  timeZone: 'text',
  digestEmail: 'boolean',
  // workspace
  currency: 'text',
  fiscalYearStartMonth: 'month',
  coverageGraceDays: 'number',
  eventRetentionMonths: 'number',
  pulseDays: 'number',
  csmHourCost: 'money',
  tier1ToolingCost: 'money',
  tier2ToolingCost: 'money',
  tier3ToolingCost: 'money',
  costShareThresholdPct: 'pct',
  // sign-in
  address: 'address',
  count: 'number',
  lastAt: 'dateTime',
  scope: 'scope',
  // import and export
  mode: 'importMode',
  encoding: 'text',
  rows: 'number',
  created: 'number',
  updated: 'number',
  unchanged: 'number',
  skipped: 'number',
  // tiering and playbooks
  tier1Threshold: 'money',
  tier2Threshold: 'money',
  lifetimeCapYears: 'years',
  raiseForGrowth: 'boolean',
  raiseForChurnRisk: 'boolean',
  moved: 'number',
  rules: 'rules',
  touchModel: 'touchModel',
  requiresExecutiveSponsor: 'boolean',
  // activities and series
  type: 'activityType',
  durationMinutes: 'minutes',
  location: 'text',
  agenda: 'text',
  executiveSponsor: 'text',
  customerAttendees: 'attendees',
  internalAttendees: 'users',
  outcome: 'text',
  rule: 'rule',
  startDate: 'date',
  untilDate: 'date',
  time: 'time',
  occurrences: 'number',
  deleted: 'number',
  inserted: 'number',
  cancelled: 'number',
  // calendar feeds
  revokedFeedIds: 'count',
  // contacts
  title: 'text',
  roles: 'contactRoles',
  language: 'contactLanguage',
  noProgramEmails: 'boolean',
  // content library
  description: 'text',
  tiers: 'tiers',
  url: 'text',
  file: 'text',
  archived: 'boolean',
  accounts: 'number',
  recipients: 'number',
  optedOut: 'number',
  // alert rules: the campaign the webhook enrols accounts in
  techCampaignId: 'campaign',
  // last, as lines are listed in this order: why a change was made reads after the change
  note: 'text',
};

/** Labels that are not a field of their own: parts of a nested value, or a field read more specifically by one action. */
export const extraLabels = [
  'attempts',
  'handoverTo',
  'handoverAccounts',
  'handoverActivities',
  'search',
  'tierSource',
  'health',
  'filter',
  'source',
  'requestedTier',
  'importRows',
  'importCreated',
  'importUpdated',
  'importUnchanged',
  'importSkipped',
  'accountsMoved',
  'seriesTime',
  'occurrencesDeleted',
  'occurrencesUpdated',
  'occurrencesInserted',
  'occurrencesCancelled',
  'feedsRevoked',
  'contactActive',
  'contactImportCreated',
  'contactImportUpdated',
  'contactImportUnchanged',
  'attendedMinutes',
] as const;

/** The enum values each kind translates, with where their words live in the catalogs. */
export const enumLabels = {
  level: (v: string) => `accounts.levels.${v}`,
  stage: (v: string) => `accounts.stages.${v}`,
  role: (v: string) => `roles.${v}`,
  touchModel: (v: string) => `playbooks.touchModels.${v}`,
  tierSource: (v: string) => (v === 'override' ? 'accounts.sourceOverride' : 'accounts.sourceComputed'),
  source: (v: string) => `auditLog.values.sources.${v.replace(/\s+/g, '_')}`,
  signInReason: (v: string) => `auditLog.values.signInReasons.${v}`,
  deniedReason: (v: string) => `auditLog.values.deniedReasons.${v}`,
  scope: (v: string) => `auditLog.values.scopes.${v}`,
  importMode: (v: string) => `auditLog.values.importModes.${v}`,
  locale: (v: string) => `auditLog.values.locales.${v}`,
  contactLanguage: (v: string) => `contacts.languages.${v}`,
} as const;

const languageless = '—';

function asNumber(v: unknown): number | null {
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) return Number(v);
  return null;
}

/** A value as the app shows it. Ids become names; codes go through the catalogs; an unknown code shows as it is. */
export function formatValue(kind: Kind, value: unknown, { f, names }: { f: AuditFormat; names: AuditNames }): string {
  if (value === null || value === undefined || value === '') {
    if (kind === 'typeName') return f.t('auditLog.values.defaultName');
    if (kind === 'locale') return f.t('auditLog.values.locales.auto');
    if (kind === 'contactLanguage') return f.t('contacts.languageDefault');
    return languageless;
  }
  const n = asNumber(value);
  const number = (x: number) => f.format.number(x);
  const translated = (key: string) => (f.has(key) ? f.t(key) : String(value));
  switch (kind) {
    case 'number':
      return n === null ? String(value) : number(n);
    case 'hours':
      return n === null ? String(value) : f.t('auditLog.values.hours', { hours: n });
    case 'minutes':
      return n === null ? String(value) : f.t('auditLog.values.minutes', { minutes: n });
    case 'years':
      return n === null ? String(value) : f.t('auditLog.values.years', { years: n });
    case 'money':
      return formatMoney(String(value), f.currency, f.locale);
    case 'pct':
      return formatPct(String(value), f.locale);
    case 'tier':
      return n === null ? String(value) : f.t('auditLog.values.tier', { tier: n });
    case 'user':
      return n === null ? String(value) : (names.users.get(n) ?? f.t('auditLog.records.missing', { id: n }));
    case 'users':
      return Array.isArray(value) && value.length ? value.map((id) => formatValue('user', id, { f, names })).join(', ') : f.t('auditLog.values.nobody');
    case 'campaign':
      return n === null ? String(value) : (names.campaigns.get(n) ?? f.t('auditLog.records.missing', { id: n }));
    case 'count':
      return Array.isArray(value) ? number(value.length) : String(value);
    case 'activityType': {
      const type = n === null ? undefined : names.activityTypes.get(n);
      return type ? activityTypeLabel(type, (k) => f.t(`playbooks.${k}`)) : String(value);
    }
    case 'typeName':
      return String(value);
    case 'date':
      return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}/.test(value) ? localDateText(f.format, value.slice(0, 10)) : String(value);
    case 'dateTime': {
      const d = new Date(value as string);
      return Number.isNaN(d.getTime()) ? String(value) : f.format.dateTime(d);
    }
    case 'time': {
      const m = /^(\d{1,2}):(\d{2})/.exec(String(value));
      return m ? f.format.clock(`${m[1]!.padStart(2, '0')}:${m[2]}`) : String(value);
    }
    case 'tiers':
      return Array.isArray(value) && value.length ? value.map((t) => formatValue('tier', t, { f, names })).join(', ') : f.t('content.tiersAny');
    case 'boolean':
      return f.t(value === true || value === 'true' ? 'auditLog.values.yes' : 'auditLog.values.no');
    case 'month':
      return n === null ? String(value) : (monthNames(f.locale).find((m) => m.value === n)?.label ?? String(value));
    case 'rule':
      return typeof value === 'object' ? describeRule(value as Recurrence, (k, v) => f.t(`series.${k}`, v), f.format) : String(value);
    case 'rules':
      return Array.isArray(value) && value.length
        ? value
            .map((r) => {
              const rule = r as { activityTypeId?: unknown; touchKind?: unknown; campaignId?: unknown; every?: unknown; unit?: unknown; hours?: unknown };
              const every = asNumber(rule.every) ?? 1;
              const kind = typeof rule.touchKind === 'string' ? rule.touchKind : null;
              const campaignId = asNumber(rule.campaignId);
              return f.t('auditLog.values.rule', {
                type: campaignId !== null
                  ? f.t('playbooks.campaignDelivered', { name: names.campaigns.get(campaignId) ?? `#${campaignId}` })
                  : kind
                  ? f.has(`playbooks.touchKinds.${kind}`)
                    ? f.t(`playbooks.touchKinds.${kind}`)
                    : kind
                  : formatValue('activityType', rule.activityTypeId, { f, names }),
                every,
                unit: f.has(`playbooks.units.${String(rule.unit)}`) ? f.t(`playbooks.units.${String(rule.unit)}`, { count: every }) : String(rule.unit),
                hours: String(rule.hours ?? ''),
              });
            })
            .join('; ')
        : f.t('auditLog.values.noRules');
    case 'contactRoles':
      return Array.isArray(value) && value.length
        ? value.map((r) => (f.has(`contacts.roleNames.${String(r)}`) ? f.t(`contacts.roleNames.${String(r)}`) : String(r))).join(', ')
        : f.t('auditLog.values.nobody');
    case 'attendees':
      return Array.isArray(value) && value.length
        ? value.map((a) => (typeof a === 'object' && a ? [(a as { name?: string }).name, (a as { role?: string }).role].filter(Boolean).join(', ') : String(a))).join('; ')
        : f.t('auditLog.values.nobody');
    case 'level':
    case 'stage':
    case 'role':
    case 'touchModel':
    case 'tierSource':
    case 'source':
    case 'signInReason':
    case 'deniedReason':
    case 'scope':
    case 'importMode':
    case 'locale':
    case 'contactLanguage':
      return translated(enumLabels[kind](String(value)));
    case 'address':
      // Without a trusted proxy every client counts as one address (lib/auth/client-address.ts).
      return value === unknownAddress ? f.t('auditLog.values.unknownAddress') : String(value);
    case 'text':
      return typeof value === 'string' ? value : JSON.stringify(value);
  }
}
