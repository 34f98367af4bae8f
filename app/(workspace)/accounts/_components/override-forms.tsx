'use client';

import { useTranslations } from 'next-intl';
import { ActionForm, SelectField, SubmitButton, TextAreaField, TextField } from '@/components/action-form';
import { clearTierOverride, requestTierOverride, setTierOverride } from '../actions';

function TierFields({ defaultTier, defaultReason }: { defaultTier: number; defaultReason?: string }) {
  const t = useTranslations('accounts');
  return (
    <>
      <div className="grid gap-3 sm:grid-cols-2">
        <SelectField name="tier" label={t('overrideTier')} defaultValue={String(defaultTier)} options={[1, 2, 3].map((n) => ({ value: String(n), label: t('tierN', { tier: n }) }))} />
        <TextField name="until" label={t('overrideUntil')} type="date" hint={t('overrideUntilHint')} />
      </div>
      <TextAreaField name="reason" label={t('overrideReason')} hint={t('overrideReasonHint')} rows={2} defaultValue={defaultReason} />
    </>
  );
}

export function SetOverrideForm({ id, version, defaultTier, defaultReason }: { id: number; version: number; defaultTier: number; defaultReason?: string }) {
  const t = useTranslations('accounts');
  return (
    <ActionForm action={setTierOverride} successMessage={t('overrideSaved')} resetOnSuccess className="space-y-3">
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="version" value={version} />
      <TierFields defaultTier={defaultTier} defaultReason={defaultReason} />
      <div className="flex justify-end">
        <SubmitButton>{t('setOverride')}</SubmitButton>
      </div>
    </ActionForm>
  );
}

export function ClearOverrideForm({ id, version, computedTier }: { id: number; version: number; computedTier: number }) {
  const t = useTranslations('accounts');
  return (
    <ActionForm action={clearTierOverride} className="flex flex-wrap items-center justify-between gap-2">
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="version" value={version} />
      <p className="text-xs text-zinc-500">{t('clearOverrideHint', { tier: computedTier })}</p>
      <SubmitButton variant="danger">{t('clearOverride')}</SubmitButton>
    </ActionForm>
  );
}

export function RequestOverrideForm({ id, defaultTier, defaultReason }: { id: number; defaultTier: number; defaultReason?: string }) {
  const t = useTranslations('accounts');
  return (
    <ActionForm action={requestTierOverride} successMessage={t('requestSent')} resetOnSuccess className="space-y-3">
      <input type="hidden" name="id" value={id} />
      <TierFields defaultTier={defaultTier} defaultReason={defaultReason} />
      <div className="flex justify-end">
        <SubmitButton>{t('requestOverride')}</SubmitButton>
      </div>
    </ActionForm>
  );
}
