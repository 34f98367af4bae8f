'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useRef } from 'react';
import { Button } from '@/components/ui/button';
import { Select } from '@/components/ui/input';

type Props = {
  values: { csm: string; horizon: string; tier: string; account: string };
  /** Managers and admins choose whose book; null for a CSM. */
  csms: { id: number; name: string }[] | null;
  horizons: readonly number[];
};

/** Whose book, how far ahead and which tier: a GET form, so every plan is a URL. Selects apply on change. */
export function PlanScope({ values, csms, horizons }: Props) {
  const t = useTranslations('plan');
  const router = useRouter();
  const form = useRef<HTMLFormElement>(null);

  function apply() {
    const params = new URLSearchParams();
    for (const [k, v] of new FormData(form.current!).entries()) if (typeof v === 'string' && v !== '') params.set(k, v);
    router.push(`/plan${params.size ? `?${params}` : ''}`);
  }

  type Field = [name: 'csm' | 'horizon' | 'tier', label: string, options: [value: string, text: string][]];
  const fields: Field[] = [];
  if (csms && !values.account) fields.push(['csm', t('csm'), [['', t('chooseCsm')], ...csms.map((c): [string, string] => [String(c.id), c.name])]]);
  fields.push(['horizon', t('horizon'), horizons.map((m): [string, string] => [String(m), t('horizonMonths', { months: m })])]);
  if (!values.account) fields.push(['tier', t('tier'), [['', t('allTiers')], ...[1, 2, 3].map((n): [string, string] => [String(n), t('tierN', { tier: n })])]]);

  return (
    <form
      ref={form}
      className="mb-4 flex flex-wrap items-end gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        apply();
      }}
    >
      {values.account && <input type="hidden" name="account" value={values.account} />}
      {fields.map(([name, label, options]) => (
        <div key={name}>
          <label htmlFor={`plan-${name}`} className="mb-1 block text-xs font-medium text-zinc-600">
            {label}
          </label>
          <Select id={`plan-${name}`} name={name} defaultValue={values[name]} onChange={apply} className="w-auto">
            {options.map(([value, text]) => (
              <option key={value} value={value}>
                {text}
              </option>
            ))}
          </Select>
        </div>
      ))}
      <Button type="submit" variant="secondary">
        {t('show')}
      </Button>
    </form>
  );
}
