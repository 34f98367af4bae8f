'use client';

import { ActionForm, SubmitButton } from '@/components/action-form';
import { retryFailedJob, retryFailedQueue } from './actions';

/** A button that sends one failed job, or every failed job of a queue, back to run again. */
export function RetryForm({ queue, id, label }: { queue: string; id?: string; label: string }) {
  return (
    <ActionForm action={id ? retryFailedJob : retryFailedQueue} className="space-y-2">
      <input type="hidden" name="queue" value={queue} />
      {id && <input type="hidden" name="id" value={id} />}
      <SubmitButton variant="secondary">{label}</SubmitButton>
    </ActionForm>
  );
}
