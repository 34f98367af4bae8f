import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { programs, programSessions } from '@/db/schema';
import { createUser, signInAs } from '@/tests/factories';
import { addProgramSession, createProgram } from '@/app/(workspace)/programs/actions';
import { todayIn } from '@/lib/dates';
import { addDays } from '@/lib/scheduling/local-date';
import { listOpenSessions } from './program-sessions';
import { listProgramKinds } from './programs';

describe('sessions open to invitations (the account page’s "Invite to a program")', () => {
  it('lists upcoming and running sessions, soonest first, not over, cancelled or of an archived program', async () => {
    const db = await getDb();
    await signInAs(await createUser('manager'));
    const kindId = (await listProgramKinds(db)).find((k) => k.key === 'webinar')!.id;
    const day = (n: number) => addDays(todayIn('Asia/Tokyo'), n);
    const make = async (title: string, days: number) =>
      (await createProgram(null, { kindId, title, date: day(days), time: '10:00', timeZone: 'Asia/Tokyo', durationMinutes: 60, onlineUrl: 'https://zoom.example/j/1' })) as { data: { id: number; sessionId: number } };
    const later = await make('Later webinar', 20);
    const soon = await make('Soon webinar', 5);
    const extra = (await addProgramSession(null, { programId: soon.data.id, date: day(30), time: '10:00', timeZone: 'Asia/Tokyo', durationMinutes: 60, onlineUrl: 'https://zoom.example/j/2' })) as { data: { sessionId: number } };
    const running = await make('Running webinar', 3);
    await db.update(programSessions).set({ startsAt: new Date(Date.now() - 30 * 60_000) }).where(eq(programSessions.id, running.data.sessionId));
    const over = await make('Over webinar', 3);
    await db.update(programSessions).set({ startsAt: new Date(Date.now() - 2 * 3600_000) }).where(eq(programSessions.id, over.data.sessionId));
    const cancelled = await make('Cancelled webinar', 8);
    await db.update(programSessions).set({ cancelled: true }).where(eq(programSessions.id, cancelled.data.sessionId));
    const archived = await make('Archived webinar', 9);
    await db.update(programs).set({ archived: true }).where(eq(programs.id, archived.data.id));

    const mine = new Set([later, soon, running, over, cancelled, archived].map((p) => p.data.sessionId).concat(extra.data.sessionId));
    const open = (await listOpenSessions(db)).filter((s) => mine.has(s.id));
    expect(open.map((s) => [s.title, s.id])).toEqual([
      ['Running webinar', running.data.sessionId],
      ['Soon webinar', soon.data.sessionId],
      ['Later webinar', later.data.sessionId],
      ['Soon webinar', extra.data.sessionId],
    ]);
    expect(open[1]).toMatchObject({ programId: soon.data.id, timeZone: 'Asia/Tokyo' });
  });
});
