'use client';

import { useTranslations } from 'next-intl';
import { ActionForm, SubmitButton } from '@/components/action-form';
import { updateContentItemDetails } from '../actions';
import { ItemFields, type KindOption } from './item-fields';

type Item = { id: number; version: number; kindId: number; title: string; description: string | null; language: string | null; tiers: number[]; archived: boolean };

export function EditItemForm({ item, kinds }: { item: Item; kinds: KindOption[] }) {
  const t = useTranslations('content');
  return (
    <ActionForm action={updateContentItemDetails} successMessage={t('saved')} className="space-y-3">
      <input type="hidden" name="id" value={item.id} />
      <input type="hidden" name="version" value={item.version} />
      <ItemFields kinds={kinds} item={item} />
      <label className="flex items-start gap-2 text-sm text-zinc-800">
        <input type="checkbox" name="archived" defaultChecked={item.archived} className="mt-0.5 size-4 rounded border-zinc-300 text-brand-600" />
        <span>
          {t('archived')}
          <span className="block text-xs text-zinc-500">{t('archivedHint')}</span>
        </span>
      </label>
      <div className="flex justify-end">
        <SubmitButton>{t('save')}</SubmitButton>
      </div>
    </ActionForm>
  );
}
