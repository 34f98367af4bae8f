'use server';

import { decideEpisode, findEpisode, type EpisodeRow } from '@/db/queries/episodes';
import { findTask, followEpisode } from '@/db/queries/tasks';
import { getWorkspace } from '@/db/queries/workspace';
import type { Tx } from '@/db/client';
import { action } from '@/lib/actions/action';
import { ActionError, notFoundError } from '@/lib/actions/result';
import { dismiss, snooze } from '@/lib/alerts/episode';
import { assertCanWorkTask } from '@/lib/auth/access';
import type { CurrentUser } from '@/lib/auth/current-user';
import { taskToday } from '@/lib/dates';
import { dismissEpisodeInput, snoozeEpisodeInput } from '@/lib/validation/task';

// The alert episode behind a raised task, decided from the task: its owner,
// or a manager or admin, snoozes it (the task sleeps until the same day) or
// dismisses it (the task is cancelled, and a reason is required), each from
// the episode version shown.

const conflict = () => new ActionError({ key: 'tasks.episodeChanged' });

/** The task's open episode, once the caller may work the task. */
async function episodeOf(tx: Tx, user: CurrentUser, taskId: number): Promise<EpisodeRow> {
  const task = await findTask(tx, taskId);
  if (!task) throw notFoundError();
  assertCanWorkTask(user, task);
  const episode = task.episodeId === null ? undefined : await findEpisode(tx, task.episodeId);
  if (!episode) throw new ActionError({ key: 'tasks.noEpisode' });
  if (episode.closedOn !== null) throw conflict();
  return episode;
}

/** Quiet until a day after today, with why if given; the task comes back to the inbox on that day. */
export const snoozeEpisode = action({
  name: 'alert.snooze',
  permission: 'tasks.work',
  input: snoozeEpisodeInput,
  revalidate: ['/tasks', '/'],
  async run({ user, input, tx, audit }) {
    const episode = await episodeOf(tx, user, input.taskId);
    const today = taskToday(await getWorkspace(tx));
    if (input.until <= today) throw new ActionError({ key: 'tasks.snoozeFuture' }, 'until');
    const next = snooze(episode, input.until, today);
    if (!(await decideEpisode(tx, { id: episode.id, version: input.episodeVersion, snoozedUntil: next.snoozedUntil!, snoozeReason: input.reason }))) throw conflict();
    const taskId = await followEpisode(tx, episode.id, { snoozedUntil: input.until });
    await audit({ action: 'alert.snooze', entity: 'account', entityId: episode.accountId, after: { episodeId: episode.id, ruleName: episode.ruleName, until: input.until, reason: input.reason, taskId } });
  },
});

/** Never again in this episode, with why; its open task is cancelled. */
export const dismissEpisode = action({
  name: 'alert.dismiss',
  permission: 'tasks.work',
  input: dismissEpisodeInput,
  revalidate: ['/tasks', '/'],
  async run({ user, input, tx, audit }) {
    const episode = await episodeOf(tx, user, input.taskId);
    const next = dismiss(episode, taskToday(await getWorkspace(tx)));
    if (!(await decideEpisode(tx, { id: episode.id, version: input.episodeVersion, dismissedOn: next.dismissedOn!, dismissReason: input.reason }))) throw conflict();
    const taskId = await followEpisode(tx, episode.id, { cancel: true });
    await audit({ action: 'alert.dismiss', entity: 'account', entityId: episode.accountId, after: { episodeId: episode.id, ruleName: episode.ruleName, reason: input.reason, taskId } });
  },
});
