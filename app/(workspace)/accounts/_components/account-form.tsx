'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { ActionForm, SelectField, SubmitButton, TextAreaField, TextField } from '@/components/action-form';
import { MoneyField } from '@/components/money-field';
import { createAccount, updateAccountDetails } from '../actions';
import { lifecycleStages } from '@/lib/vocabulary';

export type AccountFormValues = {
  id?: number;
  version?: number;
  name: string;
  domain: string;
  externalId: string;
  industry: string;
  employees: string;
  arr: string;
  grossMarginPct: string;
  annualChurnPct: string;
  growthPotential: string;
  churnRisk: string;
  lifecycleStage: string;
  renewalDate: string;
  ownerId: string;
  notes: string;
};

type Props = {
  values: AccountFormValues;
  csms: { id: number; name: string }[];
  canChooseOwner: boolean;
  currency: string;
};

export function AccountForm({ values, csms, canChooseOwner, currency }: Props) {
  const t = useTranslations('accounts');
  const router = useRouter();
  const editing = values.id !== undefined;
  const levels = [
    { value: '', label: t('notSet') },
    { value: 'low', label: t('levels.low') },
    { value: 'medium', label: t('levels.medium') },
    { value: 'high', label: t('levels.high') },
  ];
  return (
    <ActionForm action={editing ? updateAccountDetails : createAccount} onSuccess={(data) => router.push(`/accounts/${data.id}`)}>
      {editing && (
        <>
          <input type="hidden" name="id" value={values.id} />
          <input type="hidden" name="version" value={values.version} />
        </>
      )}
      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-2 text-xs font-semibold uppercase tracking-wide text-zinc-500">{t('sectionProfile')}</legend>
        <TextField name="name" label={t('name')} defaultValue={values.name} required />
        <TextField name="domain" label={t('domain')} defaultValue={values.domain} placeholder="example.co.jp" required />
        <TextField name="industry" label={t('industry')} defaultValue={values.industry} />
        <TextField name="employees" label={t('employees')} defaultValue={values.employees} inputMode="numeric" />
        <TextField name="externalId" label={t('externalId')} hint={t('externalIdHint')} defaultValue={values.externalId} />
        {canChooseOwner ? (
          <SelectField
            name="ownerId"
            label={t('owner')}
            defaultValue={values.ownerId}
            options={[{ value: '', label: t('ownerNone') }, ...csms.map((c) => ({ value: String(c.id), label: c.name }))]}
          />
        ) : (
          <input type="hidden" name="ownerId" value={values.ownerId} />
        )}
      </fieldset>
      <fieldset className="grid gap-4 sm:grid-cols-3">
        <legend className="mb-2 text-xs font-semibold uppercase tracking-wide text-zinc-500">{t('sectionValue')}</legend>
        <MoneyField name="arr" label={t('arrIn', { currency })} currency={currency} defaultValue={values.arr} inputMode="decimal" hint={t('arrHint')} />
        <TextField name="grossMarginPct" label={t('grossMarginPct')} defaultValue={values.grossMarginPct} inputMode="decimal" hint={t('pctHint')} />
        <TextField name="annualChurnPct" label={t('annualChurnPct')} defaultValue={values.annualChurnPct} inputMode="decimal" hint={t('churnHint')} />
        <SelectField name="growthPotential" label={t('growthPotential')} defaultValue={values.growthPotential} options={levels} />
        <SelectField name="churnRisk" label={t('churnRisk')} defaultValue={values.churnRisk} options={levels} />
        <SelectField
          name="lifecycleStage"
          label={t('stage')}
          defaultValue={values.lifecycleStage}
          options={lifecycleStages.map((s) => ({ value: s, label: t(`stages.${s}`) }))}
        />
        <TextField name="renewalDate" label={t('renewalDate')} type="date" defaultValue={values.renewalDate} />
      </fieldset>
      <TextAreaField name="notes" label={t('notes')} defaultValue={values.notes} />
      <div className="flex justify-end gap-2">
        <SubmitButton pendingLabel={t('saving')}>{editing ? t('save') : t('create')}</SubmitButton>
      </div>
    </ActionForm>
  );
}
