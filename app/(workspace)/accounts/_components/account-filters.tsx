'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useRef } from 'react';
import { Button } from '@/components/ui/button';
import { Input, Select } from '@/components/ui/input';
import { lifecycleStages, tierSources } from '@/lib/vocabulary';

type Values = { q: string; tier: string; owner: string; stage: string; renewal: string; source: string; sort: string; dir: string };

/**
 * The filter bar: a plain GET form, so every view is a URL. Selects apply
 * as soon as they change; the search applies on Enter or the button.
 */
export function AccountFilters({ values, csms, showMine }: { values: Values; csms: { id: number; name: string }[]; showMine: boolean }) {
  const t = useTranslations('accounts');
  const router = useRouter();
  const form = useRef<HTMLFormElement>(null);

  function apply() {
    const data = new FormData(form.current!);
    const params = new URLSearchParams();
    for (const [k, v] of data.entries()) if (typeof v === 'string' && v !== '') params.set(k, v);
    router.push(`/accounts${params.size ? `?${params}` : ''}`);
  }

  return (
    <form
      ref={form}
      role="search"
      className="mb-4 flex flex-wrap items-end gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        apply();
      }}
    >
      <div className="min-w-48 flex-1">
        <label htmlFor="f-q" className="mb-1 block text-xs font-medium text-zinc-600">
          {t('search')}
        </label>
        <Input id="f-q" name="q" type="search" defaultValue={values.q} placeholder={t('searchPlaceholder')} />
      </div>
      {(
        [
          ['tier', t('tier'), [['', t('allTiers')], ['1', t('tierN', { tier: 1 })], ['2', t('tierN', { tier: 2 })], ['3', t('tierN', { tier: 3 })]]],
          ['owner', t('owner'), [...(showMine ? [['me', t('ownerMe')]] : []), ['all', t('ownerAll')], ['none', t('ownerNone')], ...csms.map((c) => [String(c.id), c.name])]],
          ['stage', t('stage'), [['', t('allStages')], ...lifecycleStages.map((s) => [s, t(`stages.${s}`)])]],
          ['renewal', t('renewal'), [['', t('anyRenewal')], ...['30', '60', '90', '180'].map((d) => [d, t('renewalWithin', { days: Number(d) })])]],
          ['source', t('tierSource'), [['', t('anySource')], ...tierSources.map((s): [string, string] => [s, t(s === 'computed' ? 'sourceComputed' : 'sourceOverride')])]],
        ] as const
      ).map(([name, label, options]) => (
        <div key={name}>
          <label htmlFor={`f-${name}`} className="mb-1 block text-xs font-medium text-zinc-600">
            {label}
          </label>
          <Select id={`f-${name}`} name={name} defaultValue={values[name]} onChange={apply} className="w-auto">
            {options.map(([value, text]) => (
              <option key={value} value={value}>
                {text}
              </option>
            ))}
          </Select>
        </div>
      ))}
      {values.sort && <input type="hidden" name="sort" value={values.sort} />}
      {values.dir === 'desc' && <input type="hidden" name="dir" value="desc" />}
      <Button type="submit" variant="secondary">
        {t('applyFilters')}
      </Button>
    </form>
  );
}
