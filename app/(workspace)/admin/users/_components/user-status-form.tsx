'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { ActionForm, Field, SubmitButton, useFieldError, useMessage } from '@/components/action-form';
import { Select } from '@/components/ui/input';
import type { OwnedWork } from '@/db/queries/handover';
import { setUserActive } from '../actions';

type Props = { id: number; version: number; active: boolean; isSelf: boolean; owned: OwnedWork; csms: { id: number; name: string }[] };

/**
 * Deactivate or reactivate. Someone who owns accounts or runs planned
 * activities is not deactivated until the admin says who takes them over.
 */
export function UserStatusForm({ id, version, active, isSelf, owned, csms }: Props) {
  const t = useTranslations('users');
  const hasWork = active && owned.accounts + owned.plannedActivities > 0;
  return (
    <ActionForm action={setUserActive} className="space-y-3">
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="version" value={version} />
      <input type="hidden" name="active" value={active ? 'false' : 'true'} />
      <p className="text-sm text-zinc-600">{active ? (isSelf ? t('activeSelf') : t('activeNow')) : t('inactiveNow')}</p>
      {hasWork && <Handover owned={owned} csms={csms} />}
      <SubmitButton variant={active ? 'danger' : 'secondary'}>{active ? (hasWork ? t('deactivateAndHand') : t('deactivate')) : t('reactivate')}</SubmitButton>
    </ActionForm>
  );
}

function Handover({ owned, csms }: { owned: OwnedWork; csms: { id: number; name: string }[] }) {
  const t = useTranslations('users');
  const message = useMessage();
  const [choice, setChoice] = useState<'csm' | 'spread' | ''>('');
  const error = useFieldError('handover');
  return (
    <fieldset className="space-y-2 rounded-md bg-amber-50 p-3 ring-1 ring-inset ring-amber-200" aria-describedby={error ? 'handover-error' : undefined}>
      <legend className="sr-only">{t('handoverLegend')}</legend>
      <p className="text-sm text-amber-900">{t('owns', { accounts: owned.accounts, activities: owned.plannedActivities })}</p>
      <label className="flex items-center gap-2 text-sm">
        <input type="radio" name="handover" value="csm" checked={choice === 'csm'} onChange={() => setChoice('csm')} />
        {t('handoverCsm')}
      </label>
      {choice === 'csm' && (
        <div className="pl-6">
          <Field name="toUserId" label={t('handoverTo')}>
            {(control) => (
              <Select {...control} defaultValue="" className="w-auto min-w-48">
                <option value="" disabled>
                  —
                </option>
                {csms.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name}
                  </option>
                ))}
              </Select>
            )}
          </Field>
        </div>
      )}
      <label className="flex items-start gap-2 text-sm">
        <input type="radio" name="handover" value="spread" checked={choice === 'spread'} onChange={() => setChoice('spread')} className="mt-1" />
        <span>
          {t('handoverSpread')}
          <span className="block text-xs text-zinc-600">{t('handoverSpreadHint')}</span>
        </span>
      </label>
      {error && (
        <p id="handover-error" className="text-xs text-red-700">
          {message(error)}
        </p>
      )}
    </fieldset>
  );
}
