import { describe, expect, it } from 'vitest';
import { addDays, type LocalDate } from '@/lib/scheduling/local-date';
import { dismiss, escalationDue, snooze, stepEpisode, type EpisodeState, type EpisodeStep, type Ladder } from './episode';

const day0 = '2027-03-01';
const techThenTask = (escalateAfterDays: number | null): Ladder => ({ first: 'tech_touch', escalateAfterDays });
const rule = (o: { ladder?: Ladder; closeAfterDays?: number } = {}) => ({ ladder: o.ladder ?? { first: 'task', escalateAfterDays: null }, closeAfterDays: o.closeAfterDays ?? 3 });

/** Evaluates once a day from `from`, one entry of `holds` a day; returns each day's step. */
function run(holds: boolean[], r: ReturnType<typeof rule>, start: EpisodeState | null = null, from: LocalDate = day0): EpisodeStep[] {
  let episode = start;
  return holds.map((h, i) => {
    const step = stepEpisode(episode, h, addDays(from, i), r);
    episode = step.episode;
    return step;
  });
}
const actionsOf = (steps: EpisodeStep[]) => steps.map((s) => s.actions.join('+') || '-');
const T = true;
const F = false;

describe('stepEpisode: opening and acting once', () => {
  it('does nothing while the condition does not hold and there is no episode', () => {
    expect(stepEpisode(null, false, day0, rule())).toEqual({ episode: null, opened: false, closed: false, actions: [] });
  });

  it('opens an episode and acts at once with the ladder’s first rung', () => {
    expect(stepEpisode(null, true, day0, rule())).toEqual({
      episode: { openedOn: day0, techTouchOn: null, taskOn: day0, falseSince: null, snoozedUntil: null, dismissedOn: null, closedOn: null },
      opened: true,
      closed: false,
      actions: ['task'],
    });
    const tech = stepEpisode(null, true, day0, rule({ ladder: techThenTask(null) }));
    expect(tech.actions).toEqual(['tech_touch']);
    expect(tech.episode).toMatchObject({ techTouchOn: day0, taskOn: null });
  });

  it('does not fire again while the episode stays open', () => {
    const steps = run([T, T, T, T, T, T, T, T, T, T], rule());
    expect(actionsOf(steps)).toEqual(['task', '-', '-', '-', '-', '-', '-', '-', '-', '-']);
    expect(steps.map((s) => s.opened)).toEqual([true, F, F, F, F, F, F, F, F, F]);
    expect(steps.at(-1)!.episode).toMatchObject({ openedOn: day0, closedOn: null });
  });
});

describe('stepEpisode: closing', () => {
  it('closes only once the condition has been false for closeAfterDays', () => {
    const steps = run([T, F, F, F, F], rule({ closeAfterDays: 3 }));
    expect(steps.map((s) => s.closed)).toEqual([F, F, F, F, T]);
    expect(steps[3]!.episode).toMatchObject({ falseSince: addDays(day0, 1), closedOn: null });
    expect(steps[4]!.episode).toMatchObject({ falseSince: addDays(day0, 1), closedOn: addDays(day0, 4) });
  });

  it('closes on the first false evaluation with closeAfterDays 0', () => {
    const steps = run([T, F], rule({ closeAfterDays: 0 }));
    expect(steps[1]).toMatchObject({ closed: true, actions: [], episode: { closedOn: addDays(day0, 1) } });
  });

  it('counts calendar days, not evaluations, when evaluations skip days', () => {
    const open = stepEpisode(null, true, day0, rule()).episode;
    const firstFalse = stepEpisode(open, false, addDays(day0, 1), rule()).episode;
    expect(stepEpisode(firstFalse, false, addDays(day0, 3), rule()).closed).toBe(false);
    expect(stepEpisode(firstFalse, false, addDays(day0, 4), rule()).closed).toBe(true);
  });

  it('does not close while the condition flaps, and does not act again', () => {
    const steps = run([T, F, F, T, F, F, T, F, F, T], rule({ closeAfterDays: 3 }));
    expect(steps.some((s) => s.closed)).toBe(false);
    expect(actionsOf(steps)).toEqual(['task', '-', '-', '-', '-', '-', '-', '-', '-', '-']);
    expect(steps[3]!.episode!.falseSince).toBeNull();
    expect(steps[8]!.episode!.falseSince).toBe(addDays(day0, 7));
  });

  it('stays closed and quiet while the condition does not hold', () => {
    const steps = run([T, F, F, F], rule({ closeAfterDays: 1 }));
    expect(steps.map((s) => s.closed)).toEqual([F, F, T, F]);
    expect(steps[3]!.episode).toEqual(steps[2]!.episode);
    expect(steps[3]!.actions).toEqual([]);
  });
});

describe('stepEpisode: re-arming', () => {
  it('opens a new episode and acts again when the condition holds after closing', () => {
    const steps = run([T, T, F, F, T, T], rule({ closeAfterDays: 1 }));
    expect(actionsOf(steps)).toEqual(['task', '-', '-', '-', 'task', '-']);
    expect(steps.map((s) => s.opened)).toEqual([T, F, F, F, T, F]);
    expect(steps[4]!.episode).toEqual({ openedOn: addDays(day0, 4), techTouchOn: null, taskOn: addDays(day0, 4), falseSince: null, snoozedUntil: null, dismissedOn: null, closedOn: null });
  });

  it('starts the new episode fresh: not snoozed, not dismissed, the ladder from its first rung', () => {
    const r = rule({ ladder: techThenTask(2), closeAfterDays: 0 });
    const open = stepEpisode(null, true, day0, r).episode!;
    const closed = stepEpisode(dismiss(snooze(open, addDays(day0, 30), day0), day0), false, addDays(day0, 1), r);
    expect(closed.closed).toBe(true);
    const steps = run([T, T, T], r, closed.episode, addDays(day0, 2));
    expect(actionsOf(steps)).toEqual(['tech_touch', '-', 'task']);
    expect(steps[0]!.episode).toMatchObject({ snoozedUntil: null, dismissedOn: null });
  });
});

describe('stepEpisode: the ladder', () => {
  it('tech touch on day 0, task on day N and not before, once', () => {
    const steps = run([T, T, T, T, T, T, T], rule({ ladder: techThenTask(3) }));
    expect(actionsOf(steps)).toEqual(['tech_touch', '-', '-', 'task', '-', '-', '-']);
    expect(steps[3]!.episode).toMatchObject({ techTouchOn: day0, taskOn: addDays(day0, 3) });
  });

  it('never escalates with escalateAfterDays null', () => {
    const steps = run(Array<boolean>(60).fill(true), rule({ ladder: techThenTask(null) }));
    expect(steps.flatMap((s) => s.actions)).toEqual(['tech_touch']);
  });

  it('escalates only on a day the condition holds, flapping or not', () => {
    // Day 3 is due but false: the task waits for day 4, when it holds again.
    const steps = run([T, T, F, F, T, T], rule({ ladder: techThenTask(3), closeAfterDays: 5 }));
    expect(actionsOf(steps)).toEqual(['tech_touch', '-', '-', '-', 'task', '-']);
  });

  it('does not escalate when the episode closed before the task fell due', () => {
    const steps = run([T, F, F, F], rule({ ladder: techThenTask(3), closeAfterDays: 1 }));
    expect(steps.flatMap((s) => s.actions)).toEqual(['tech_touch']);
    expect(steps[2]!.closed).toBe(true);
  });

  it('escalates a day after the tech touch at the earliest, so escalateAfterDays 0 means 1', () => {
    expect(actionsOf(run([T, T, T], rule({ ladder: techThenTask(0) })))).toEqual(['tech_touch', 'task', '-']);
  });

  it('does not escalate a ladder that starts with a task', () => {
    const steps = run(Array<boolean>(10).fill(true), rule({ ladder: { first: 'task', escalateAfterDays: 2 } }));
    expect(steps.flatMap((s) => s.actions)).toEqual(['task']);
  });

  it('says when the task falls due', () => {
    const open = stepEpisode(null, true, day0, rule({ ladder: techThenTask(5) })).episode!;
    expect(escalationDue(open, techThenTask(5))).toBe(addDays(day0, 5));
    expect(escalationDue(open, techThenTask(null))).toBeNull();
    expect(escalationDue({ ...open, taskOn: day0 }, techThenTask(5))).toBeNull();
  });
});

describe('snooze and dismiss', () => {
  const r = rule({ ladder: techThenTask(3), closeAfterDays: 2 });
  const open = stepEpisode(null, true, day0, r).episode!;

  it('keeps a snoozed episode quiet, then escalates on the first evaluation from the snooze’s end if the condition still holds', () => {
    // The task fell due on day 3, during the snooze until day 6.
    const steps = run([T, T, T, T, T, T], r, snooze(open, addDays(day0, 6), day0), addDays(day0, 1));
    expect(actionsOf(steps)).toEqual(['-', '-', '-', '-', '-', 'task']);
    expect(steps[5]!.episode!.taskOn).toBe(addDays(day0, 6));
  });

  it('does not escalate at the snooze’s end if the condition no longer holds', () => {
    const steps = run([T, T, F], r, snooze(open, addDays(day0, 4), day0), addDays(day0, 2));
    expect(actionsOf(steps)).toEqual(['-', '-', '-']);
  });

  it('still closes a snoozed episode when the condition stops holding', () => {
    const steps = run([F, F, F], r, snooze(open, addDays(day0, 30), day0), addDays(day0, 1));
    expect(steps.map((s) => s.closed)).toEqual([F, F, T]);
  });

  it('never acts again in a dismissed episode, but closes it and re-arms as usual', () => {
    const steps = run([T, T, T, T, T, F, F, F, T], r, dismiss(open, day0), addDays(day0, 1));
    expect(actionsOf(steps)).toEqual(['-', '-', '-', '-', '-', '-', '-', '-', 'tech_touch']);
    expect(steps[7]!.closed).toBe(true);
    expect(steps[8]!.opened).toBe(true);
  });

  it('snoozes only an open episode until a later day', () => {
    expect(snooze(open, addDays(day0, 1), day0).snoozedUntil).toBe(addDays(day0, 1));
    expect(() => snooze(open, day0, day0)).toThrow(RangeError);
    expect(() => snooze(open, addDays(day0, -1), day0)).toThrow(RangeError);
    expect(() => snooze({ ...open, closedOn: day0 }, addDays(day0, 5), day0)).toThrow(RangeError);
  });

  it('dismisses an open episode once, keeping the first day', () => {
    const once = dismiss(open, day0);
    expect(once.dismissedOn).toBe(day0);
    expect(dismiss(once, addDays(day0, 2)).dismissedOn).toBe(day0);
    expect(() => dismiss({ ...open, closedOn: day0 }, day0)).toThrow(RangeError);
  });
});

describe('stepEpisode: idempotence', () => {
  const r = rule({ ladder: techThenTask(2), closeAfterDays: 0 });
  /** Steps once, then again on the same day from the result: the second run must change and do nothing. */
  function twice(current: EpisodeState | null, holds: boolean, today: LocalDate) {
    const first = stepEpisode(current, holds, today, r);
    const second = stepEpisode(first.episode, holds, today, r);
    return { first, second };
  }

  it('does not act twice on the same day: opening, escalating, closing, re-arming', () => {
    const opening = twice(null, true, day0);
    expect(opening.first.actions).toEqual(['tech_touch']);
    const escalating = twice(opening.first.episode, true, addDays(day0, 2));
    expect(escalating.first.actions).toEqual(['task']);
    const closing = twice(escalating.first.episode, false, addDays(day0, 3));
    expect(closing.first.closed).toBe(true);
    const rearming = twice(closing.first.episode, true, addDays(day0, 4));
    expect(rearming.first.opened).toBe(true);
    for (const { first, second } of [opening, escalating, closing, rearming]) {
      expect(second).toEqual({ episode: first.episode, opened: false, closed: false, actions: [] });
    }
  });

  it('does not change its input', () => {
    const open = stepEpisode(null, true, day0, r).episode!;
    const copy = structuredClone(open);
    stepEpisode(open, false, addDays(day0, 1), r);
    stepEpisode(open, true, addDays(day0, 5), r);
    snooze(open, addDays(day0, 3), day0);
    dismiss(open, day0);
    expect(open).toEqual(copy);
  });
});
