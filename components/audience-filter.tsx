'use client';

import { useTranslations } from 'next-intl';
import { startTransition, useEffect, useState, type ReactNode } from 'react';
import { Input, Select } from '@/components/ui/input';
import { healthFilters, type HealthFilter } from '@/lib/accounts/filters';
import type { ActionResult } from '@/lib/actions/result';
import { lifecycleStages } from '@/lib/vocabulary';

export type Reach = { accounts: number; contacts: number; emailable: number };

/**
 * The account list's filters as an audience (a query string), with a live
 * count of whom it reaches: used by content sharing and program invitations.
 * `children` gets the audience and its count (null until counted for this
 * audience) to render the form that acts on it.
 */
export function AudienceFilter({
  idPrefix,
  csms,
  preview,
  initial = '',
  children,
}: {
  idPrefix: string;
  /** An audience saved earlier (its query string), to start from when editing. */
  initial?: string;
  /** The CSMs to filter by owner; null for a CSM, whose audience is always their own book. */
  csms: { id: number; name: string }[] | null;
  preview: (prev: null, input: { audience: string }) => Promise<ActionResult<Reach>>;
  children: (audience: string, reach: Reach | null) => ReactNode;
}) {
  const t = useTranslations('content');
  const ta = useTranslations('accounts');
  const th = useTranslations('health');
  const start = new URLSearchParams(initial);
  const [tiers, setTiers] = useState<number[]>(() => (start.get('tier') ?? '').split(',').map(Number).filter((n) => n >= 1 && n <= 3));
  const [health, setHealth] = useState<HealthFilter[]>(() => healthFilters.filter((h) => (start.get('health') ?? '').split(',').includes(h)));
  const [stage, setStage] = useState(() => start.get('stage') ?? '');
  const [industry, setIndustry] = useState(() => start.get('industry') ?? '');
  const [owner, setOwner] = useState(() => (/^\d+$/.test(start.get('owner') ?? '') ? start.get('owner')! : ''));
  const [renewal, setRenewal] = useState(() => start.get('renewal') ?? '');
  // The count and the audience it was counted for: a count for another audience is not shown.
  const [counted, setCounted] = useState<{ audience: string; reach: Reach } | null>(null);

  const params = new URLSearchParams();
  if (tiers.length) params.set('tier', tiers.join(','));
  if (health.length) params.set('health', healthFilters.filter((h) => health.includes(h)).join(','));
  if (stage) params.set('stage', stage);
  if (industry.trim()) params.set('industry', industry.trim());
  params.set('owner', csms ? owner || 'all' : 'me');
  if (/^\d+$/.test(renewal)) params.set('renewal', renewal);
  const audience = params.toString();

  const reach = counted?.audience === audience ? counted.reach : null;

  useEffect(() => {
    const timer = setTimeout(() => {
      startTransition(async () => {
        const result = await preview(null, { audience });
        if (result.ok) setCounted({ audience, reach: result.data });
      });
    }, 250);
    return () => clearTimeout(timer);
  }, [audience, preview]);

  const label = 'mb-1 block text-xs font-medium text-zinc-600';
  return (
    <div className="space-y-3">
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
        <fieldset>
          <legend className={label}>{t('audienceTiers')}</legend>
          <div className="flex gap-3 pt-1">
            {[1, 2, 3].map((n) => (
              <label key={n} className="flex items-center gap-1.5 text-sm text-zinc-800">
                <input type="checkbox" checked={tiers.includes(n)} onChange={(e) => setTiers(e.target.checked ? [...tiers, n].sort() : tiers.filter((x) => x !== n))} className="size-4 rounded border-zinc-300 text-brand-600" />
                {t('tierN', { tier: n })}
              </label>
            ))}
          </div>
        </fieldset>
        <fieldset>
          <legend className={label}>{t('audienceHealth')}</legend>
          <div className="flex flex-wrap gap-x-3 gap-y-1 pt-1">
            {healthFilters.map((h) => (
              <label key={h} className="flex items-center gap-1.5 text-sm text-zinc-800">
                <input type="checkbox" checked={health.includes(h)} onChange={(e) => setHealth(e.target.checked ? [...health, h] : health.filter((x) => x !== h))} className="size-4 rounded border-zinc-300 text-brand-600" />
                {h === 'none' ? th('model.noScore') : th(`bands.${h}`)}
              </label>
            ))}
          </div>
        </fieldset>
        <div>
          <label htmlFor={`${idPrefix}-stage`} className={label}>
            {t('audienceStage')}
          </label>
          <Select id={`${idPrefix}-stage`} value={stage} onChange={(e) => setStage(e.target.value)}>
            <option value="">{t('anyStage')}</option>
            {lifecycleStages.map((s) => (
              <option key={s} value={s}>
                {ta(`stages.${s}`)}
              </option>
            ))}
          </Select>
        </div>
        <div>
          <label htmlFor={`${idPrefix}-industry`} className={label}>
            {t('audienceIndustry')}
          </label>
          <Input id={`${idPrefix}-industry`} value={industry} onChange={(e) => setIndustry(e.target.value)} autoComplete="off" />
        </div>
        {csms && (
          <div>
            <label htmlFor={`${idPrefix}-owner`} className={label}>
              {t('audienceOwner')}
            </label>
            <Select id={`${idPrefix}-owner`} value={owner} onChange={(e) => setOwner(e.target.value)}>
              <option value="">{t('anyOwner')}</option>
              {csms.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </Select>
          </div>
        )}
        <div>
          <label htmlFor={`${idPrefix}-renewal`} className={label}>
            {t('audienceRenewal')}
          </label>
          <Input id={`${idPrefix}-renewal`} inputMode="numeric" value={renewal} onChange={(e) => setRenewal(e.target.value)} autoComplete="off" />
        </div>
      </div>
      {!csms && <p className="text-xs text-zinc-500">{t('ownBook')}</p>}
      {children(audience, reach)}
    </div>
  );
}
