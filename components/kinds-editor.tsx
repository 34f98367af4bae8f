'use client';

import { useTranslations } from 'next-intl';
import type { ActionResult, ActionState } from '@/lib/actions/result';
import { ActionForm, SelectField, SubmitButton, TextField } from '@/components/action-form';
import { Badge } from '@/components/ui/badge';

// The admin list of a kind of thing (content kinds, program kinds): each kind
// with its own form (name, status and any choice of its own, such as a
// program kind's touch model), then a form to add one. The page passes its
// action and the words that name its kind; the rest is shared.

export type EditableKind = {
  id: number;
  key: string | null;
  name: string | null;
  /** The name as readers see it (an admin's name, else the built-in name in their language). */
  label: string;
  active: boolean;
  version: number;
  /** How much uses it, in words ("3 items"). */
  usage: string;
  /** The kind's value of `choice`, when the page has one. */
  choiceValue?: string;
  /** The choice in words, shown beside the name ("Community"). */
  choiceLabel?: string;
};

/** A select every kind has (a program kind's touch model). */
export type KindChoice = { name: string; label: string; options: { value: string; label: string }[]; defaultValue: string };

type Words = { newKind: string; add: string; added: string };
type SaveAction = (prev: ActionState<{ id: number }>, payload: FormData) => Promise<ActionResult<{ id: number }>>;

function KindForm({ kind, action, choice, words }: { kind?: EditableKind; action: SaveAction; choice?: KindChoice; words: Words }) {
  const t = useTranslations('kinds');
  // On a phone the name takes the row and the selects share the next one, side by side.
  const grid = choice
    ? kind
      ? 'grid grid-cols-2 items-start gap-3 sm:grid-cols-[minmax(0,20rem)_11rem_11rem_auto]'
      : 'grid grid-cols-2 items-start gap-3 sm:grid-cols-[minmax(0,20rem)_11rem_auto]'
    : kind
      ? 'grid grid-cols-2 items-start gap-3 sm:grid-cols-[minmax(0,24rem)_12rem_auto]'
      : 'grid grid-cols-2 items-start gap-3 sm:grid-cols-[minmax(0,24rem)_auto]';
  return (
    <ActionForm action={action} successMessage={kind ? t('saved') : words.added} resetOnSuccess={!kind} className={grid}>
      {kind && (
        <>
          <input type="hidden" name="id" value={kind.id} />
          <input type="hidden" name="version" value={kind.version} />
        </>
      )}
      <div className="col-span-2 sm:col-span-1">
        <TextField name="name" label={t('name')} defaultValue={kind?.name ?? ''} placeholder={kind?.key && !kind.name ? kind.label : undefined} />
      </div>
      {choice && <SelectField name={choice.name} label={choice.label} defaultValue={kind?.choiceValue ?? choice.defaultValue} options={choice.options} />}
      {kind && (
        <SelectField
          name="active"
          label={t('status')}
          defaultValue={kind.active ? 'true' : 'false'}
          options={[
            { value: 'true', label: t('active') },
            { value: 'false', label: t('inactive') },
          ]}
        />
      )}
      <div className="col-span-2 sm:col-span-1 sm:pt-6">
        <SubmitButton variant={kind ? 'secondary' : 'primary'}>{kind ? t('save') : words.add}</SubmitButton>
      </div>
    </ActionForm>
  );
}

export function KindsEditor({ kinds, action, choice, words, hint }: { kinds: EditableKind[]; action: SaveAction; choice?: KindChoice; words: Words; hint?: string }) {
  const t = useTranslations('kinds');
  return (
    <div className="space-y-4">
      <p className="text-sm text-zinc-600">{t('defaultNameHint')}</p>
      {hint && <p className="text-sm text-zinc-600">{hint}</p>}
      <ul className="divide-y divide-zinc-100">
        {kinds.map((kind) => (
          <li key={kind.id} className="py-3">
            <p className="mb-2 flex flex-wrap items-center gap-2 text-sm font-medium">
              {kind.label}
              {kind.key && <Badge>{t('builtIn')}</Badge>}
              {kind.choiceLabel && <Badge tone="indigo">{kind.choiceLabel}</Badge>}
              {!kind.active && <Badge tone="amber">{t('inactive')}</Badge>}
              <span className="text-xs font-normal text-zinc-500">{kind.usage}</span>
            </p>
            <KindForm kind={kind} action={action} choice={choice} words={words} />
          </li>
        ))}
      </ul>
      <div className="border-t border-zinc-200 pt-4">
        <h3 className="mb-2 text-sm font-semibold">{words.newKind}</h3>
        <KindForm action={action} choice={choice} words={words} />
      </div>
    </div>
  );
}
