'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useRef } from 'react';
import { Button } from '@/components/ui/button';
import { Select } from '@/components/ui/input';

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
  const router = useRouter();
  const form = useRef<HTMLFormElement>(null);

  function apply() {
    const params = new URLSearchParams();
    for (const [k, v] of new FormData(form.current!).entries()) if (typeof v === 'string' && v !== '') params.set(k, v);
    router.push(`/team${params.size ? `?${params}` : ''}`);
  }

  return (
    <form
      ref={form}
      action="/team"
      className="mb-4 flex flex-wrap items-end gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        apply();
      }}
    >
      <div>
        <label htmlFor="team-csm" className="mb-1 block text-xs font-medium text-zinc-600">
          {t('csm')}
        </label>
        <Select id="team-csm" name="csm" defaultValue={values.csm} onChange={apply} className="w-auto min-w-40">
          <option value="">{t('allCsms')}</option>
          {csms.map((c) => (
            <option key={c.id} value={String(c.id)}>
              {c.name}
            </option>
          ))}
        </Select>
      </div>
      <div>
        <label htmlFor="team-tier" className="mb-1 block text-xs font-medium text-zinc-600">
          {t('tier')}
        </label>
        <Select id="team-tier" name="tier" defaultValue={values.tier} onChange={apply} className="w-auto">
          <option value="">{t('allTiers')}</option>
          {[1, 2, 3].map((tier) => (
            <option key={tier} value={String(tier)}>
              {t('tierN', { tier })}
            </option>
          ))}
        </Select>
      </div>
      {values.view && <input type="hidden" name="view" value={values.view} />}
      {values.date && <input type="hidden" name="date" value={values.date} />}
      <Button type="submit" variant="secondary">
        {t('apply')}
      </Button>
    </form>
  );
}
