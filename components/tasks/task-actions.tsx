'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import type { ActionResult, ActionState } from '@/lib/actions/result';
import { useFormat } from '@/lib/i18n/use-format';
import { ActionForm, SelectField, SubmitButton, TextField } from '@/components/action-form';
import { useTaskStatus } from './task-status';

type FormAction = (prev: ActionState<unknown>, data: FormData) => Promise<ActionResult<unknown>>;

/** The task actions the forms call (app/(workspace)/tasks: actions.ts, episode-actions.ts), passed by the page. */
export type TaskWorkActions = Record<'completeTask' | 'snoozeTask' | 'reassignTask' | 'snoozeEpisode' | 'dismissEpisode', FormAction>;

export type TouchDefaults = { types: { id: number; label: string }[]; typeId: number | null; date: string; time: string };

/**
 * Complete with a note (optionally logging the call or meeting as a touch),
 * snooze until a day, and (managers) give to someone else: each from the
 * version shown. A task raised by an open alert episode snoozes or dismisses
 * the episode instead (a reason is asked for to dismiss). What became of the
 * task is said above the list (TaskStatus): the action's revalidation removes
 * the row, with this form and its notice, in the same render as its result,
 * so the notice is given as the action returns, not by the form.
 */
export function TaskActions({
  taskId,
  title,
  version,
  episodeVersion,
  tomorrow,
  users,
  touch,
  actions,
}: {
  taskId: number;
  /** The task's title, for the notice that outlasts its row. */
  title: string;
  version: number;
  /** The open alert episode behind the task, if any. */
  episodeVersion: number | null;
  tomorrow: string;
  users: { id: number; name: string }[] | null;
  touch: TouchDefaults;
  actions: TaskWorkActions;
}) {
  const { completeTask, snoozeTask, reassignTask, snoozeEpisode, dismissEpisode } = actions;
  const t = useTranslations('tasks');
  const router = useRouter();
  const format = useFormat();
  const announce = useTaskStatus();
  const [logging, setLogging] = useState(false);
  const refresh = () => router.refresh();
  /** The action, saying what became of the task once it succeeded (the text from what was sent: the day, the new owner). */
  const saying =
    <R,>(act: (prev: ActionState<R>, data: FormData) => Promise<ActionResult<R>>, text: (data: FormData) => string) =>
    async (prev: ActionState<R>, data: FormData) => {
      const result = await act(prev, data);
      if (result.ok) announce(text(data));
      return result;
    };
  const day = (data: FormData) => format.date(String(data.get('until')));
  const hidden = (
    <>
      <input type="hidden" name="taskId" value={taskId} />
      <input type="hidden" name="version" value={version} />
    </>
  );
  const episodeHidden = (
    <>
      <input type="hidden" name="taskId" value={taskId} />
      <input type="hidden" name="episodeVersion" value={episodeVersion ?? 0} />
    </>
  );
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <ActionForm action={saying(completeTask, () => t('done.completed', { title }))} onSuccess={refresh} className="space-y-2 lg:col-span-2">
        {hidden}
        <div className="flex items-end gap-2">
          <div className="min-w-0 flex-1">
            <TextField name="note" label={t('note')} placeholder={t('notePlaceholder')} maxLength={2000} />
          </div>
          <SubmitButton pendingLabel={t('completing')}>{t('complete')}</SubmitButton>
        </div>
        {touch.types.length > 0 && (
          <label className="flex items-center gap-2 text-sm text-zinc-800">
            <input type="checkbox" name="logTouch" checked={logging} onChange={(e) => setLogging(e.target.checked)} className="size-4 rounded border-zinc-300 text-brand-600" />
            {t('logTouch')}
          </label>
        )}
        {logging && (
          <div className="grid gap-2 sm:grid-cols-4">
            <SelectField name="activityTypeId" label={t('touchType')} defaultValue={String(touch.typeId ?? touch.types[0]?.id ?? '')} options={touch.types.map((ty) => ({ value: String(ty.id), label: ty.label }))} />
            <TextField name="touchDate" type="date" label={t('touchDate')} defaultValue={touch.date} max={touch.date} />
            <TextField name="touchTime" type="time" label={t('touchTime')} defaultValue={touch.time} />
            <TextField name="durationMinutes" type="number" inputMode="numeric" min={5} max={1440} step={5} label={t('touchMinutes')} defaultValue={30} />
          </div>
        )}
      </ActionForm>
      {episodeVersion === null ? (
        <ActionForm action={saying(snoozeTask, (data) => t('done.snoozed', { title, date: day(data) }))} onSuccess={refresh} className="flex items-end gap-2">
          {hidden}
          <div className="min-w-0 flex-1">
            <TextField name="until" type="date" min={tomorrow} defaultValue={tomorrow} label={t('snooze')} />
          </div>
          <SubmitButton variant="secondary" pendingLabel={t('snoozing')}>
            {t('snoozeSave')}
          </SubmitButton>
        </ActionForm>
      ) : (
        <>
          <ActionForm action={saying(snoozeEpisode, (data) => t('done.alertSnoozed', { title, date: day(data) }))} onSuccess={refresh} className="grid gap-2 sm:grid-cols-[minmax(0,1fr)_minmax(0,2fr)_auto] sm:items-end">
            {episodeHidden}
            <TextField name="until" type="date" min={tomorrow} defaultValue={tomorrow} label={t('alertSnoozeUntil')} />
            <TextField name="reason" label={t('reasonOptional')} placeholder={t('snoozeReasonPlaceholder')} maxLength={500} />
            <SubmitButton variant="secondary" pendingLabel={t('snoozing')}>
              {t('alertSnoozeSave')}
            </SubmitButton>
          </ActionForm>
          <ActionForm action={saying(dismissEpisode, () => t('done.alertDismissed', { title }))} onSuccess={refresh} className="flex items-end gap-2">
            {episodeHidden}
            <div className="min-w-0 flex-1">
              <TextField name="reason" label={t('dismissReason')} placeholder={t('dismissReasonPlaceholder')} maxLength={500} />
            </div>
            <SubmitButton variant="secondary" pendingLabel={t('dismissing')}>
              {t('alertDismissSave')}
            </SubmitButton>
          </ActionForm>
        </>
      )}
      {users && (
        <ActionForm action={saying(reassignTask, (data) => t('done.given', { title, name: users?.find((u) => String(u.id) === data.get('ownerId'))?.name ?? '' }))} onSuccess={refresh} className="flex items-end gap-2">
          {hidden}
          <div className="min-w-0 flex-1">
            <SelectField name="ownerId" label={t('reassign')} options={users.map((u) => ({ value: String(u.id), label: u.name }))} />
          </div>
          <SubmitButton variant="secondary" pendingLabel={t('reassigning')}>
            {t('reassignSave')}
          </SubmitButton>
        </ActionForm>
      )}
    </div>
  );
}
