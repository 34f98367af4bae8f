'use client';

import { useTranslations } from 'next-intl';
import { useId, useState } from 'react';
import { useFieldError, useMessage } from '@/components/action-form';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import type { Closure } from '@/lib/scheduling/working-days';

type Row = Closure & { key: number };

/** Switching "every year" keeps the day: 2027-12-29 ↔ 12-29. */
function toggleYearly(r: Row, year: number): Row {
  const monthDay = (v: string) => (/^\d{4}-\d{2}-\d{2}$/.test(v) ? v.slice(5) : v);
  const dated = (v: string) => (/^\d{2}-\d{2}$/.test(v) ? `${year}-${v}` : v);
  return r.yearly ? { ...r, yearly: false, from: dated(r.from), to: dated(r.to) } : { ...r, yearly: true, from: monthDay(r.from), to: monthDay(r.to) };
}

/** One input of a closed day, with the error the action gave it. */
function RowInput({ field, label, ...props }: { field: string; label: string } & React.ComponentProps<typeof Input>) {
  const error = useFieldError(field);
  const message = useMessage();
  const id = useId();
  return (
    <div className="min-w-0">
      <label htmlFor={`${id}-input`} className="block text-xs font-medium text-zinc-600">
        {label}
      </label>
      <Input id={`${id}-input`} aria-invalid={Boolean(error)} aria-describedby={error ? `${id}-error` : undefined} {...props} />
      {error && (
        <p id={`${id}-error`} className="mt-0.5 text-xs text-red-700">
          {message(error)}
        </p>
      )}
    </div>
  );
}

/**
 * The workspace's own closed days: single days or ranges, once or every
 * year (the Japanese year-end closure 12-29 → 01-03). Sent as one JSON field.
 */
export function ClosedDaysField({ initial, thisYear }: { initial: Closure[]; thisYear: number }) {
  const t = useTranslations('workspace');
  const headingId = useId();
  const [rows, setRows] = useState<Row[]>(() => initial.map((c, key) => ({ ...c, key })));
  const [nextKey, setNextKey] = useState(initial.length);
  const set = (key: number, change: (r: Row) => Row) => setRows((rs) => rs.map((r) => (r.key === key ? change(r) : r)));
  const payload: Closure[] = rows.map((r) => ({ label: r.label, yearly: r.yearly, from: r.from, to: r.to }));

  return (
    <fieldset className="space-y-2" aria-describedby={`${headingId}-hint`}>
      <legend id={headingId} className="text-sm font-medium text-zinc-800">
        {t('closedDays')}
      </legend>
      <p id={`${headingId}-hint`} className="text-xs text-zinc-500">
        {t('closedDaysHint')}
      </p>
      <input type="hidden" name="closedDays" value={JSON.stringify(payload)} />
      {rows.length === 0 && <p className="text-sm text-zinc-500">{t('closureNone')}</p>}
      <ul className="space-y-2">
        {rows.map((r, i) => {
          const name = r.label || t('closedDays');
          const dateProps = r.yearly ? { type: 'text', placeholder: 'MM-DD', inputMode: 'numeric' as const, pattern: '\\d{2}-\\d{2}' } : { type: 'date' };
          return (
            <li key={r.key} className="grid grid-cols-2 items-end gap-2 rounded-md bg-zinc-50 p-2 ring-1 ring-zinc-200 sm:grid-cols-[minmax(8rem,1fr)_auto_9.5rem_9.5rem_auto]">
              <div className="col-span-2 sm:col-span-1">
                <RowInput field={`closedDays.${i}.label`} label={t('closureLabel')} value={r.label} maxLength={100} onChange={(e) => set(r.key, (x) => ({ ...x, label: e.target.value }))} />
              </div>
              <label className="col-span-2 flex items-center gap-1.5 pb-1.5 text-sm text-zinc-700 sm:col-span-1">
                <input type="checkbox" checked={r.yearly} onChange={() => set(r.key, (x) => toggleYearly(x, thisYear))} />
                {t('closureYearly')}
              </label>
              <RowInput
                field={`closedDays.${i}.from`}
                label={t('closureFrom')}
                title={r.yearly ? t('closureMonthDay') : undefined}
                {...dateProps}
                value={r.from}
                onChange={(e) => set(r.key, (x) => ({ ...x, from: e.target.value }))}
              />
              <RowInput
                field={`closedDays.${i}.to`}
                label={t('closureTo')}
                title={r.yearly ? t('closureMonthDay') : undefined}
                {...dateProps}
                value={r.to}
                onChange={(e) => set(r.key, (x) => ({ ...x, to: e.target.value }))}
              />
              <Button variant="ghost" className="col-span-2 justify-self-end sm:col-span-1" aria-label={t('closureRemove', { label: name })} onClick={() => setRows((rs) => rs.filter((x) => x.key !== r.key))}>
                ✕
              </Button>
            </li>
          );
        })}
      </ul>
      <Button
        variant="secondary"
        onClick={() => {
          setRows((rs) => [...rs, { key: nextKey, label: '', yearly: false, from: '', to: '' }]);
          setNextKey((k) => k + 1);
        }}
      >
        {t('closureAdd')}
      </Button>
    </fieldset>
  );
}
