'use client';

import { useTranslations } from 'next-intl';
import { ActionForm, SelectField, SubmitButton, TextField } from '@/components/action-form';
import type { Workspace } from '@/db/queries/workspace';
import { updateWorkspace } from './actions';

type Props = {
  workspace: Workspace;
  currencies: string[];
  timeZones: string[];
  months: { value: string; label: string }[];
};

export function WorkspaceForm({ workspace, currencies, timeZones, months }: Props) {
  const t = useTranslations('workspace');
  return (
    <ActionForm action={updateWorkspace} successMessage={t('saved')}>
      <input type="hidden" name="version" value={workspace.version} />
      <TextField name="name" label={t('name')} defaultValue={workspace.name} required />
      <div className="grid gap-4 sm:grid-cols-3">
        <SelectField
          name="currency"
          label={t('currency')}
          hint={t('currencyHint')}
          defaultValue={workspace.currency}
          options={currencies.map((c) => ({ value: c, label: c }))}
        />
        <SelectField
          name="timeZone"
          label={t('timeZone')}
          defaultValue={workspace.timeZone}
          options={timeZones.map((z) => ({ value: z, label: z }))}
        />
        <SelectField
          name="fiscalYearStartMonth"
          label={t('fiscalYearStart')}
          defaultValue={String(workspace.fiscalYearStartMonth)}
          options={months}
        />
      </div>
      <div className="flex justify-end">
        <SubmitButton pendingLabel={t('saving')}>{t('save')}</SubmitButton>
      </div>
    </ActionForm>
  );
}
