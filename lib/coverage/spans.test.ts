import { describe, expect, it } from 'vitest';
import { ruleSpans, type PlaybookVersionRef } from './spans';

const qbr = { target: 'type:2', every: 3, unit: 'month' as const };
const meeting = { target: 'type:1', every: 1, unit: 'month' as const };
const webinar = { target: 'kind:program_attended', every: 3, unit: 'month' as const };
const content = { target: 'kind:content_shared', every: 1, unit: 'month' as const };

const setup: PlaybookVersionRef[] = [
  { tier: 1, day: '2025-01-01', rules: [meeting, qbr] },
  { tier: 2, day: '2025-01-01', rules: [webinar, content] },
];
const brief = (spans: ReturnType<typeof ruleSpans>) => spans.map((s) => [s.tier, s.target, s.start, s.end]);

describe('which rules applied to an account, and when', () => {
  it('starts the tier\'s rules on the day the account entered it', () => {
    expect(brief(ruleSpans([{ day: '2026-01-10', tier: 1 }], setup))).toEqual([
      [1, 'type:1', '2026-01-10', null],
      [1, 'type:2', '2026-01-10', null],
    ]);
  });

  it('a tier change ends the old tier\'s rules and starts the new tier\'s the same day', () => {
    expect(brief(ruleSpans([{ day: '2026-01-10', tier: 1 }, { day: '2026-03-01', tier: 2 }], setup))).toEqual([
      [1, 'type:1', '2026-01-10', '2026-03-01'],
      [1, 'type:2', '2026-01-10', '2026-03-01'],
      [2, 'kind:program_attended', '2026-03-01', null],
      [2, 'kind:content_shared', '2026-03-01', null],
    ]);
  });

  it('an entry into the same tier again (a recompute that changed nothing) does not restart anything', () => {
    expect(brief(ruleSpans([{ day: '2026-01-10', tier: 1 }, { day: '2026-02-01', tier: 1 }], setup))).toEqual([
      [1, 'type:1', '2026-01-10', null],
      [1, 'type:2', '2026-01-10', null],
    ]);
  });

  it('a rule added to the playbook later starts the day it was added', () => {
    const versions = [...setup, { tier: 1, day: '2026-05-01', rules: [meeting, qbr, content] }];
    expect(brief(ruleSpans([{ day: '2026-01-10', tier: 1 }], versions))).toContainEqual([1, 'kind:content_shared', '2026-05-01', null]);
  });

  it('a version that keeps a rule keeps it running; one that drops it or changes its cadence ends it', () => {
    const versions = [
      ...setup,
      { tier: 1, day: '2026-04-01', rules: [qbr, meeting] },
      { tier: 1, day: '2026-06-01', rules: [{ ...qbr, every: 6 }] },
    ];
    expect(brief(ruleSpans([{ day: '2026-01-10', tier: 1 }], versions))).toEqual([
      [1, 'type:1', '2026-01-10', '2026-06-01'],
      [1, 'type:2', '2026-01-10', '2026-06-01'],
      [1, 'type:2', '2026-06-01', null],
    ]);
    expect(ruleSpans([{ day: '2026-01-10', tier: 1 }], versions).at(-1)).toMatchObject({ every: 6, unit: 'month' });
  });

  it('an account already in the tier gets its rules the day the playbook appears; a tier without one owes nothing', () => {
    expect(ruleSpans([{ day: '2024-06-01', tier: 3 }], setup)).toEqual([]);
    expect(brief(ruleSpans([{ day: '2024-06-01', tier: 1 }], setup))).toEqual([
      [1, 'type:1', '2025-01-01', null],
      [1, 'type:2', '2025-01-01', null],
    ]);
  });

  it('two changes in one day: the day ends in the second', () => {
    expect(brief(ruleSpans([{ day: '2026-01-10', tier: 2 }, { day: '2026-01-10', tier: 1 }], setup))).toEqual([
      [1, 'type:1', '2026-01-10', null],
      [1, 'type:2', '2026-01-10', null],
    ]);
  });

  it('leaving and coming back starts the rules afresh', () => {
    const spans = ruleSpans([{ day: '2026-01-10', tier: 1 }, { day: '2026-03-01', tier: 2 }, { day: '2026-05-01', tier: 1 }], setup);
    expect(spans.filter((s) => s.target === 'type:2').map((s) => [s.start, s.end])).toEqual([
      ['2026-01-10', '2026-03-01'],
      ['2026-05-01', null],
    ]);
  });
});
