'use client';

import { useTranslations } from 'next-intl';
import { ActionForm, SelectField, SubmitButton, TextField } from '@/components/action-form';
import { Badge } from '@/components/ui/badge';
import { saveActivityType } from './actions';
import { touchModels, type TouchModel } from '@/lib/vocabulary';

type ActivityType = {
  id: number;
  key: string | null;
  name: string | null;
  label: string;
  touchModel: TouchModel;
  requiresExecutiveSponsor: boolean;
  active: boolean;
  version: number;
};

function TypeForm({ type }: { type?: ActivityType }) {
  const t = useTranslations('playbooks');
  return (
    <ActionForm action={saveActivityType} successMessage={type ? t('typeSaved') : t('typeAdded')} resetOnSuccess={!type} className="grid items-end gap-3 sm:grid-cols-[2fr_1fr_1fr_auto_auto]">
      {type && (
        <>
          <input type="hidden" name="id" value={type.id} />
          <input type="hidden" name="version" value={type.version} />
        </>
      )}
      <TextField name="name" label={t('typeName')} defaultValue={type?.name ?? ''} placeholder={type && !type.name ? type.label : undefined} />
      <SelectField
        name="touchModel"
        label={t('touchModel')}
        defaultValue={type?.touchModel ?? 'high'}
        options={touchModels.map((m) => ({ value: m, label: t(`touchModels.${m}`) }))}
      />
      <SelectField
        name="active"
        label={t('status')}
        defaultValue={type && !type.active ? 'false' : 'true'}
        options={[
          { value: 'true', label: t('active') },
          { value: 'false', label: t('archived') },
        ]}
      />
      <label className="flex items-center gap-2 pb-2 text-sm">
        <input type="checkbox" name="requiresExecutiveSponsor" defaultChecked={type?.requiresExecutiveSponsor ?? false} />
        {t('execSponsor')}
      </label>
      <SubmitButton variant={type ? 'secondary' : 'primary'}>{type ? t('saveType') : t('addType')}</SubmitButton>
    </ActionForm>
  );
}

export function ActivityTypes({ types }: { types: ActivityType[] }) {
  const t = useTranslations('playbooks');
  return (
    <div className="space-y-4">
      <ul className="divide-y divide-zinc-100">
        {types.map((type) => (
          <li key={type.id} className="py-3">
            <p className="mb-2 flex items-center gap-2 text-sm font-medium">
              {type.label}
              {!type.active && <Badge>{t('archived')}</Badge>}
            </p>
            <TypeForm type={type} />
          </li>
        ))}
      </ul>
      <div className="border-t border-zinc-200 pt-4">
        <h3 className="mb-2 text-sm font-semibold">{t('newType')}</h3>
        <TypeForm />
      </div>
    </div>
  );
}
