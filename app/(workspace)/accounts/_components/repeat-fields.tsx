'use client';

import { useTranslations } from 'next-intl';
import { useFormat } from '@/lib/i18n/use-format';
import { SelectField, TextField } from '@/components/action-form';
import { maxUntil, ruleFrom, type Nth, type RepeatFreq } from '@/lib/activities/series';
import { recurrenceDates } from '@/lib/scheduling/recurrence';
import { describeRule, localDateText, nthKey, weekdayName } from './recurrence-text';
import { loose } from '@/lib/i18n/loose';

export type RepeatValue = { repeat: 'none' | RepeatFreq; interval: string; weekday: number; monthDay: string; nth: Nth; until: string };

const wholeIn = (v: string, min: number, max: number) => (/^\d+$/.test(v) && Number(v) >= min && Number(v) <= max ? Number(v) : null);

/**
 * The repeat rule of a series: how often, on which day, until when, with a
 * preview of the dates it gives. `start` is the series' first date; with
 * `from`, the preview shows only the dates from then on (an edit).
 */
export function RepeatFields({
  value,
  onChange,
  start,
  today,
  from,
  allowNone,
}: {
  value: RepeatValue;
  onChange: (next: RepeatValue) => void;
  start: string;
  today: string;
  from?: string;
  allowNone?: boolean;
}) {
  const t = useTranslations('series');
  const format = useFormat();
  const set = (patch: Partial<RepeatValue>) => onChange({ ...value, ...patch });
  const interval = wholeIn(value.interval, 1, 12);
  const day = wholeIn(value.monthDay, 1, 31);
  const describe = (freq: RepeatFreq) =>
    describeRule(ruleFrom({ freq, interval: interval ?? 1, weekday: value.weekday, day: day ?? 1, nth: value.nth }), loose(t), format);
  const weekdays = Array.from({ length: 7 }, (_, wd) => ({ value: String(wd), label: weekdayName(format, wd) }));

  let preview: string | null = null;
  if (value.repeat !== 'none' && interval && day && /^\d{4}-\d{2}-\d{2}$/.test(value.until) && /^\d{4}-\d{2}-\d{2}$/.test(start)) {
    const rule = ruleFrom({ freq: value.repeat, interval, weekday: value.weekday, day, nth: value.nth });
    const dates = recurrenceDates(rule, start, { until: value.until }).filter((d) => !from || d >= from);
    preview = dates.length
      ? t('preview', { count: dates.length, dates: dates.slice(0, 4).map((d) => localDateText(format, d, 'monthDay')).join(', ') + (dates.length > 4 ? ', …' : '') })
      : t('noOccurrences');
  }

  return (
    <div className="space-y-3">
      <div className="sm:max-w-sm">
        <SelectField
        name="repeat"
        label={t('repeat')}
        value={value.repeat}
        onChange={(e) => set({ repeat: e.target.value as RepeatValue['repeat'] })}
        options={[
          ...(allowNone ? [{ value: 'none', label: t('doesNotRepeat') }] : []),
          { value: 'weekly', label: describe('weekly') },
          { value: 'monthly', label: describe('monthly') },
          { value: 'monthlyNth', label: describe('monthlyNth') },
        ]}
        />
      </div>
      {value.repeat !== 'none' && (
        <div className="grid gap-3 sm:grid-cols-4">
          <TextField
            name="interval"
            label={value.repeat === 'weekly' ? t('everyWeeks') : t('everyMonths')}
            inputMode="numeric"
            value={value.interval}
            onChange={(e) => set({ interval: e.target.value })}
          />
          {value.repeat === 'monthlyNth' && (
            <SelectField
              name="nth"
              label={t('which')}
              value={String(value.nth)}
              onChange={(e) => set({ nth: Number(e.target.value) as Nth })}
              options={([1, 2, 3, 4, -1] as const).map((n) => ({ value: String(n), label: t(`rule.nth.${nthKey(n)}`) }))}
            />
          )}
          {value.repeat === 'monthly' ? (
            <TextField
              name="monthDay"
              label={t('dayOfMonth')}
              inputMode="numeric"
              value={value.monthDay}
              onChange={(e) => set({ monthDay: e.target.value })}
              hint={day && day > 28 ? t('monthEndHint') : undefined}
            />
          ) : (
            <SelectField name="weekday" label={t('weekday')} value={String(value.weekday)} onChange={(e) => set({ weekday: Number(e.target.value) })} options={weekdays} />
          )}
          <TextField
            name="until"
            label={t('until')}
            type="date"
            value={value.until}
            min={start}
            max={/^\d{4}-\d{2}-\d{2}$/.test(start) ? maxUntil(start, today) : undefined}
            onChange={(e) => set({ until: e.target.value })}
            hint={t('untilHint')}
          />
        </div>
      )}
      {preview && (
        <p className="text-xs text-zinc-600" aria-live="polite">
          {preview}
        </p>
      )}
    </div>
  );
}

/** The fields' starting values from a start date's defaults. */
export function repeatValueFor(d: { weekday: number; day: number; nth: Nth }, until: string, repeat: RepeatValue['repeat'] = 'none'): RepeatValue {
  return { repeat, interval: '1', weekday: d.weekday, monthDay: String(d.day), nth: d.nth, until };
}
