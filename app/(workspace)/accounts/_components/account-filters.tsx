'use client';

import { useTranslations } from 'next-intl';
import { FilterForm, FilterSelect, type FilterOption } from '@/components/filter-form';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { healthFilters } from '@/lib/accounts/filters';
import { lifecycleStages, tierSources } from '@/lib/vocabulary';

type Values = { q: string; tier: string; owner: string; stage: string; renewal: string; source: string; health: string; sort: string; dir: string };

/**
 * The filter bar: a plain GET form, so every view is a URL. Selects apply
 * as soon as they change; the search applies on Enter or the button.
 */
export function AccountFilters({ values, csms, showMine }: { values: Values; csms: { id: number; name: string }[]; showMine: boolean }) {
  const t = useTranslations('accounts');
  const th = useTranslations('health');
  const fields: [name: keyof Values, label: string, options: FilterOption[]][] = [
    ['tier', t('tier'), [['', t('allTiers')], ...[1, 2, 3].map((n): FilterOption => [String(n), t('tierN', { tier: n })])]],
    ['owner', t('owner'), [...(showMine ? [['me', t('ownerMe')] as FilterOption] : []), ['all', t('ownerAll')], ['none', t('ownerNone')], ...csms.map((c): FilterOption => [String(c.id), c.name])]],
    ['stage', t('stage'), [['', t('allStages')], ...lifecycleStages.map((s): FilterOption => [s, t(`stages.${s}`)])]],
    ['renewal', t('renewal'), [['', t('anyRenewal')], ...[30, 60, 90, 180].map((d): FilterOption => [String(d), t('renewalWithin', { days: d })])]],
    ['health', th('title'), [['', th('anyBand')], ...healthFilters.map((b): FilterOption => [b, b === 'none' ? th('model.noScore') : th(`bands.${b}`)])]],
    ['source', t('tierSource'), [['', t('anySource')], ...tierSources.map((s): FilterOption => [s, t(s === 'computed' ? 'sourceComputed' : 'sourceOverride')])]],
  ];
  return (
    <FilterForm path="/accounts" role="search">
      <div className="min-w-48 flex-1">
        <label htmlFor="f-q" className="mb-1 block text-xs font-medium text-zinc-600">
          {t('search')}
        </label>
        <Input id="f-q" name="q" type="search" defaultValue={values.q} placeholder={t('searchPlaceholder')} />
      </div>
      {fields.map(([name, label, options]) => (
        <FilterSelect key={name} id={`f-${name}`} name={name} label={label} options={options} defaultValue={values[name]} />
      ))}
      {values.sort && <input type="hidden" name="sort" value={values.sort} />}
      {values.dir === 'desc' && <input type="hidden" name="dir" value="desc" />}
      <Button type="submit" variant="secondary">
        {t('applyFilters')}
      </Button>
    </FilterForm>
  );
}
