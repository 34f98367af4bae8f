import type * as Navigation from 'next/navigation';
import { describe, expect, it, vi } from 'vitest';
import { getDb } from '@/db/client';
import { findSession, listProgramKinds } from '@/db/queries/programs';
import { addDays } from '@/lib/scheduling/local-date';
import { todayIn } from '@/lib/dates';
import { lastAudit } from '@/tests/audit';
import { createUser, signInAs } from '@/tests/factories';
import { renderToHtml, textOf } from '@/tests/render-page';
import { createProgram } from '../../programs/actions';
import NewProgramPage from '../../programs/new/page';
import ProgramKindsPage from './page';
import { saveProgramKind } from './actions';

vi.mock('next-intl/server', () => import('@/tests/intl-server'));
vi.mock('next/navigation', async (original) => ({
  ...(await original<typeof Navigation>()),
  useRouter: () => ({ push: () => {}, refresh: () => {}, replace: () => {}, prefetch: () => {} }),
}));

const unique = (label: string) => `${label} ${Math.random().toString(36).slice(2, 8)}`;
const kind = async (id: number) => (await listProgramKinds(await getDb())).find((k) => k.id === id)!;

/** The options of the new-program form's kind select. */
async function offeredKinds() {
  const html = await renderToHtml(await NewProgramPage());
  const select = /<select[^>]*name="kindId"[^>]*>([\s\S]*?)<\/select>/.exec(html)?.[1] ?? '';
  return [...select.matchAll(/<option[^>]*>([^<]*)<\/option>/g)].map((m) => m[1]);
}

async function addKind(name = unique('Advisory board'), touchModel = 'community') {
  const created = await saveProgramKind(null, { id: '', name, touchModel });
  if (!created.ok) throw new Error(JSON.stringify(created));
  return (created.data as { id: number }).id;
}

const programInput = (kindId: number) => ({ kindId, title: unique('Roundtable'), date: addDays(todayIn('Asia/Tokyo'), 10), time: '15:00', timeZone: 'Asia/Tokyo', durationMinutes: 60, onlineUrl: 'https://zoom.example/j/1' });

describe('saveProgramKind', () => {
  it('adds a kind with its touch model, then renames it and changes the model, audited', async () => {
    const admin = await createUser('admin');
    await signInAs(admin);
    const name = unique('Advisory board');
    const id = await addKind(name, 'community');
    expect(await kind(id)).toMatchObject({ name, touchModel: 'community', active: true, version: 1 });
    expect(await lastAudit()).toMatchObject({ action: 'program_kind.create', entity: 'program_kind', entityId: String(id), actorId: admin.id, after: { name, touchModel: 'community' } });
    const renamed = unique('Customer council');
    expect(await saveProgramKind(null, { id, version: 1, name: renamed, touchModel: 'low', active: 'true' })).toEqual({ ok: true, data: { id } });
    expect(await kind(id)).toMatchObject({ name: renamed, touchModel: 'low', version: 2 });
    expect(await lastAudit()).toMatchObject({ action: 'program_kind.update', before: { name, touchModel: 'community', active: true }, after: { name: renamed, touchModel: 'low', active: true } });
  });

  it('never lets a second admin overwrite a save they did not see', async () => {
    await signInAs(await createUser('admin'));
    const id = await addKind();
    const first = unique('First');
    expect((await saveProgramKind(null, { id, version: 1, name: first, touchModel: 'community', active: 'true' })).ok).toBe(true);
    // The second admin saved from version 1 too.
    expect(await saveProgramKind(null, { id, version: 1, name: unique('Second'), touchModel: 'low', active: 'false' })).toEqual({ ok: false, error: { key: 'errors.conflict' } });
    expect(await kind(id)).toMatchObject({ name: first, touchModel: 'community', active: true, version: 2 });
  });

  it('refuses a blank or taken name and an unknown touch model; a built-in kind falls back to its translated name', async () => {
    await signInAs(await createUser('admin'));
    const name = unique('Hackathon');
    const id = await addKind(name);
    expect(await saveProgramKind(null, { id: '', name: ' ', touchModel: 'low' })).toMatchObject({ ok: false, fieldErrors: { name: { key: 'validation.required' } } });
    expect(await saveProgramKind(null, { id: '', name: name.toUpperCase(), touchModel: 'low' })).toMatchObject({ ok: false, fieldErrors: { name: { key: 'programKinds.nameTaken' } } });
    expect(await saveProgramKind(null, { id: '', name: unique('x'), touchModel: 'high' })).toMatchObject({ ok: false, fieldErrors: { touchModel: { key: 'validation.invalid' } } });
    expect(await saveProgramKind(null, { id, version: 1, name: '', touchModel: 'low', active: 'true' })).toMatchObject({ ok: false, fieldErrors: { name: { key: 'validation.required' } } });
    const webinar = (await listProgramKinds(await getDb())).find((k) => k.key === 'webinar')!;
    expect((await saveProgramKind(null, { id: webinar.id, version: webinar.version, name: 'Online seminar', touchModel: 'low', active: 'true' })).ok).toBe(true);
    expect(await offeredKinds()).toContain('Online seminar');
    expect((await saveProgramKind(null, { id: webinar.id, version: webinar.version + 1, name: '', touchModel: 'low', active: 'true' })).ok).toBe(true);
    expect(await kind(webinar.id)).toMatchObject({ key: 'webinar', name: null });
    expect(await offeredKinds()).toContain('Webinar');
  });

  it('a changed touch model is what the kind’s sessions record touches as from then on', async () => {
    await signInAs(await createUser('admin'));
    const id = await addKind(unique('Meetup'), 'community');
    const created = await createProgram(null, programInput(id));
    const { sessionId } = (created as { data: { sessionId: number } }).data;
    expect((await findSession(await getDb(), sessionId))!.touchModel).toBe('community');
    expect((await saveProgramKind(null, { id, version: 1, name: (await kind(id)).name, touchModel: 'low', active: 'true' })).ok).toBe(true);
    expect((await findSession(await getDb(), sessionId))!.touchModel).toBe('low');
  });

  it('deactivates a kind: the new-program form no longer offers it and creating with it is refused; reactivating offers it again', async () => {
    await signInAs(await createUser('admin'));
    const name = unique('Roadshow');
    const id = await addKind(name, 'low');
    expect(await offeredKinds()).toContain(name);
    expect(await saveProgramKind(null, { id, version: 1, name, touchModel: 'low', active: 'false' })).toEqual({ ok: true, data: { id } });
    expect(await lastAudit()).toMatchObject({ action: 'program_kind.deactivate', before: { active: true }, after: { active: false } });
    const offered = await offeredKinds();
    expect(offered).toContain('Webinar');
    expect(offered).not.toContain(name);
    expect(await createProgram(null, programInput(id))).toMatchObject({ ok: false, fieldErrors: { kindId: { key: 'validation.invalid' } } });
    expect(await saveProgramKind(null, { id, version: 2, name, touchModel: 'low', active: 'true' })).toEqual({ ok: true, data: { id } });
    expect(await lastAudit()).toMatchObject({ action: 'program_kind.reactivate' });
    expect(await offeredKinds()).toContain(name);
  });

  it('keeps at least one kind active', async () => {
    await signInAs(await createUser('admin'));
    const db = await getDb();
    const active = (await listProgramKinds(db)).filter((k) => k.active);
    for (const k of active.slice(1)) expect((await saveProgramKind(null, { id: k.id, version: k.version, name: k.name ?? '', touchModel: k.touchModel, active: 'false' })).ok).toBe(true);
    const last = active[0]!;
    expect(await saveProgramKind(null, { id: last.id, version: last.version, name: last.name ?? '', touchModel: last.touchModel, active: 'false' })).toMatchObject({
      ok: false,
      fieldErrors: { active: { key: 'programKinds.lastActive' } },
    });
    for (const k of await listProgramKinds(db)) if (!k.active) await saveProgramKind(null, { id: k.id, version: k.version, name: k.name ?? '', touchModel: k.touchModel, active: 'true' });
  });

  it('is refused to a manager and a CSM, who change nothing', async () => {
    const webinar = (await listProgramKinds(await getDb())).find((k) => k.key === 'webinar')!;
    for (const role of ['manager', 'csm'] as const) {
      await signInAs(await createUser(role));
      expect(await saveProgramKind(null, { id: '', name: unique('Sneaky'), touchModel: 'low' })).toEqual({ ok: false, error: { key: 'errors.forbidden' } });
      expect(await saveProgramKind(null, { id: webinar.id, version: webinar.version, name: 'Renamed', touchModel: 'community', active: 'false' })).toEqual({ ok: false, error: { key: 'errors.forbidden' } });
    }
    expect(await kind(webinar.id)).toMatchObject({ name: webinar.name, touchModel: webinar.touchModel, active: webinar.active, version: webinar.version });
  });
});

describe('/admin/program-kinds', () => {
  it('lists every kind with its touch model, program count and status, and a form to add one', async () => {
    await signInAs(await createUser('admin'));
    const name = unique('Advisory board');
    const id = await addKind(name, 'community');
    for (let i = 0; i < 2; i++) await createProgram(null, programInput(id));
    const unused = unique('Poster session');
    const unusedId = await addKind(unused, 'low');
    await saveProgramKind(null, { id: unusedId, version: 1, name: unused, touchModel: 'low', active: 'false' });
    const text = textOf(await renderToHtml(await ProgramKindsPage()));
    expect(text).toContain('Program kinds');
    expect(text).toContain(`${name} Community 2 programs`);
    expect(text).toContain(`${unused} Low-touch Deactivated No programs`);
    expect(text).toMatch(/Study session Built-in Low-touch (No programs|\d+ programs?)/);
    expect(text).toMatch(/User group \/ meetup Built-in Community/);
    expect(text).toContain('New program kind');
  });
});
