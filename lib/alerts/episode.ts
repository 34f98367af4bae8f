// An alert rule's episode for one account (issue 14): an alert fires once per
// episode, not once per evaluation. An episode opens on the first evaluation
// where the rule's condition holds, acts at once (the ladder's first rung),
// may escalate once, and closes after the condition has been false for
// `closeAfterDays`; the next time the condition holds a new episode opens
// and acts again.

import { addDays, daysBetween, type LocalDate } from '@/lib/scheduling/local-date';

export type Ladder = {
  first: 'tech_touch' | 'task';
  /** With first = tech_touch: a task for a human if the condition still holds this many days after the tech touch; null: never. */
  escalateAfterDays: number | null;
};

export type EpisodeState = {
  openedOn: LocalDate;
  techTouchOn: LocalDate | null;
  taskOn: LocalDate | null;
  /** First day of the current run of days the condition was false; null while it holds. */
  falseSince: LocalDate | null;
  snoozedUntil: LocalDate | null;
  dismissedOn: LocalDate | null;
  closedOn: LocalDate | null;
};

export type EpisodeStep = { episode: EpisodeState | null; opened: boolean; closed: boolean; actions: ('tech_touch' | 'task')[] };

/** The day an episode's task falls due after its tech touch; null when the ladder never escalates or already did. */
export function escalationDue(e: EpisodeState, ladder: Ladder): LocalDate | null {
  if (ladder.first !== 'tech_touch' || ladder.escalateAfterDays === null || e.techTouchOn === null || e.taskOn !== null) return null;
  // At least a day after the tech touch: a same-day escalation would make a
  // second run of the same evaluation act again.
  return addDays(e.techTouchOn, Math.max(1, ladder.escalateAfterDays));
}

/** One evaluation of the rule for one account: whether its condition holds `today`, given the current (or last) episode. */
export function stepEpisode(current: EpisodeState | null, holds: boolean, today: LocalDate, rule: { ladder: Ladder; closeAfterDays: number }): EpisodeStep {
  const quiet = (episode: EpisodeState | null): EpisodeStep => ({ episode, opened: false, closed: false, actions: [] });

  if (current === null || current.closedOn !== null) {
    if (!holds) return quiet(current);
    const first = rule.ladder.first;
    const episode: EpisodeState = {
      openedOn: today,
      techTouchOn: first === 'tech_touch' ? today : null,
      taskOn: first === 'task' ? today : null,
      falseSince: null,
      snoozedUntil: null,
      dismissedOn: null,
      closedOn: null,
    };
    return { episode, opened: true, closed: false, actions: [first] };
  }

  if (!holds) {
    // Snoozed and dismissed episodes close too, so the next occurrence re-arms.
    const falseSince = current.falseSince ?? today;
    const closes = daysBetween(falseSince, today) >= rule.closeAfterDays;
    const episode = { ...current, falseSince, closedOn: closes ? today : null };
    return { episode, opened: false, closed: closes, actions: [] };
  }

  const episode = { ...current, falseSince: null };
  if (episode.dismissedOn !== null || (episode.snoozedUntil !== null && today < episode.snoozedUntil)) return quiet(episode);
  const due = escalationDue(episode, rule.ladder);
  if (due === null || today < due) return quiet(episode);
  return { episode: { ...episode, taskOn: today }, opened: false, closed: false, actions: ['task'] };
}

/**
 * Quiet until `until` (the episode acts again from that day if the condition
 * still holds). Throws a RangeError unless the episode is open and `until` is
 * after `today`: the action validates its input first, so reaching this is a bug.
 */
export function snooze(e: EpisodeState, until: LocalDate, today: LocalDate): EpisodeState {
  if (e.closedOn !== null) throw new RangeError('snooze: the episode is closed');
  if (!(until > today)) throw new RangeError(`snooze: ${until} is not after ${today}`);
  return { ...e, snoozedUntil: until };
}

/** Never acts again in this episode; the next episode (after it closes) acts as usual. Throws a RangeError when closed; dismissing twice keeps the first day. */
export function dismiss(e: EpisodeState, today: LocalDate): EpisodeState {
  if (e.closedOn !== null) throw new RangeError('dismiss: the episode is closed');
  return e.dismissedOn !== null ? e : { ...e, dismissedOn: today };
}
