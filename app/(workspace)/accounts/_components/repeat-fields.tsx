'use client';

import { useTranslations } from 'next-intl';
import { useId } from 'react';
import { useFormat } from '@/lib/i18n/use-format';
import { SelectField, TextField } from '@/components/action-form';
import { closedReasonText } from '@/components/closed-reason';
import { useWorkingCalendar } from '@/components/working-calendar';
import { closedOccurrences, maxUntil, ruleFrom, type ClosedOccurrence, type Nth, type RepeatFreq } from '@/lib/activities/series';
import { closedDayChoices, type ClosedDayChoice } from '@/lib/vocabulary';
import { recurrenceDates } from '@/lib/scheduling/recurrence';
import { describeRule, localDateText, nthKey, weekdayName } from '@/lib/scheduling/recurrence-text';
import { loose } from '@/lib/i18n/loose';

export type RepeatValue = {
  repeat: 'none' | RepeatFreq;
  interval: string;
  weekday: number;
  monthDay: string;
  nth: Nth;
  until: string;
  /** What happens to occurrences on a weekend, holiday or closed day. */
  onClosedDay: ClosedDayChoice;
};

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
  const calendar = useWorkingCalendar();
  const set = (patch: Partial<RepeatValue>) => onChange({ ...value, ...patch });
  const interval = wholeIn(value.interval, 1, 12);
  const day = wholeIn(value.monthDay, 1, 31);
  const describe = (freq: RepeatFreq) =>
    describeRule(ruleFrom({ freq, interval: interval ?? 1, weekday: value.weekday, day: day ?? 1, nth: value.nth }), loose(t), format);
  const weekdays = Array.from({ length: 7 }, (_, wd) => ({ value: String(wd), label: weekdayName(format, wd) }));

  let preview: string | null = null;
  let closed: ClosedOccurrence[] = [];
  if (value.repeat !== 'none' && interval && day && /^\d{4}-\d{2}-\d{2}$/.test(value.until) && /^\d{4}-\d{2}-\d{2}$/.test(start)) {
    const rule = ruleFrom({ freq: value.repeat, interval, weekday: value.weekday, day, nth: value.nth });
    const ruleDates = recurrenceDates(rule, start, { until: value.until }).filter((d) => !from || d >= from);
    closed = calendar ? closedOccurrences(ruleDates, calendar) : [];
    // The dates as they will be booked: closed ones skipped or moved when the user chose so.
    const closedAt = new Map(closed.map((c) => [c.date, c]));
    const dates =
      value.onClosedDay === 'keep' ? ruleDates : ruleDates.flatMap((d) => (!closedAt.has(d) ? [d] : value.onClosedDay === 'skip' ? [] : [closedAt.get(d)!.movesTo]));
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
      {closed.length > 0 && <ClosedDays closed={closed} choice={value.onClosedDay} onChoose={(onClosedDay) => set({ onClosedDay })} />}
    </div>
  );
}

const shownClosed = 6;

/** The occurrences that fall on a weekend, holiday or closed day, and what to do with them (sent with the form). */
function ClosedDays({ closed, choice, onChoose }: { closed: ClosedOccurrence[]; choice: ClosedDayChoice; onChoose: (c: ClosedDayChoice) => void }) {
  const t = useTranslations('series');
  const tw = useTranslations('workingDays');
  const format = useFormat();
  const day = (date: string) => `${localDateText(format, date, 'weekday')}, ${localDateText(format, date, 'monthDayYear')}`;
  const headingId = useId();
  return (
    <div role="group" aria-labelledby={headingId} className="space-y-2 rounded-md bg-amber-50 p-3 text-sm ring-1 ring-amber-200">
      <p id={headingId} className="font-medium text-amber-900">
        {t('closed.title', { count: closed.length })}
      </p>
      <ul className="space-y-0.5 text-xs text-amber-900">
        {closed.slice(0, shownClosed).map((c) => (
          <li key={c.date}>
            {choice === 'move'
              ? t('closed.movesTo', { date: day(c.date), reason: closedReasonText(tw, c.reason), to: day(c.movesTo) })
              : t('closed.on', { date: day(c.date), reason: closedReasonText(tw, c.reason) })}
          </li>
        ))}
        {closed.length > shownClosed && <li>{t('closed.more', { count: closed.length - shownClosed })}</li>}
      </ul>
      <fieldset>
        <legend className="sr-only">{t('closed.choice')}</legend>
        <div className="flex flex-wrap gap-x-4 gap-y-1">
          {closedDayChoices.map((c) => (
            <label key={c} className="flex items-center gap-1.5 text-zinc-800">
              <input type="radio" name="onClosedDay" value={c} checked={choice === c} onChange={() => onChoose(c)} />
              {t(`closed.${c}`)}
            </label>
          ))}
        </div>
      </fieldset>
    </div>
  );
}

/** The fields' starting values from a start date's defaults. */
export function repeatValueFor(d: { weekday: number; day: number; nth: Nth }, until: string, repeat: RepeatValue['repeat'] = 'none'): RepeatValue {
  return { repeat, interval: '1', weekday: d.weekday, monthDay: String(d.day), nth: d.nth, until, onClosedDay: 'keep' };
}
