'use client';

import { useTranslations } from 'next-intl';
import { FilterForm, FilterSelect, type FilterOption } from '@/components/filter-form';
import { Button } from '@/components/ui/button';

type Props = {
  values: { csm: string; horizon: string; tier: string; account: string };
  /** Managers and admins choose whose book; null for a CSM. */
  csms: { id: number; name: string }[] | null;
  horizons: readonly number[];
};

/** Whose book, how far ahead and which tier: a GET form, so every plan is a URL. Selects apply on change. */
export function PlanScope({ values, csms, horizons }: Props) {
  const t = useTranslations('plan');
  const fields: [name: 'csm' | 'horizon' | 'tier', label: string, options: FilterOption[]][] = [];
  if (csms && !values.account) fields.push(['csm', t('csm'), [['', t('chooseCsm')], ...csms.map((c): FilterOption => [String(c.id), c.name])]]);
  fields.push(['horizon', t('horizon'), horizons.map((m): FilterOption => [String(m), t('horizonMonths', { months: m })])]);
  if (!values.account) fields.push(['tier', t('tier'), [['', t('allTiers')], ...[1, 2, 3].map((n): FilterOption => [String(n), t('tierN', { tier: n })])]]);

  return (
    <FilterForm path="/plan">
      {values.account && <input type="hidden" name="account" value={values.account} />}
      {fields.map(([name, label, options]) => (
        <FilterSelect key={name} id={`plan-${name}`} name={name} label={label} options={options} defaultValue={values[name]} />
      ))}
      <Button type="submit" variant="secondary">
        {t('show')}
      </Button>
    </FilterForm>
  );
}
