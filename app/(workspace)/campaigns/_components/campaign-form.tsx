'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { ActionForm, SelectField, SubmitButton, TextField, useFieldError, useMessage } from '@/components/action-form';
import { AudienceFilter } from '@/components/audience-filter';
import { buttonClass } from '@/components/ui/button';
import { campaignChannels, campaignTools } from '@/lib/vocabulary';
import { createCampaign, previewCampaignAudience, updateCampaign } from '../actions';

export type CampaignFormValues = {
  id: number;
  version: number;
  name: string;
  key: string;
  channel: string;
  tool: string;
  audience: string;
  startsOn: string;
  endsOn: string | null;
  goalEvent: string | null;
  goalWindowDays: number;
  /** The key is in use (events arrived under it, or an alert rule's webhook carries it): it shows read-only. */
  keyLocked?: boolean;
};

function AudienceError() {
  const error = useFieldError('audience');
  const message = useMessage();
  return error ? <p className="text-xs text-red-700">{message(error)}</p> : null;
}

/**
 * A campaign's settings: what the tool sends, when, to which audience (the
 * shared audience filter, counted live) and the goal it is judged by. New:
 * on success, the campaign's page; edit: the same, sent with the version it
 * was read at, so a concurrent save is refused rather than overwritten.
 */
export function CampaignForm({
  campaign,
  goalEvents,
  csms,
  today,
}: {
  campaign: CampaignFormValues | null;
  goalEvents: string[];
  csms: { id: number; name: string }[];
  today: string;
}) {
  const t = useTranslations('campaigns');
  const router = useRouter();
  // A goal chosen before its mapping was removed stays choosable.
  const goals = campaign?.goalEvent && !goalEvents.includes(campaign.goalEvent) ? [campaign.goalEvent, ...goalEvents] : goalEvents;
  return (
    <ActionForm<{ id: number }> action={campaign ? updateCampaign : createCampaign} onSuccess={(data) => router.push(`/campaigns/${data.id}`)} className="space-y-4">
      {campaign && (
        <>
          <input type="hidden" name="id" value={campaign.id} />
          <input type="hidden" name="expectedVersion" value={campaign.version} />
        </>
      )}
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField name="name" label={t('form.name')} defaultValue={campaign?.name} autoComplete="off" />
        <TextField
          name="key"
          label={t('form.key')}
          hint={campaign?.keyLocked ? t('form.keyLockedHint') : t('form.keyHint')}
          defaultValue={campaign?.key}
          readOnly={campaign?.keyLocked}
          className={campaign?.keyLocked ? 'bg-zinc-50 text-zinc-600' : undefined}
          autoComplete="off"
          spellCheck={false}
        />
      </div>
      <div className="grid gap-3 sm:grid-cols-2">
        <SelectField name="channel" label={t('form.channel')} defaultValue={campaign?.channel ?? 'email'} options={campaignChannels.map((c) => ({ value: c, label: t(`channels.${c}`) }))} />
        <SelectField name="tool" label={t('form.tool')} defaultValue={campaign?.tool ?? 'hubspot'} options={campaignTools.map((c) => ({ value: c, label: t(`tools.${c}`) }))} />
      </div>
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField name="startsOn" type="date" label={t('form.startsOn')} defaultValue={campaign?.startsOn ?? today} />
        <TextField name="endsOn" type="date" label={t('form.endsOn')} hint={t('form.endsOnHint')} defaultValue={campaign?.endsOn ?? ''} />
      </div>
      <div className="grid gap-3 sm:grid-cols-2">
        <SelectField
          name="goalEvent"
          label={t('form.goalEvent')}
          hint={t('form.goalEventHint')}
          defaultValue={campaign?.goalEvent ?? ''}
          options={[{ value: '', label: t('form.noGoalOption') }, ...goals.map((g) => ({ value: g, label: g }))]}
        />
        <TextField name="goalWindowDays" type="number" min={1} max={365} inputMode="numeric" label={t('form.goalWindowDays')} defaultValue={campaign?.goalWindowDays ?? 14} />
      </div>
      <fieldset className="space-y-2 rounded-md p-3 ring-1 ring-inset ring-zinc-200">
        <legend className="px-1 text-sm font-medium text-zinc-800">{t('form.audience')}</legend>
        <p className="text-xs text-zinc-500">{t('form.audienceHint')}</p>
        <AudienceFilter idPrefix="campaign" csms={csms} preview={previewCampaignAudience} initial={campaign?.audience ?? ''}>
          {(audience, reach) => (
            <>
              <input type="hidden" name="audience" value={audience} />
              <p className="text-sm text-zinc-700" aria-live="polite">
                {reach ? t('form.reach', reach) : t('form.counting')}
              </p>
              <AudienceError />
            </>
          )}
        </AudienceFilter>
      </fieldset>
      <div className="flex items-center gap-2">
        <SubmitButton>{campaign ? t('form.save') : t('form.create')}</SubmitButton>
        <Link href={campaign ? `/campaigns/${campaign.id}` : '/campaigns'} className={buttonClass('secondary')}>
          {t('form.cancel')}
        </Link>
      </div>
    </ActionForm>
  );
}
