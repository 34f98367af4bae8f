import type { ReactNode } from 'react';
import { getTranslations } from 'next-intl/server';
import type { WhatIfForm, WhatIfFormErrors } from '@/lib/capacity/what-if-params';
import { buttonClass } from '@/components/ui/button';
import { Input, Select } from '@/components/ui/input';

type Option = { value: string; label: string };

/**
 * The what-if's four ways to add a change, as plain GET forms: each carries
 * the changes made so far (`keep`), so submitting one adds to the URL. The
 * page checks the fields and shows this again, with what was typed and the
 * error beside its field, when something is wrong.
 */
export async function ChangeForms({ keep, people, targets, rules, thresholds, errors, failed, typed }: {
  keep: [string, string][];
  /** Whose accounts can move: the team and nobody. */
  people: Option[];
  /** Where they can go: the team, new CSMs and nobody. */
  targets: Option[];
  rules: Option[];
  /** The thresholds the tiers form starts from: the what-if's, else the policy's. */
  thresholds: { tier1: string; tier2: string };
  errors: WhatIfFormErrors;
  /** The form that failed its check, whose fields show what was typed. */
  failed: WhatIfForm | null;
  typed: Record<string, string>;
}) {
  const t = await getTranslations('capacity.whatIf');
  const value = (form: WhatIfForm, field: string, fallback = '') => (failed === form ? (typed[field] ?? fallback) : fallback);
  const field = (name: string, label: string, control: ReactNode) => (
    <div className="min-w-0 space-y-1">
      <label htmlFor={`wi-${name}`} className="block text-xs font-medium text-zinc-700">
        {label}
      </label>
      {control}
      {errors[name] && (
        <p id={`wi-${name}-error`} className="text-xs text-red-700">
          {t(`errors.${errors[name]}`)}
        </p>
      )}
    </div>
  );
  const aria = (name: string) => (errors[name] ? { 'aria-invalid': true, 'aria-describedby': `wi-${name}-error` } : {});
  const select = (form: WhatIfForm, name: string, options: Option[]) => (
    <Select id={`wi-${name}`} name={name} defaultValue={value(form, name)} className="w-full" {...aria(name)}>
      <option value="">{t('choose')}</option>
      {options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </Select>
  );
  const money = (name: string, fallback: string) => (
    <Input id={`wi-${name}`} name={name} inputMode="numeric" defaultValue={value('tiers', name, fallback)} className="w-full" {...aria(name)} />
  );
  const number = (form: WhatIfForm, name: string, min: number, max: number, fallback = '') => (
    <Input id={`wi-${name}`} name={name} type="number" inputMode="numeric" min={min} max={max} step={1} defaultValue={value(form, name, fallback)} className="w-full" {...aria(name)} />
  );
  const form = (name: WhatIfForm, title: string, submit: string, children: ReactNode) => (
    <form action="/coverage/capacity/what-if" method="get" className="space-y-2 rounded-lg p-3 ring-1 ring-zinc-200" aria-label={title}>
      <h3 className="text-sm font-semibold text-zinc-900">{title}</h3>
      {keep.map(([k, v], i) => (
        <input key={`${k}-${i}`} type="hidden" name={k} value={v} />
      ))}
      <div className="grid grid-cols-2 gap-2">{children}</div>
      <button type="submit" name="add" value={name} className={buttonClass('secondary')}>
        {submit}
      </button>
    </form>
  );
  const tiers = [1, 2, 3].map((n) => ({ value: String(n), label: `Tier ${n}` }));

  return (
    <div className="grid gap-3 md:grid-cols-2 xl:grid-cols-5">
      {form(
        'move',
        t('moveTitle'),
        t('addMove'),
        <>
          {field('move_from', t('from'), select('move', 'move_from', people))}
          {field('move_to', t('to'), select('move', 'move_to', targets))}
          {field('move_tier', t('tierField'), select('move', 'move_tier', tiers))}
          {field('move_count', t('count'), number('move', 'move_count', 1, 5000))}
        </>,
      )}
      {form(
        'cap',
        t('capTitle'),
        t('addCap'),
        <>
          {field('cap_user', t('person'), select('cap', 'cap_user', targets.filter((o) => o.value !== 'none')))}
          {field('cap_hours', t('hoursField'), number('cap', 'cap_hours', 0, 744))}
        </>,
      )}
      {form('hire', t('hireTitle'), t('addHire'), field('hire_hours', t('hoursField'), number('hire', 'hire_hours', 0, 744, '120')))}
      {rules.length === 0 ? (
        <p className="rounded-lg p-3 text-sm text-zinc-500 ring-1 ring-zinc-200">{t('noRules')}</p>
      ) : (
        form(
          'rule',
          t('ruleTitle'),
          t('addRule'),
          <>
            <div className="col-span-2">{field('rule_key', t('rule'), select('rule', 'rule_key', rules))}</div>
            {field('rule_every', t('every'), number('rule', 'rule_every', 1, 120))}
          </>,
        )
      )}
      {form(
        'tiers',
        t('tiersTitle'),
        t('addTiers'),
        <>
          {field('tier_t1', t('tier1Field'), money('tier_t1', thresholds.tier1))}
          {field('tier_t2', t('tier2Field'), money('tier_t2', thresholds.tier2))}
        </>,
      )}
    </div>
  );
}
