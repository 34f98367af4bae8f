'use client';

import { useTranslations } from 'next-intl';
import { ActionForm, SelectField, SubmitButton, TextField } from '@/components/action-form';
import { Badge } from '@/components/ui/badge';
import { saveContentKind } from './actions';

type Kind = { id: number; key: string | null; name: string | null; label: string; active: boolean; version: number; items: number };

function KindForm({ kind }: { kind?: Kind }) {
  const t = useTranslations('contentKinds');
  return (
    <ActionForm
      action={saveContentKind}
      successMessage={kind ? t('saved') : t('added')}
      resetOnSuccess={!kind}
      className={kind ? 'grid items-start gap-3 sm:grid-cols-[minmax(0,24rem)_12rem_auto]' : 'grid items-start gap-3 sm:grid-cols-[minmax(0,24rem)_auto]'}
    >
      {kind && (
        <>
          <input type="hidden" name="id" value={kind.id} />
          <input type="hidden" name="version" value={kind.version} />
        </>
      )}
      <TextField
        name="name"
        label={t('name')}
        defaultValue={kind?.name ?? ''}
        placeholder={kind?.key && !kind.name ? kind.label : undefined}
      />
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
      <div className="sm:pt-6">
        <SubmitButton variant={kind ? 'secondary' : 'primary'}>{kind ? t('save') : t('add')}</SubmitButton>
      </div>
    </ActionForm>
  );
}

/** Every content kind with its own form (name, status), then a form to add one. */
export function ContentKinds({ kinds }: { kinds: Kind[] }) {
  const t = useTranslations('contentKinds');
  return (
    <div className="space-y-4">
      <p className="text-sm text-zinc-600">{t('defaultNameHint')}</p>
      <ul className="divide-y divide-zinc-100">
        {kinds.map((kind) => (
          <li key={kind.id} className="py-3">
            <p className="mb-2 flex flex-wrap items-center gap-2 text-sm font-medium">
              {kind.label}
              {kind.key && <Badge>{t('builtIn')}</Badge>}
              {!kind.active && <Badge tone="amber">{t('inactive')}</Badge>}
              <span className="text-xs font-normal text-zinc-500">{t('items', { count: kind.items })}</span>
            </p>
            <KindForm kind={kind} />
          </li>
        ))}
      </ul>
      <div className="border-t border-zinc-200 pt-4">
        <h3 className="mb-2 text-sm font-semibold">{t('newKind')}</h3>
        <KindForm />
      </div>
    </div>
  );
}
