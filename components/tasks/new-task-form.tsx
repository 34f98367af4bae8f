'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { ActionForm, SelectField, SubmitButton, TextAreaField, TextField } from '@/components/action-form';
import { ComboboxField } from '@/components/combobox-field';
import type { ActionResult, ActionState } from '@/lib/actions/result';
import type { PickerOption } from '@/lib/picker';

const priorities = ['high', 'normal', 'low'] as const;

type CreateTask = (prev: ActionState<{ id: number }>, payload: FormData) => Promise<ActionResult<{ id: number }>>;

/**
 * A task written by hand, saved by `action` (the tasks route's createTask,
 * passed in by the page): on one account (`accountId`), or on one the user
 * picks from `accounts`; managers choose its owner from `users`, a CSM writes
 * it for themself.
 */
export function NewTaskForm({
  action,
  accountId,
  accounts,
  users,
  defaultOwnerId,
  today,
  onDone,
}: {
  action: CreateTask;
  accountId?: number;
  accounts?: PickerOption[];
  users: { id: number; name: string }[] | null;
  defaultOwnerId: number;
  today: string;
  onDone?: () => void;
}) {
  const t = useTranslations('tasks');
  const router = useRouter();
  return (
    <ActionForm
      action={action}
      successMessage={t('created')}
      resetOnSuccess
      onSuccess={() => {
        router.refresh();
        onDone?.();
      }}
      className="grid gap-3 sm:grid-cols-2"
    >
      {accountId !== undefined ? (
        <input type="hidden" name="accountId" value={accountId} />
      ) : (
        <div className="sm:col-span-2">
          <ComboboxField name="accountId" label={t('fields.account')} options={accounts ?? []} defaultValue={accounts?.[0]?.value ?? ''} />
        </div>
      )}
      <div className="sm:col-span-2">
        <TextField name="title" label={t('fields.title')} placeholder={t('fields.titlePlaceholder')} maxLength={200} required />
      </div>
      <div className="sm:col-span-2">
        <TextAreaField name="why" label={t('fields.why')} placeholder={t('fields.whyPlaceholder')} maxLength={2000} rows={2} />
      </div>
      <SelectField name="priority" label={t('fields.priority')} defaultValue="normal" options={priorities.map((p) => ({ value: p, label: t(`priority.${p}`) }))} />
      <TextField name="dueOn" type="date" label={t('fields.dueOn')} min={today} defaultValue={today} required />
      {users && <SelectField name="ownerId" label={t('fields.owner')} defaultValue={String(defaultOwnerId)} options={users.map((u) => ({ value: String(u.id), label: u.name }))} />}
      <TextField name="estimateMinutes" type="number" inputMode="numeric" min={5} max={1440} step={5} label={t('fields.estimate')} defaultValue={30} />
      <div className="sm:col-span-2">
        <SubmitButton pendingLabel={t('creating')}>{t('create')}</SubmitButton>
      </div>
    </ActionForm>
  );
}
