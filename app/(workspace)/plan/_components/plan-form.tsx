'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useFormat } from '@/lib/i18n/use-format';
import { memo, useCallback, useId, useState, type ComponentProps, type ReactNode } from 'react';
import { ActionForm, SelectField, SubmitButton, useFieldError, useMessage } from '@/components/action-form';
import { TierBadge } from '@/components/tier-badge';
import { Badge } from '@/components/ui/badge';
import { Input } from '@/components/ui/input';
import { Notice } from '@/components/ui/notice';
import { closedReasonText } from '@/components/closed-reason';
import type { ClosedReason } from '@/lib/scheduling/working-days';
import { createPlannedActivities } from '../actions';

export type PlanRow = {
  key: string;
  accountId: number;
  accountName: string;
  tier: number;
  activityTypeId: number;
  typeLabel: string;
  needsSponsor: boolean;
  sponsor: string;
  due: string;
  overdue: boolean;
  /** Set when the playbook's book-ahead date has come: book it now. */
  bookAheadDays: number | null;
  date: string;
  time: string;
  durationMinutes: number;
  hours: number;
  /** The due date was a weekend, holiday or closed day: where it was and why it moved. */
  moved: { from: string; reason: ClosedReason } | null;
  /** What the proposal takes over from the account's last activity of the type. */
  carried: { location: string | null; people: string[]; colleagues: number; agenda: boolean } | null;
};

type Props = {
  rows: PlanRow[];
  today: string;
  horizon: number;
  capacity: { name: string; hours: number } | null;
  /** Managers planning an account without an owner choose who runs the activities. */
  runBy: { id: number; name: string }[] | null;
  /** Shown when nothing is proposed (after creating, too). */
  empty: ReactNode;
};

type Edit = { keep: boolean; date: string; time: string; minutes: string; sponsor: string };

const initialEdits = (rows: PlanRow[]) =>
  Object.fromEntries(rows.map((r) => [r.key, { keep: true, date: r.date, time: r.time, minutes: String(r.durationMinutes), sponsor: r.sponsor }])) as Record<string, Edit>;

/** An input of a kept row, with the error the action gave for it (rows are sent kept ones only, in order). */
function RowInput({
  index,
  field,
  caption,
  label,
  className,
  ...props
}: { index: number; field: string; caption?: string; label?: string } & ComponentProps<typeof Input>) {
  const error = useFieldError(`rows.${index}.${field}`);
  const message = useMessage();
  const id = useId();
  const inputId = useId();
  return (
    <div className={className}>
      {label && (
        <label htmlFor={inputId} className="mb-0.5 block text-xs font-medium text-zinc-600">
          {label}
        </label>
      )}
      {caption && (
        <span aria-hidden className="mb-0.5 block text-xs text-zinc-500 md:hidden">
          {caption}
        </span>
      )}
      <Input id={inputId} aria-invalid={Boolean(error)} aria-describedby={error ? id : undefined} {...props} />
      {error && (
        <p id={id} className="mt-0.5 text-xs text-red-700">
          {message(error)}
        </p>
      )}
    </div>
  );
}

/** The proposals, grouped by account, to keep or leave out and adjust before creating them in one go. */
export function PlanForm({ rows, today, horizon, capacity, runBy, empty }: Props) {
  const t = useTranslations('plan');
  const format = useFormat();
  const [saved, setEdits] = useState(() => initialEdits(rows));
  const [shown, setShown] = useState(rows);
  const [result, setResult] = useState<{ created: number; skipped: number } | null>(null);
  // New proposals (after creating, or another period chosen): start from them, in this render too.
  let edits = saved;
  if (shown !== rows) {
    edits = initialEdits(rows);
    setShown(rows);
    setEdits(edits);
  }

  const day = (date: string, style: 'medium' | 'month' = 'medium') => format.date(date, style === 'month' ? 'monthYearShort' : 'medium');
  const hours = format.hours;
  const set = useCallback((key: string, change: Partial<Edit>) => setEdits((e) => ({ ...e, [key]: { ...e[key]!, ...change } })), []);

  const kept = rows.filter((r) => edits[r.key]?.keep);
  const keptIndex = new Map(kept.map((r, i) => [r.key, i]));
  const payload = kept.map((r) => {
    const e = edits[r.key]!;
    return { accountId: r.accountId, activityTypeId: r.activityTypeId, due: r.due, date: e.date, time: e.time, durationMinutes: e.minutes, executiveSponsor: e.sponsor };
  });
  const keptHours = kept.reduce((sum, r) => sum + r.hours, 0);
  const byMonth = new Map<string, number>();
  for (const r of kept) {
    const month = (edits[r.key]!.date || r.date).slice(0, 7);
    byMonth.set(month, (byMonth.get(month) ?? 0) + r.hours);
  }
  const groups: { accountId: number; rows: PlanRow[] }[] = [];
  for (const r of rows) {
    if (groups.at(-1)?.accountId !== r.accountId) groups.push({ accountId: r.accountId, rows: [] });
    groups.at(-1)!.rows.push(r);
  }

  const notice = result && (
    <Notice tone="success">
      {t('created', { count: result.created })} {result.skipped > 0 && t('skipped', { count: result.skipped })}
    </Notice>
  );
  // The form stays mounted when nothing is left, so it can report what it just created.
  return (
    <ActionForm action={createPlannedActivities} onSuccess={(data) => setResult(data)} className="space-y-4">
      {notice}
      {rows.length === 0 ? (
        empty
      ) : (
        <>
          <input type="hidden" name="today" value={today} />
          <input type="hidden" name="horizon" value={horizon} />
          <input type="hidden" name="rows" value={JSON.stringify(payload)} />
          {runBy && (
            <div className="max-w-xs">
              <SelectField name="ownerId" label={t('runBy')} defaultValue="" options={[{ value: '', label: t('chooseCsm') }, ...runBy.map((c) => ({ value: String(c.id), label: c.name }))]} />
            </div>
          )}

          <div className="grid gap-4 lg:grid-cols-[1fr_16rem]">
            <div className="min-w-0 space-y-3">
              <p className="text-xs text-zinc-600">{t('columnsHint')}</p>
              {groups.map((g) => {
                const first = g.rows[0]!;
                const allKept = g.rows.every((r) => edits[r.key]?.keep);
                return (
                  <section key={g.accountId} aria-labelledby={`plan-account-${g.accountId}`} className="rounded-lg bg-white shadow-sm ring-1 ring-zinc-200">
                    <header className="flex flex-wrap items-center gap-2 border-b border-zinc-100 px-3 py-2">
                      <input
                        type="checkbox"
                        aria-label={t('keepAll', { name: first.accountName })}
                        checked={allKept}
                        onChange={() => setEdits((e) => ({ ...e, ...Object.fromEntries(g.rows.map((r) => [r.key, { ...e[r.key]!, keep: !allKept }])) }))}
                      />
                      <TierBadge tier={first.tier} label={t('tierN', { tier: first.tier })} />
                      <h2 id={`plan-account-${g.accountId}`} className="text-sm font-semibold text-zinc-900">
                        <Link href={`/accounts/${g.accountId}`} className="hover:text-brand-700 hover:underline">
                          {first.accountName}
                        </Link>
                      </h2>
                      <span className="text-xs text-zinc-500">{t('proposalCount', { count: g.rows.length })}</span>
                    </header>
                    <div className="divide-y divide-zinc-100 text-sm">
                      <div aria-hidden className="hidden grid-cols-[2rem_minmax(9rem,1fr)_7.5rem_9.5rem_7.5rem_5.5rem_5rem] items-end gap-2 px-3 py-1.5 text-xs font-semibold text-zinc-500 md:grid">
                        <span>{t('keep')}</span>
                        <span>{t('activity')}</span>
                        <span>{t('due')}</span>
                        <span>{t('date')}</span>
                        <span>{t('time')}</span>
                        <span>{t('minutes')}</span>
                        <span className="text-right" title={t('hoursHint')}>
                          {t('hours')}
                        </span>
                      </div>
                      {g.rows.map((r) => (
                        <ProposalRow key={r.key} row={r} edit={edits[r.key]!} index={keptIndex.get(r.key) ?? -1} today={today} onChange={set} />
                      ))}
                    </div>
                  </section>
                );
              })}
            </div>

            <aside className="space-y-3 lg:sticky lg:top-4 lg:self-start">
              <div className="rounded-lg bg-white p-3 shadow-sm ring-1 ring-zinc-200">
                <h2 className="text-sm font-semibold text-zinc-900">{t('capacityTitle')}</h2>
                {capacity ? (
                  <>
                    <p className="mt-0.5 text-xs text-zinc-500">{t('capacityOf', { name: capacity.name, hours: capacity.hours })}</p>
                    <ul className="mt-2 space-y-2">
                      {[...byMonth].sort(([a], [b]) => (a < b ? -1 : 1)).map(([month, h]) => {
                        const share = capacity.hours > 0 ? h / capacity.hours : 1;
                        return (
                          <li key={month} className="text-xs">
                            <div className="flex justify-between gap-2">
                              <span className="text-zinc-700">{day(`${month}-01`, 'month')}</span>
                              <span className={`tabular-nums ${share > 1 ? 'font-semibold text-red-700' : 'text-zinc-600'}`}>{t('capacityMonth', { hours: hours(h), capacity: capacity.hours })}</span>
                            </div>
                            <div className="mt-1 h-1.5 overflow-hidden rounded bg-zinc-100" aria-hidden>
                              <div className={`h-full ${share > 1 ? 'bg-red-500' : share > 0.8 ? 'bg-amber-500' : 'bg-brand-500'}`} style={{ width: `${Math.min(100, share * 100)}%` }} />
                            </div>
                          </li>
                        );
                      })}
                    </ul>
                  </>
                ) : (
                  <p className="mt-1 text-xs text-zinc-500">{t('capacityNone')}</p>
                )}
              </div>
            </aside>
          </div>

          <div className="sticky bottom-0 z-10 -mx-1 flex flex-wrap items-center justify-between gap-3 rounded-lg bg-white/95 px-3 py-2 shadow-sm ring-1 ring-zinc-200 backdrop-blur">
            <span className="text-sm text-zinc-600">{t('kept', { kept: kept.length, total: rows.length, hours: hours(keptHours) })}</span>
            <KeptError />
            <SubmitButton pendingLabel={t('creating')}>{t('create', { count: kept.length })}</SubmitButton>
          </div>
        </>
      )}
    </ActionForm>
  );
}

/** An error about the list as a whole (too many rows). */
function KeptError() {
  const error = useFieldError('rows');
  const message = useMessage();
  return error ? <span className="text-xs text-red-700">{message(error)}</span> : null;
}

type RowProps = { row: PlanRow; edit: Edit; index: number; today: string; onChange: (key: string, change: Partial<Edit>) => void };

/** One proposal; memoised, so typing in one row does not re-render a plan of hundreds. */
const ProposalRow = memo(function ProposalRow({ row: r, edit: e, index, today, onChange }: RowProps) {
  const t = useTranslations('plan');
  const tw = useTranslations('workingDays');
  const format = useFormat();
  const day = (date: string) => format.date(date);
  const set = (change: Partial<Edit>) => onChange(r.key, change);
  const hours = format.hours;
  return (
    <div
      className={`grid grid-cols-[2rem_1fr] items-start gap-x-2 gap-y-1 px-3 py-2 md:grid-cols-[2rem_minmax(9rem,1fr)_7.5rem_9.5rem_7.5rem_5.5rem_5rem] ${e.keep ? '' : 'bg-zinc-50 text-zinc-400'}`}
    >
      <span className="pt-1.5">
        <input type="checkbox" aria-label={t('keepRow', { type: r.typeLabel, due: day(r.due) })} checked={e.keep} onChange={() => set({ keep: !e.keep })} />
      </span>
      <div className="min-w-0 pt-1">
        <div className="flex flex-wrap items-center gap-1.5">
          <span className={e.keep ? 'font-medium text-zinc-900' : 'font-medium'}>{r.typeLabel}</span>
          {r.overdue && (
            <span title={t('missedHint')}>
              <Badge tone="red">{t('missed', { date: day(r.due) })}</Badge>
            </span>
          )}
          {!r.overdue && r.bookAheadDays !== null && (
            <span title={t('bookNowHint', { days: r.bookAheadDays })}>
              <Badge tone="amber">{t('bookNow')}</Badge>
            </span>
          )}
        </div>
        {r.moved && (
          <p className="mt-0.5 text-xs text-amber-800">
            {tw('movedFrom', { date: day(r.moved.from), reason: closedReasonText(tw, r.moved.reason) })}
          </p>
        )}
        {r.carried && <Carried carried={r.carried} />}
        {r.needsSponsor && e.keep && (
          <div className="mt-1">
            <RowInput
              index={index}
              field="executiveSponsor"
              label={t('sponsor')}
              aria-label={t('sponsorOf', { type: r.typeLabel })}
              placeholder={t('sponsorPlaceholder')}
              value={e.sponsor}
              maxLength={200}
              onChange={(ev) => set({ sponsor: ev.target.value })}
              className="py-1 text-xs"
            />
          </div>
        )}
      </div>
      <div className="col-start-2 pt-1.5 text-xs text-zinc-500 md:col-start-auto md:text-sm md:text-zinc-700">
        <span className="md:hidden">{t('due')}: </span>
        {day(r.due)}
      </div>
      <div className="col-start-2 flex flex-wrap gap-2 md:contents">
        {(
          [
            ['date', 'date', t('date'), t('dateOf', { type: r.typeLabel }), { type: 'date', min: today }, 'w-36 md:w-auto'],
            ['time', 'time', t('time'), t('timeOf', { type: r.typeLabel }), { type: 'time' }, 'w-28 md:w-auto'],
            ['durationMinutes', 'minutes', t('minutes'), t('minutesOf', { type: r.typeLabel }), { inputMode: 'numeric' }, 'w-28 md:w-auto'],
          ] as const
        ).map(([field, key, caption, label, attrs, className]) => (
          <RowInput
            key={field}
            index={index}
            field={field}
            caption={caption}
            aria-label={label}
            {...attrs}
            value={e[key]}
            disabled={!e.keep}
            onChange={(ev) => set({ [key]: ev.target.value })}
            className={className}
          />
        ))}
      </div>
      <div className="hidden pt-1.5 text-right tabular-nums text-zinc-600 md:block">
        {hours(r.hours)}
      </div>
      <div className="col-start-2 text-xs text-zinc-500 md:hidden">{t('hoursIncl', { hours: hours(r.hours) })}</div>
    </div>
  );
});

/** "As last time: Google Meet · 佐々木, 田中 · 1 colleague · agenda": what a created activity takes over. */
function Carried({ carried: c }: { carried: NonNullable<PlanRow['carried']> }) {
  const t = useTranslations('plan');
  const format = useFormat();
  const parts = [
    c.location,
    c.people.length > 0 && format.list(c.people),
    c.colleagues > 0 && t('carriedColleagues', { count: c.colleagues }),
    c.agenda && t('carriedAgenda'),
  ].filter(Boolean);
  if (!parts.length) return null;
  return <p className="mt-0.5 text-xs text-zinc-500">{t('carried', { what: parts.join(' · ') })}</p>;
}
