'use server';

import { createHash, randomUUID } from 'node:crypto';
import type { Tx } from '@/db/client';
import {
  countAudience,
  currentContentVersion,
  findContentItem,
  insertContentFile,
  insertContentItem,
  insertContentVersion,
  listContentKinds,
  shareContent as shareWithAccounts,
  updateContentItem,
} from '@/db/queries/content';
import { action } from '@/lib/actions/action';
import { ActionError, conflictError, notFoundError } from '@/lib/actions/result';
import { changedFields } from '@/lib/audit-diff';
import { assertCanEditContent } from '@/lib/auth/access';
import { smtpUrl } from '@/lib/env';
import { audienceFilters } from '@/lib/server/audience';
import { enqueue, openJobs } from '@/lib/server/jobs';
import { addContentVersionInput, audienceInput, createContentItemInput, shareContentInput, updateContentItemInput } from '@/lib/validation/content';

async function assertKindUsable(tx: Tx, kindId: number) {
  const kind = (await listContentKinds(tx)).find((k) => k.id === kindId);
  if (!kind?.active) throw new ActionError({ key: 'validation.invalid' }, 'kindId');
}

/** Stores a version's source: a link as is, a file's bytes in the database. */
async function storeVersion(tx: Tx, itemId: number, userId: number, source: { url: string | null; file: File | null; note: string | null }) {
  if (source.file) {
    const bytes = new Uint8Array(await source.file.arrayBuffer());
    const fileId = await insertContentFile(tx, bytes, createHash('sha256').update(bytes).digest('hex'));
    return insertContentVersion(tx, {
      itemId,
      fileId,
      fileName: (source.file.name || 'file').slice(0, 200),
      fileType: source.file.type || null,
      fileSize: bytes.byteLength,
      note: source.note,
      createdBy: userId,
    });
  }
  return insertContentVersion(tx, { itemId, url: source.url, note: source.note, createdBy: userId });
}

export const createContentItem = action({
  name: 'content.create',
  permission: 'content.write',
  input: createContentItemInput,
  revalidate: ['/content'],
  async run({ user, input, tx, audit }) {
    await assertKindUsable(tx, input.kindId);
    const { url, file, note, ...fields } = input;
    const id = await insertContentItem(tx, { ...fields, createdBy: user.id });
    await storeVersion(tx, id, user.id, { url, file, note });
    await audit({ action: 'content.create', entity: 'content', entityId: id, after: { ...fields, url, file: file?.name ?? null } });
    return { id };
  },
});

const editable = ['kindId', 'title', 'description', 'language', 'tiers', 'archived'] as const;
const sameValue = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export const updateContentItemDetails = action({
  name: 'content.update',
  permission: 'content.write',
  input: updateContentItemInput,
  revalidate: ['/content'],
  async run({ user, input, tx, audit }) {
    const before = await findContentItem(tx, input.id, { forUpdate: true });
    if (!before) throw notFoundError();
    assertCanEditContent(user, before);
    if (before.kindId !== input.kindId) await assertKindUsable(tx, input.kindId);
    const { id, version, ...values } = input;
    if (!(await updateContentItem(tx, id, version, values))) throw conflictError();
    await audit({ action: 'content.update', entity: 'content', entityId: id, ...changedFields(before, { ...before, ...values }, editable, sameValue) });
    return { id };
  },
});

export const addContentVersion = action({
  name: 'content.add_version',
  permission: 'content.write',
  input: addContentVersionInput,
  revalidate: ['/content'],
  async run({ user, input, tx, audit }) {
    const item = await findContentItem(tx, input.itemId, { forUpdate: true });
    if (!item) throw notFoundError();
    assertCanEditContent(user, item);
    const versionId = await storeVersion(tx, item.id, user.id, input);
    await audit({ action: 'content.add_version', entity: 'content', entityId: item.id, after: { versionId, url: input.url, file: input.file?.name ?? null, note: input.note } });
    return { versionId };
  },
});

/** How many accounts and contacts an audience reaches now, for the live count beside the filter. */
export const previewAudience = action({
  name: 'content.audience',
  permission: 'content.share',
  input: audienceInput,
  async run({ user, input, tx }) {
    return countAudience(tx, await audienceFilters(tx, user, { accountId: null, audience: input.audience }));
  },
});

export const shareContent = action({
  name: 'content.share',
  permission: 'content.share',
  input: shareContentInput,
  revalidate: ['/content', '/accounts'],
  // The emails are enqueued inside the transaction; the queue must be open before it starts.
  prepare: async () => {
    if (smtpUrl()) await openJobs();
  },
  async run({ user, input, tx, audit }) {
    const item = await findContentItem(tx, input.itemId);
    if (!item || item.archived) throw notFoundError();
    const version = await currentContentVersion(tx, item.id);
    if (!version) throw notFoundError();
    const filters = await audienceFilters(tx, user, input);
    const reach = await countAudience(tx, filters);
    if (reach.accounts === 0) throw new ActionError({ key: 'content.errors.noAccounts' });
    // The audience changed since the user saw its count: share nothing they did not see counted.
    if (input.expected !== undefined && reach.accounts !== input.expected) throw new ActionError({ key: 'content.errors.audienceChanged', values: { count: reach.accounts } });
    const batchId = randomUUID();
    const emailing = smtpUrl() !== undefined;
    const result = await shareWithAccounts(tx, { itemId: item.id, versionId: version.id, batchId, sharedBy: user.id, filters, emailStatus: emailing ? 'queued' : 'not_sent' });
    // In this transaction: the job exists only if the share commits.
    if (emailing && result.recipients > result.optedOut) await enqueue('content-email', { batchId }, { tx });
    await audit({ action: 'content.share', entity: 'content', entityId: item.id, after: { version: version.number, batchId, audience: input.audience, accountId: input.accountId, ...result } });
    return { batchId, emailing, ...result };
  },
});
