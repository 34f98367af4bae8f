'use client';

import { useTranslations } from 'next-intl';
import { ActionForm, SubmitButton } from '@/components/action-form';
import { updateDigest } from './actions';

/** "Email me a daily digest at 08:00": the user's own choice, in their zone. */
export function DigestForm({ version, digestEmail, timeZone, smtp }: { version: number; digestEmail: boolean; timeZone: string; smtp: boolean }) {
  const t = useTranslations('notifications.settings');
  return (
    <ActionForm action={updateDigest} successMessage={t('saved')}>
      <input type="hidden" name="version" value={version} />
      <div>
        <label className="flex items-start gap-2 text-sm text-zinc-800">
          <input type="checkbox" name="digestEmail" defaultChecked={digestEmail} aria-describedby="digest-hint" className="mt-0.5 size-4 rounded border-zinc-300 text-brand-600" />
          {t('label')}
        </label>
        <p id="digest-hint" className="mt-1 pl-6 text-xs text-zinc-500">
          {t('hint', { zone: timeZone })}
        </p>
        {!smtp && <p className="mt-1 pl-6 text-xs text-amber-800">{t('noSmtp')}</p>}
      </div>
      <div className="flex justify-end">
        <SubmitButton pendingLabel={t('saving')}>{t('save')}</SubmitButton>
      </div>
    </ActionForm>
  );
}
