import { describe, expect, it } from 'vitest';
import { digestSections, isEmptyDigest, type DigestTaskLine } from './digest';

const line = (id: number, dueOn: string, createdAt: string): DigestTaskLine => ({ id, title: `Task ${id}`, accountName: 'Acme', dueOn, createdAt });

describe('digestSections', () => {
  const since = '2026-05-10T02:30:00.000Z';
  it('puts each task once: overdue, else due today, else new since the last digest', () => {
    const s = digestSections(
      [
        line(1, '2026-05-09', '2026-05-11T01:00:00.000Z'),
        line(2, '2026-05-11', '2026-05-01T00:00:00.000Z'),
        line(3, '2026-05-14', '2026-05-10T02:30:00.000Z'),
        line(4, '2026-05-14', '2026-05-10T02:29:59.000Z'),
      ],
      '2026-05-11',
      since,
    );
    expect([s.overdue, s.today, s.new].map((l) => l.map((t) => t.id))).toEqual([[1], [2], [3]]);
    expect(isEmptyDigest(s)).toBe(false);
  });

  it('is empty when nothing is due and nothing is new', () => {
    expect(isEmptyDigest(digestSections([line(4, '2026-05-14', '2026-05-01T00:00:00.000Z')], '2026-05-11', since))).toBe(true);
  });
});
