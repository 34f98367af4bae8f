'use client';

import { useTranslations } from 'next-intl';
import { FilterForm, FilterSelect, type FilterOption } from '@/components/filter-form';
import { Button } from '@/components/ui/button';

type Props = {
  values: { csm: string; tier: string; view: string; date: string };
  csms: { id: number; name: string }[];
};

/**
 * CSM and tier for the team calendar: a plain GET form, so every view is a
 * URL; a choice applies at once, and Apply works without script. The
 * overdue list starts again at its first page.
 */
export function TeamFilters({ values, csms }: Props) {
  const t = useTranslations('calendar');
  return (
    <FilterForm path="/team">
      <FilterSelect id="team-csm" name="csm" label={t('csm')} className="w-auto min-w-40" defaultValue={values.csm} options={[['', t('allCsms')], ...csms.map((c): FilterOption => [String(c.id), c.name])]} />
      <FilterSelect id="team-tier" name="tier" label={t('tier')} defaultValue={values.tier} options={[['', t('allTiers')], ...[1, 2, 3].map((n): FilterOption => [String(n), t('tierN', { tier: n })])]} />
      {values.view && <input type="hidden" name="view" value={values.view} />}
      {values.date && <input type="hidden" name="date" value={values.date} />}
      <Button type="submit" variant="secondary">
        {t('apply')}
      </Button>
    </FilterForm>
  );
}
