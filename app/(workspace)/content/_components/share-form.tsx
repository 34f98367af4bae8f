'use client';

import { useTranslations } from 'next-intl';
import { startTransition, useEffect, useState } from 'react';
import { ActionForm, SubmitButton } from '@/components/action-form';
import { Input, Select } from '@/components/ui/input';
import { lifecycleStages } from '@/lib/vocabulary';
import { ShareResult, type Shared } from '@/components/content/share-result';
import { previewAudience, shareContent } from '../actions';

type Reach = { accounts: number; contacts: number; emailable: number };

/**
 * Share the current version with an audience, chosen with the account
 * list's filters; the count beside it is live, and the share refuses if the
 * audience changed from the count the user saw.
 */
export function ShareForm({ itemId, csms }: { itemId: number; csms: { id: number; name: string }[] | null }) {
  const t = useTranslations('content');
  const ta = useTranslations('accounts');
  const [tiers, setTiers] = useState<number[]>([]);
  const [stage, setStage] = useState('');
  const [industry, setIndustry] = useState('');
  const [owner, setOwner] = useState('');
  const [renewal, setRenewal] = useState('');
  // The count and the audience it was counted for: a count for another audience is not shown.
  const [counted, setCounted] = useState<{ audience: string; reach: Reach } | null>(null);
  const [shared, setShared] = useState<Shared | null>(null);

  const params = new URLSearchParams();
  if (tiers.length) params.set('tier', tiers.join(','));
  if (stage) params.set('stage', stage);
  if (industry.trim()) params.set('industry', industry.trim());
  params.set('owner', csms ? owner || 'all' : 'me');
  if (/^\d+$/.test(renewal)) params.set('renewal', renewal);
  const audience = params.toString();

  const reach = counted?.audience === audience ? counted.reach : null;

  useEffect(() => {
    const timer = setTimeout(() => {
      startTransition(async () => {
        const result = await previewAudience(null, { audience });
        if (result.ok) setCounted({ audience, reach: result.data });
      });
    }, 250);
    return () => clearTimeout(timer);
  }, [audience]);

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
        <div>
          <label htmlFor="share-stage" className={label}>
            {t('audienceStage')}
          </label>
          <Select id="share-stage" value={stage} onChange={(e) => setStage(e.target.value)}>
            <option value="">{t('anyStage')}</option>
            {lifecycleStages.map((s) => (
              <option key={s} value={s}>
                {ta(`stages.${s}`)}
              </option>
            ))}
          </Select>
        </div>
        <div>
          <label htmlFor="share-industry" className={label}>
            {t('audienceIndustry')}
          </label>
          <Input id="share-industry" value={industry} onChange={(e) => setIndustry(e.target.value)} autoComplete="off" />
        </div>
        {csms && (
          <div>
            <label htmlFor="share-owner" className={label}>
              {t('audienceOwner')}
            </label>
            <Select id="share-owner" value={owner} onChange={(e) => setOwner(e.target.value)}>
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
          <label htmlFor="share-renewal" className={label}>
            {t('audienceRenewal')}
          </label>
          <Input id="share-renewal" inputMode="numeric" value={renewal} onChange={(e) => setRenewal(e.target.value)} autoComplete="off" />
        </div>
      </div>
      {!csms && <p className="text-xs text-zinc-500">{t('ownBook')}</p>}
      <ActionForm<Shared> action={shareContent} onSuccess={setShared} className="flex flex-wrap items-center justify-between gap-3">
        <input type="hidden" name="itemId" value={itemId} />
        <input type="hidden" name="audience" value={audience} />
        <input type="hidden" name="expected" value={reach?.accounts ?? ''} />
        <p className="text-sm text-zinc-700" aria-live="polite">
          {reach ? t('reach', reach) : t('counting')}
        </p>
        {reach && reach.accounts > 0 && <SubmitButton pendingLabel={t('sharing')}>{t('shareButton', { count: reach.accounts })}</SubmitButton>}
      </ActionForm>
      {shared && <ShareResult shared={shared} />}
    </div>
  );
}
