'use client';

import { useTranslations } from 'next-intl';
import { useRef, useState } from 'react';
import { ActionForm, SubmitButton, TextField } from '@/components/action-form';
import { Card } from '@/components/ui/card';
import { MoneyField } from '@/components/money-field';
import type { TierPolicy } from '@/lib/tiering/policy';
import { applyTierPolicy, previewTierPolicy } from './actions';
import { RetierPreview, type Preview } from './retier-preview';

/**
 * Edit the policy, preview its effect, then apply exactly what was
 * previewed. Any edit after a preview hides it, so nothing is applied unseen.
 */
export function PolicyEditor({ policy, currency }: { policy: TierPolicy; currency: string }) {
  const t = useTranslations('tiering');
  const submitted = useRef<Record<string, string>>({});
  const [preview, setPreview] = useState<{ values: Record<string, string>; data: Preview } | null>(null);
  const [applied, setApplied] = useState<{ version: number; moved: number } | null>(null);

  return (
    <>
      <Card title={t('policyTitle', { version: policy.version })} description={t('policyDescription')}>
        <div
          onSubmitCapture={(e) => {
            submitted.current = Object.fromEntries(
              [...new FormData(e.target as HTMLFormElement).entries()].map(([k, v]) => [k, String(v)]),
            );
          }}
          onChangeCapture={() => {
            setPreview(null);
            setApplied(null);
          }}
        >
          <ActionForm action={previewTierPolicy} onSuccess={(data) => setPreview({ values: submitted.current, data })}>
            <input type="hidden" name="version" value={policy.version} />
            <div className="grid gap-4 sm:grid-cols-3">
              <MoneyField name="tier1Threshold" label={t('tier1ThresholdIn', { currency })} currency={currency} defaultValue={policy.tier1Threshold} inputMode="numeric" hint={t('tier1Hint')} />
              <MoneyField name="tier2Threshold" label={t('tier2ThresholdIn', { currency })} currency={currency} defaultValue={policy.tier2Threshold} inputMode="numeric" hint={t('tier2Hint')} />
              <TextField name="lifetimeCapYears" label={t('cap')} defaultValue={policy.lifetimeCapYears} inputMode="decimal" hint={t('capHint')} />
            </div>
            <fieldset className="space-y-2">
              <legend className="text-sm font-medium text-zinc-800">{t('modifiers')}</legend>
              <label className="flex items-center gap-2 text-sm">
                <input type="checkbox" name="raiseForGrowth" defaultChecked={policy.raiseForGrowth} />
                {t('raiseForGrowth')}
              </label>
              <label className="flex items-center gap-2 text-sm">
                <input type="checkbox" name="raiseForChurnRisk" defaultChecked={policy.raiseForChurnRisk} />
                {t('raiseForChurnRisk')}
              </label>
              <p className="text-xs text-zinc-500">{t('modifiersHint')}</p>
            </fieldset>
            <TextField name="note" label={t('note')} hint={t('noteHint')} />
            <div className="flex justify-end">
              <SubmitButton pendingLabel={t('previewing')}>{t('preview')}</SubmitButton>
            </div>
          </ActionForm>
        </div>
      </Card>
      {applied && (
        <p role="status" className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800 ring-1 ring-emerald-200">
          {t('applied', { version: applied.version, moved: applied.moved })}
        </p>
      )}
      {preview && !applied && (
        <Card title={t('previewTitle')} description={t('previewDescription', { moved: preview.data.movedCount })}>
          <RetierPreview preview={preview.data} />
          <ActionForm
            action={applyTierPolicy}
            onSuccess={(data) => {
              setApplied(data);
              setPreview(null);
            }}
            className="mt-4 flex flex-wrap items-center justify-between gap-3 border-t border-zinc-100 pt-4"
          >
            {Object.entries(preview.values).map(([k, v]) => (
              <input key={k} type="hidden" name={k} value={v} />
            ))}
            <p className="text-sm text-zinc-600">{t('applyExplain', { moved: preview.data.movedCount, version: policy.version + 1 })}</p>
            <SubmitButton pendingLabel={t('applying')}>{t('apply')}</SubmitButton>
          </ActionForm>
        </Card>
      )}
    </>
  );
}
