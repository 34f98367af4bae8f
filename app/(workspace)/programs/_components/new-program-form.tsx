'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { ActionForm, SelectField, SubmitButton, TextAreaField, TextField, useFieldError, useMessage } from '@/components/action-form';
import { buttonClass } from '@/components/ui/button';
import type { PickerOption } from '@/lib/picker';
import { contactLanguages } from '@/lib/vocabulary';
import { createProgram } from '../actions';
import { SessionFields } from './session-fields';

function FieldError({ name }: { name: string }) {
  const error = useFieldError(name);
  const message = useMessage();
  return error ? <p className="mt-1 text-xs text-red-700">{message(error)}</p> : null;
}

/** A program with its first session; on success, its page (to invite people). */
export function NewProgramForm({
  kinds,
  hosts,
  me,
  timeZones,
  defaultTimeZone,
}: {
  kinds: { id: number; label: string }[];
  hosts: { id: number; name: string }[];
  me: number;
  timeZones: PickerOption[];
  defaultTimeZone: string;
}) {
  const t = useTranslations('programs');
  const tc = useTranslations('content');
  const router = useRouter();
  const legend = 'text-sm font-medium text-zinc-800';
  return (
    <ActionForm<{ id: number }> action={createProgram} onSuccess={(data) => router.push(`/programs/${data.id}`)} className="space-y-4">
      <div className="grid gap-3 sm:grid-cols-3">
        <SelectField name="kindId" label={t('form.kind')} options={kinds.map((k) => ({ value: String(k.id), label: k.label }))} />
        <div className="sm:col-span-2">
          <TextField name="title" label={t('form.title')} autoComplete="off" />
        </div>
      </div>
      <TextAreaField name="description" label={t('form.description')} rows={3} />
      <div className="grid gap-3 sm:grid-cols-3">
        <SelectField name="language" label={t('form.language')} options={[{ value: '', label: t('form.anyLanguage') }, ...contactLanguages.map((l) => ({ value: l, label: tc(`languages.${l}`) }))]} />
        <fieldset className="sm:col-span-2">
          <legend className={legend}>{t('form.tiers')}</legend>
          <div className="mt-1.5 flex flex-wrap gap-x-4 gap-y-1">
            {[1, 2, 3].map((n) => (
              <label key={n} className="flex items-center gap-2 text-sm text-zinc-800">
                <input type="checkbox" name={`tier.${n}`} className="size-4 rounded border-zinc-300 text-brand-600" />
                {t('page.byTier', { tier: n })}
              </label>
            ))}
          </div>
          <FieldError name="tiers" />
        </fieldset>
      </div>
      <fieldset>
        <legend className={legend}>{t('form.hosts')}</legend>
        <div className="mt-1.5 flex max-h-40 flex-wrap gap-x-4 gap-y-1 overflow-y-auto">
          {hosts.map((h) => (
            <label key={h.id} className="flex items-center gap-2 text-sm text-zinc-800">
              <input type="checkbox" name={`host.${h.id}`} defaultChecked={h.id === me} className="size-4 rounded border-zinc-300 text-brand-600" />
              {h.name}
            </label>
          ))}
        </div>
        <p className="mt-1 text-xs text-zinc-500">{t('form.hostsHint')}</p>
        <FieldError name="hostIds" />
      </fieldset>
      <fieldset className="space-y-3 border-t border-zinc-100 pt-3">
        <legend className="text-sm font-semibold text-zinc-900">{t('form.session')}</legend>
        <SessionFields timeZones={timeZones} defaultTimeZone={defaultTimeZone} />
      </fieldset>
      <div className="flex justify-end gap-2">
        <Link href="/programs" className={buttonClass('ghost')}>
          {tc('close')}
        </Link>
        <SubmitButton pendingLabel={t('form.creating')}>{t('form.create')}</SubmitButton>
      </div>
    </ActionForm>
  );
}
