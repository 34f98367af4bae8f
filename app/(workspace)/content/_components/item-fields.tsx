'use client';

import { useTranslations } from 'next-intl';
import { SelectField, TextAreaField, TextField } from '@/components/action-form';
import { contactLanguages } from '@/lib/vocabulary';

export type KindOption = { id: number; label: string };

/** What describes an item, shared by the add and edit forms. */
export function ItemFields({ kinds, item }: { kinds: KindOption[]; item?: { kindId: number; title: string; description: string | null; language: string | null; tiers: number[] } }) {
  const t = useTranslations('content');
  return (
    <>
      <div className="grid gap-3 sm:grid-cols-3">
        <SelectField name="kindId" label={t('kind')} defaultValue={String(item?.kindId ?? kinds[0]?.id ?? '')} options={kinds.map((k) => ({ value: String(k.id), label: k.label }))} />
        <div className="sm:col-span-2">
          <TextField name="title" label={t('itemTitle')} defaultValue={item?.title} autoComplete="off" />
        </div>
      </div>
      <TextAreaField name="description" label={t('itemDescription')} defaultValue={item?.description ?? ''} rows={2} />
      <div className="grid gap-3 sm:grid-cols-3">
        <SelectField
          name="language"
          label={t('language')}
          defaultValue={item?.language ?? ''}
          options={[{ value: '', label: t('languageAny') }, ...contactLanguages.map((l) => ({ value: l, label: t(`languages.${l}`) }))]}
        />
        <fieldset className="sm:col-span-2">
          <legend className="text-sm font-medium text-zinc-800">{t('tiers')}</legend>
          <div className="mt-1.5 flex flex-wrap gap-x-4 gap-y-1">
            {[1, 2, 3].map((n) => (
              <label key={n} className="flex items-center gap-2 text-sm text-zinc-800">
                <input type="checkbox" name={`tier.${n}`} defaultChecked={item?.tiers.includes(n) ?? false} className="size-4 rounded border-zinc-300 text-brand-600" />
                {t('tierN', { tier: n })}
              </label>
            ))}
          </div>
          <p className="mt-1 text-xs text-zinc-500">{t('tiersHint')}</p>
        </fieldset>
      </div>
    </>
  );
}
