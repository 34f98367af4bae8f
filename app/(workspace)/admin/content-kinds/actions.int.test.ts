import type * as Navigation from 'next/navigation';
import { describe, expect, it, vi } from 'vitest';
import { getDb } from '@/db/client';
import { listContentKinds } from '@/db/queries/content';
import { lastAudit } from '@/tests/audit';
import { createUser, signInAs } from '@/tests/factories';
import { renderToHtml, textOf } from '@/tests/render-page';
import { createContentItem, updateContentItemDetails } from '../../content/actions';
import ContentPage from '../../content/page';
import ContentKindsPage from './page';
import { saveContentKind } from './actions';

vi.mock('next-intl/server', () => import('@/tests/intl-server'));
vi.mock('next/navigation', async (original) => ({
  ...(await original<typeof Navigation>()),
  useRouter: () => ({ push: () => {}, refresh: () => {}, replace: () => {}, prefetch: () => {} }),
}));

const unique = (label: string) => `${label} ${Math.random().toString(36).slice(2, 8)}`;
const kind = async (id: number) => (await listContentKinds(await getDb())).find((k) => k.id === id)!;

/** The options of the new-item form's kind select (the page's filter lists every kind, to find old items). */
async function offeredKinds() {
  const html = await renderToHtml(await ContentPage({ searchParams: Promise.resolve({ new: '1' }) }));
  const select = /<select[^>]*name="kindId"[^>]*>([\s\S]*?)<\/select>/.exec(html)?.[1] ?? '';
  return [...select.matchAll(/<option[^>]*>([^<]*)<\/option>/g)].map((m) => m[1]);
}

async function addKind(name = unique('Checklist')) {
  const created = await saveContentKind(null, { id: '', name });
  if (!created.ok) throw new Error(JSON.stringify(created));
  return (created.data as { id: number }).id;
}

describe('saveContentKind', () => {
  it('adds a kind and renames it, audited with a sentence', async () => {
    const admin = await createUser('admin');
    await signInAs(admin);
    const name = unique('Checklist');
    const id = await addKind(name);
    expect(await kind(id)).toMatchObject({ name, active: true, version: 1 });
    expect(await lastAudit()).toMatchObject({ action: 'content_kind.create', entity: 'content_kind', entityId: String(id), actorId: admin.id, after: { name } });
    const renamed = unique('Runbook');
    expect(await saveContentKind(null, { id, version: 1, name: renamed, active: 'true' })).toEqual({ ok: true, data: { id } });
    expect(await kind(id)).toMatchObject({ name: renamed, version: 2 });
    expect(await lastAudit()).toMatchObject({ action: 'content_kind.update', before: { name, active: true }, after: { name: renamed, active: true } });
  });

  it('never lets a second admin overwrite a save they did not see', async () => {
    await signInAs(await createUser('admin'));
    const id = await addKind();
    const first = unique('First');
    expect((await saveContentKind(null, { id, version: 1, name: first, active: 'true' })).ok).toBe(true);
    // The second admin saved from version 1 too.
    expect(await saveContentKind(null, { id, version: 1, name: unique('Second'), active: 'false' })).toEqual({ ok: false, error: { key: 'errors.conflict' } });
    expect(await kind(id)).toMatchObject({ name: first, active: true, version: 2 });
  });

  it('refuses a blank name on an added kind and a name another kind has; a built-in kind falls back to its default name', async () => {
    await signInAs(await createUser('admin'));
    const name = unique('Playbook deck');
    const id = await addKind(name);
    expect(await saveContentKind(null, { id: '', name: '  ' })).toMatchObject({ ok: false, fieldErrors: { name: { key: 'validation.required' } } });
    expect(await saveContentKind(null, { id: '', name: name.toUpperCase() })).toMatchObject({ ok: false, fieldErrors: { name: { key: 'contentKinds.nameTaken' } } });
    expect(await saveContentKind(null, { id, version: 1, name: '', active: 'true' })).toMatchObject({ ok: false, fieldErrors: { name: { key: 'validation.required' } } });
    const builtIn = (await listContentKinds(await getDb())).find((k) => k.key === 'guide')!;
    expect((await saveContentKind(null, { id: builtIn.id, version: builtIn.version, name: 'Manuals', active: 'true' })).ok).toBe(true);
    expect((await saveContentKind(null, { id: builtIn.id, version: builtIn.version + 1, name: '', active: 'true' })).ok).toBe(true);
    expect(await kind(builtIn.id)).toMatchObject({ key: 'guide', name: null });
  });

  it('deactivates a kind: new items cannot take it, items that have it keep it; reactivating offers it again', async () => {
    const admin = await createUser('admin');
    await signInAs(admin);
    const name = unique('Worksheet');
    const id = await addKind(name);
    const item = await createContentItem(null, { kindId: id, title: unique('Onboarding worksheet'), url: 'https://example.com/worksheet', tiers: [] });
    const itemId = (item as { data: { id: number } }).data.id;

    expect(await saveContentKind(null, { id, version: 1, name, active: 'false' })).toEqual({ ok: true, data: { id } });
    expect(await lastAudit()).toMatchObject({ action: 'content_kind.deactivate', before: { active: true }, after: { active: false } });
    // Not offered in the new-item form…
    const offered = await offeredKinds();
    expect(offered).toContain('Template');
    expect(offered).not.toContain(name);
    expect(await createContentItem(null, { kindId: id, title: 'x', url: 'https://example.com/x', tiers: [] })).toMatchObject({ ok: false, fieldErrors: { kindId: { key: 'validation.invalid' } } });
    // …but the item that has it keeps it and can still be edited.
    expect(await updateContentItemDetails(null, { id: itemId, version: 1, kindId: id, title: 'Onboarding worksheet v2', tiers: [] })).toMatchObject({ ok: true });

    expect(await saveContentKind(null, { id, version: 2, name, active: 'true' })).toEqual({ ok: true, data: { id } });
    expect(await lastAudit()).toMatchObject({ action: 'content_kind.reactivate' });
    expect(await offeredKinds()).toContain(name);
  });

  it('keeps at least one kind active', async () => {
    await signInAs(await createUser('admin'));
    const db = await getDb();
    const active = (await listContentKinds(db)).filter((k) => k.active);
    for (const k of active.slice(1)) expect((await saveContentKind(null, { id: k.id, version: k.version, name: k.name ?? '', active: 'false' })).ok).toBe(true);
    const last = active[0]!;
    expect(await saveContentKind(null, { id: last.id, version: last.version, name: last.name ?? '', active: 'false' })).toMatchObject({ ok: false, fieldErrors: { active: { key: 'contentKinds.lastActive' } } });
    for (const k of await listContentKinds(db)) if (!k.active) await saveContentKind(null, { id: k.id, version: k.version, name: k.name ?? '', active: 'true' });
  });
});

describe('/admin/content-kinds', () => {
  it('lists every kind with its item count and status, and a form to add one', async () => {
    await signInAs(await createUser('admin'));
    const name = unique('Case study');
    const id = await addKind(name);
    for (const title of ['Retail case', 'Bank case']) await createContentItem(null, { kindId: id, title, url: 'https://example.com/case', tiers: [] });
    const unused = unique('Poster');
    const unusedId = await addKind(unused);
    await saveContentKind(null, { id: unusedId, version: 1, name: unused, active: 'false' });
    const text = textOf(await renderToHtml(await ContentKindsPage()));
    expect(text).toContain('Content kinds');
    expect(text).toMatch(new RegExp(`${name} 2 items`));
    expect(text).toMatch(new RegExp(`${unused} Deactivated No items`));
    expect(text).toMatch(/Template Built-in \d+ items?|Template Built-in No items/);
    expect(text).toContain('New content kind');
  });
});
