import { and, asc, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { AccountFilters } from '@/lib/accounts/filters';
import type { ContentEmailStatus } from '@/lib/vocabulary';
import { queryRows, type DbOrTx } from '../client';
import { accounts, contacts, contentFiles, contentItems, contentKinds, contentRecipients, contentShares, contentVersions, users } from '../schema';
import { accountWhere } from './accounts';

export type NewContentItem = typeof contentItems.$inferInsert;
export type NewContentVersion = Omit<typeof contentVersions.$inferInsert, 'number'>;

export async function listContentKinds(db: DbOrTx) {
  return db.select({ id: contentKinds.id, key: contentKinds.key, name: contentKinds.name, active: contentKinds.active, version: contentKinds.version }).from(contentKinds).orderBy(asc(contentKinds.id));
}

/** Every kind with how many library items use it, for the admin page. */
export async function listContentKindsWithUsage(db: DbOrTx) {
  return db
    .select({
      id: contentKinds.id,
      key: contentKinds.key,
      name: contentKinds.name,
      active: contentKinds.active,
      version: contentKinds.version,
      // Written out: inside a subquery drizzle would leave `id` unqualified, and it would name the item's.
      items: sql<number>`(select count(*) from content_items i where i.kind_id = content_kinds.id)::int`,
    })
    .from(contentKinds)
    .orderBy(asc(contentKinds.id));
}

/** Every kind, locked until the transaction ends: a status change checks the others under it. */
export async function lockContentKinds(db: DbOrTx) {
  return db.select({ id: contentKinds.id, key: contentKinds.key, name: contentKinds.name, active: contentKinds.active }).from(contentKinds).orderBy(asc(contentKinds.id)).for('update');
}

/** Whether another kind already has this name (case-insensitive), so two kinds never read alike. */
export async function contentKindNameTaken(db: DbOrTx, name: string, exceptId: number | null) {
  const [row] = await db
    .select({ id: contentKinds.id })
    .from(contentKinds)
    .where(and(sql`lower(${contentKinds.name}) = lower(${name})`, exceptId === null ? undefined : sql`${contentKinds.id} <> ${exceptId}`))
    .limit(1);
  return Boolean(row);
}

export async function insertContentKind(db: DbOrTx, values: { name: string }): Promise<number> {
  const [row] = await db.insert(contentKinds).values(values).returning({ id: contentKinds.id });
  return row!.id;
}

/** Saves a kind's name and status only if nobody saved it since `version`; undefined when they did (or it is gone). */
export async function updateContentKind(db: DbOrTx, id: number, version: number, values: { name: string | null; active: boolean }) {
  const [row] = await db
    .update(contentKinds)
    .set({ ...values, version: sql`${contentKinds.version} + 1` })
    .where(and(eq(contentKinds.id, id), eq(contentKinds.version, version)))
    .returning({ id: contentKinds.id, version: contentKinds.version });
  return row;
}

const latestVersion = sql`(select max(v.number) from ${contentVersions} v where v.item_id = ${contentItems.id})`;

/** The library: each item with its kind, latest version and how it has been shared and opened. */
export async function listContentItems(db: DbOrTx, f: { q?: string; kindId?: number; archived?: boolean } = {}) {
  const stats = sql`(
    select json_build_object(
      'accounts', count(distinct s.account_id),
      'recipients', count(r.id),
      'opened', count(r.id) filter (where r.first_opened_at is not null))
    from ${contentShares} s left join ${contentRecipients} r on r.share_id = s.id
    where s.item_id = ${contentItems.id})`;
  return db
    .select({
      id: contentItems.id,
      title: contentItems.title,
      description: contentItems.description,
      language: contentItems.language,
      tiers: contentItems.tiers,
      archived: contentItems.archived,
      updatedAt: contentItems.updatedAt,
      kindKey: contentKinds.key,
      kindName: contentKinds.name,
      latest: sql<number>`${latestVersion}`.mapWith(Number),
      stats: sql<{ accounts: number; recipients: number; opened: number }>`${stats}`,
    })
    .from(contentItems)
    .innerJoin(contentKinds, eq(contentKinds.id, contentItems.kindId))
    .where(
      and(
        eq(contentItems.archived, f.archived ?? false),
        f.kindId ? eq(contentItems.kindId, f.kindId) : undefined,
        f.q ? sql`lower(${contentItems.title}) like ${`%${f.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`}` : undefined,
      ),
    )
    .orderBy(desc(contentItems.updatedAt), desc(contentItems.id));
}

/** Items that can be shared now (not archived), by title, for the account page's share form. */
export async function listShareableItems(db: DbOrTx) {
  return db.select({ id: contentItems.id, title: contentItems.title }).from(contentItems).where(eq(contentItems.archived, false)).orderBy(asc(contentItems.title));
}

export async function findContentItem(db: DbOrTx, id: number, opts: { forUpdate?: boolean } = {}) {
  const q = db
    .select({
      id: contentItems.id,
      kindId: contentItems.kindId,
      title: contentItems.title,
      description: contentItems.description,
      language: contentItems.language,
      tiers: contentItems.tiers,
      archived: contentItems.archived,
      version: contentItems.version,
      createdBy: contentItems.createdBy,
      createdAt: contentItems.createdAt,
    })
    .from(contentItems)
    .where(eq(contentItems.id, id));
  const [row] = opts.forUpdate ? await q.for('update') : await q;
  return row;
}

export async function listContentVersions(db: DbOrTx, itemId: number) {
  return db
    .select({
      id: contentVersions.id,
      number: contentVersions.number,
      url: contentVersions.url,
      fileName: contentVersions.fileName,
      fileType: contentVersions.fileType,
      fileSize: contentVersions.fileSize,
      note: contentVersions.note,
      createdAt: contentVersions.createdAt,
      createdByName: users.name,
    })
    .from(contentVersions)
    .leftJoin(users, eq(users.id, contentVersions.createdBy))
    .where(eq(contentVersions.itemId, itemId))
    .orderBy(desc(contentVersions.number));
}

export async function insertContentItem(db: DbOrTx, values: NewContentItem): Promise<number> {
  const [row] = await db.insert(contentItems).values(values).returning({ id: contentItems.id });
  return row!.id;
}

export async function updateContentItem(db: DbOrTx, id: number, version: number, values: Partial<NewContentItem>): Promise<boolean> {
  const rows = await db
    .update(contentItems)
    .set({ ...values, version: sql`${contentItems.version} + 1` })
    .where(and(eq(contentItems.id, id), eq(contentItems.version, version)))
    .returning({ id: contentItems.id });
  return rows.length === 1;
}

export async function insertContentFile(db: DbOrTx, bytes: Uint8Array, sha256: string): Promise<number> {
  const [row] = await db.insert(contentFiles).values({ bytes, sha256 }).returning({ id: contentFiles.id });
  return row!.id;
}

/** Adds the next version (numbered after the last) and touches the item's updated time. */
export async function insertContentVersion(db: DbOrTx, values: NewContentVersion): Promise<number> {
  const [row] = await queryRows<{ id: number; number: number }>(
    db,
    sql`insert into ${contentVersions} (item_id, number, url, file_id, file_name, file_type, file_size, note, created_by)
        select ${values.itemId}::int, coalesce(max(number), 0) + 1, ${values.url ?? null}::text, ${values.fileId ?? null}::int, ${values.fileName ?? null}::text,
               ${values.fileType ?? null}::text, ${values.fileSize ?? null}::int, ${values.note ?? null}::text, ${values.createdBy ?? null}::int
        from ${contentVersions} where item_id = ${values.itemId}
        returning id, number`,
  );
  await db.update(contentItems).set({ updatedAt: new Date() }).where(eq(contentItems.id, values.itemId));
  return row!.id;
}

/** The current (highest-numbered) version of an item. */
export async function currentContentVersion(db: DbOrTx, itemId: number) {
  const [row] = await db.select({ id: contentVersions.id, number: contentVersions.number }).from(contentVersions).where(eq(contentVersions.itemId, itemId)).orderBy(desc(contentVersions.number)).limit(1);
  return row;
}

/** How many accounts an audience is, and how many active contacts they have (and how many may be emailed). */
export async function countAudience(db: DbOrTx, filters: AccountFilters) {
  const [row] = await queryRows<{ accounts: number; contacts: number; emailable: number }>(
    db,
    sql`select count(distinct ${accounts.id})::int as accounts, count(c.id)::int as contacts,
               (count(c.id) filter (where not c.no_program_emails))::int as emailable
        from ${accounts} left join ${contacts} c on c.account_id = ${accounts.id} and c.active
        where ${accountWhere(filters) ?? sql`true`}`,
  );
  return row!;
}

/**
 * Shares a version with every account the filter matches, in three set-based
 * statements: a share row per account, a tracked link per active contact
 * (those who opted out of program emails get their link but no email), and
 * a content_shared touch per account.
 */
export async function shareContent(
  db: DbOrTx,
  share: { itemId: number; versionId: number; batchId: string; sharedBy: number; filters: AccountFilters; emailStatus: ContentEmailStatus; at?: Date },
) {
  const [row] = await queryRows<{ accounts: number; recipients: number; optedOut: number }>(
    db,
    sql`with s as (
          insert into ${contentShares} (item_id, version_id, account_id, batch_id, shared_by, shared_at)
          select ${share.itemId}::int, ${share.versionId}::int, ${accounts.id}, ${share.batchId}::uuid, ${share.sharedBy}::int, ${(share.at ?? new Date()).toISOString()}::timestamptz
          from ${accounts} where ${accountWhere(share.filters) ?? sql`true`}
          returning id, account_id, shared_at),
        r as (
          insert into ${contentRecipients} (share_id, contact_id, token, email_status)
          select s.id, c.id, replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', ''),
                 (case when c.no_program_emails then 'opted_out' else ${share.emailStatus}::text end)::content_email_status
          from s join ${contacts} c on c.account_id = s.account_id and c.active
          returning id, email_status),
        t as (
          insert into touches (account_id, kind, touch_model, occurred_at, content_share_id)
          select s.account_id, 'content_shared', 'low', s.shared_at, s.id from s
          returning id)
        select (select count(*) from s)::int as accounts, (select count(*) from r)::int as recipients,
               (select count(*) from r where email_status = 'opted_out')::int as "optedOut"`,
  );
  return row!;
}

/** A batch's tracked links, for the mail-merge file: one row per recipient. */
export async function listBatchLinks(db: DbOrTx, batchId: string) {
  return db
    .select({
      token: contentRecipients.token,
      contactName: contacts.name,
      email: contacts.email,
      language: contacts.language,
      optedOut: sql<boolean>`${contentRecipients.emailStatus} = 'opted_out'`,
      accountName: accounts.name,
      itemId: contentShares.itemId,
      sharedBy: contentShares.sharedBy,
    })
    .from(contentRecipients)
    .innerJoin(contentShares, eq(contentShares.id, contentRecipients.shareId))
    .innerJoin(contacts, eq(contacts.id, contentRecipients.contactId))
    .innerJoin(accounts, eq(accounts.id, contentShares.accountId))
    .where(eq(contentShares.batchId, batchId))
    .orderBy(asc(accounts.name), asc(contacts.name));
}

/** A link works while its contact is active and its item not archived. */
const liveLink = (r: SQL | typeof contentRecipients, s: SQL | typeof contentShares) =>
  sql`exists (select 1 from ${contacts} c where c.id = ${r}.contact_id and c.active)
      and exists (select 1 from ${contentItems} i where i.id = ${s}.item_id and not i.archived)`;

/** Where the link's version leads (its link, or its file), joined onto a set of rows carrying version_id. */
const versionTarget = (rows: SQL) =>
  sql`select v.url, v.file_name as "fileName", v.file_type as "fileType", f.bytes, v.item_id as "itemId"
      from ${rows} t join ${contentVersions} v on v.id = t.version_id left join ${contentFiles} f on f.id = v.file_id`;

export type VersionTarget = { url: string | null; fileName: string | null; fileType: string | null; bytes: Uint8Array | null; itemId: number };

/**
 * Counts opens of tracked links (each token at most once per call), in one
 * statement: open count, first and last open; a recipient's first open also
 * lands in the touch ledger as content_opened (once, whatever the races: the
 * ledger's unique key decides). The demo seed counts a year of them.
 */
const countOpens = (opens: { token: string; at: Date }[]) =>
  sql`with o as (select * from unnest(${`{${opens.map((o) => o.token).join(',')}}`}::text[], ${`{${opens.map((o) => o.at.toISOString()).join(',')}}`}::timestamptz[]) as o(token, at)),
        opened as (
          update ${contentRecipients} r set
            open_count = r.open_count + 1,
            first_opened_at = coalesce(r.first_opened_at, o.at),
            last_opened_at = greatest(r.last_opened_at, o.at)
          from o, ${contentShares} s
          where r.token = o.token and s.id = r.share_id and ${liveLink(sql`r`, sql`s`)}
          returning r.id, r.token, r.contact_id, r.first_opened_at, r.open_count, s.account_id, s.version_id),
        ledger as (
          insert into touches (account_id, kind, touch_model, occurred_at, contact_id, content_recipient_id)
          select account_id, 'content_opened', 'low', first_opened_at, contact_id, id from opened where open_count = 1
          on conflict (content_recipient_id) where content_recipient_id is not null do nothing)`;

export async function recordOpens(db: DbOrTx, opens: { token: string; at: Date }[]): Promise<{ token: string; versionId: number }[]> {
  if (!opens.length) return [];
  return queryRows(db, sql`${countOpens(opens)} select token, version_id as "versionId" from opened`);
}

/**
 * Counts one person opening a tracked link and says where it leads, or
 * undefined for a dead link: one statement, one round trip, as the link is
 * the busiest public path.
 */
export async function recordOpen(db: DbOrTx, token: string): Promise<VersionTarget | undefined> {
  const [row] = await queryRows<VersionTarget>(db, sql`${countOpens([{ token, at: new Date() }])} ${versionTarget(sql`opened`)}`);
  return row;
}

/** Where a tracked link leads, without counting an open (HEAD, scanners). */
export async function recipientTarget(db: DbOrTx, token: string): Promise<VersionTarget | undefined> {
  const [row] = await queryRows<VersionTarget>(
    db,
    sql`with linked as (
          select s.version_id from ${contentRecipients} r join ${contentShares} s on s.id = r.share_id
          where r.token = ${token} and ${liveLink(sql`r`, sql`s`)})
        ${versionTarget(sql`linked`)}`,
  );
  return row;
}

/** Where a version leads: its link, or its file (name, type, bytes). */
export async function findVersionTarget(db: DbOrTx, versionId: number) {
  const [row] = await db
    .select({ url: contentVersions.url, fileName: contentVersions.fileName, fileType: contentVersions.fileType, bytes: contentFiles.bytes, itemId: contentVersions.itemId })
    .from(contentVersions)
    .leftJoin(contentFiles, eq(contentFiles.id, contentVersions.fileId))
    .where(eq(contentVersions.id, versionId));
  return row;
}

/** An item's reach by the accounts' current tier: accounts shared with, recipients, recipients who opened. */
export async function contentStatsByTier(db: DbOrTx, itemId: number) {
  return queryRows<{ tier: number; accounts: number; recipients: number; opened: number }>(
    db,
    sql`select a.tier, count(distinct s.account_id)::int as accounts, count(r.id)::int as recipients,
               (count(r.id) filter (where r.first_opened_at is not null))::int as opened
        from ${contentShares} s join ${accounts} a on a.id = s.account_id
        left join ${contentRecipients} r on r.share_id = s.id
        where s.item_id = ${itemId}
        group by a.tier order by a.tier`,
  );
}

export const recipientPageSize = 25;

/** An item's recipients, most recently shared first. */
export async function listContentRecipients(db: DbOrTx, itemId: number, page: number) {
  return db
    .select({
      id: contentRecipients.id,
      contactName: contacts.name,
      email: contacts.email,
      accountId: accounts.id,
      accountName: accounts.name,
      sharedAt: contentShares.sharedAt,
      versionNumber: contentVersions.number,
      emailStatus: contentRecipients.emailStatus,
      openCount: contentRecipients.openCount,
      firstOpenedAt: contentRecipients.firstOpenedAt,
      lastOpenedAt: contentRecipients.lastOpenedAt,
    })
    .from(contentRecipients)
    .innerJoin(contentShares, eq(contentShares.id, contentRecipients.shareId))
    .innerJoin(contentVersions, eq(contentVersions.id, contentShares.versionId))
    .innerJoin(contacts, eq(contacts.id, contentRecipients.contactId))
    .innerJoin(accounts, eq(accounts.id, contentShares.accountId))
    .where(eq(contentShares.itemId, itemId))
    .orderBy(desc(contentShares.sharedAt), asc(accounts.name), asc(contacts.name))
    .limit(recipientPageSize)
    .offset((page - 1) * recipientPageSize);
}

/** The next recipients of a share batch still waiting for their email, with what the email says. */
export async function queuedEmails(db: DbOrTx, batchId: string, limit: number) {
  return db
    .select({
      id: contentRecipients.id,
      token: contentRecipients.token,
      name: contacts.name,
      email: contacts.email,
      language: contacts.language,
      title: contentItems.title,
      description: contentItems.description,
      sharedBy: users.name,
    })
    .from(contentRecipients)
    .innerJoin(contentShares, eq(contentShares.id, contentRecipients.shareId))
    .innerJoin(contacts, eq(contacts.id, contentRecipients.contactId))
    .innerJoin(contentItems, eq(contentItems.id, contentShares.itemId))
    .leftJoin(users, eq(users.id, contentShares.sharedBy))
    .where(and(eq(contentShares.batchId, batchId), eq(contentRecipients.emailStatus, 'queued')))
    .orderBy(asc(contentRecipients.id))
    .limit(limit);
}

/** Records one email's outcome; only a still-queued recipient changes, so a retried job never rewrites an outcome. */
export async function recordEmailOutcome(db: DbOrTx, id: number, outcome: { status: 'sent' | 'failed' | 'opted_out'; error?: string }) {
  await db
    .update(contentRecipients)
    .set({ emailStatus: outcome.status, emailError: outcome.error?.slice(0, 500) ?? null, emailedAt: new Date() })
    .where(and(eq(contentRecipients.id, id), eq(contentRecipients.emailStatus, 'queued')));
}

/** Whether a token names a recipient (the unsubscribe page, whatever became of the item or contact). */
/** The contact an email's token names: a shared item's tracked link, a program invitation or an alert's email (each carries the unsubscribe address). */
const contactOfToken = (token: string) => sql`(
  select contact_id from ${contentRecipients} where token = ${token}
  union all
  select contact_id from program_invitations where token = ${token}
  union all
  select contact_id from tech_touch_recipients where token = ${token}
  limit 1)`;

export async function recipientExists(db: DbOrTx, token: string): Promise<boolean> {
  const [row] = await queryRows<{ found: boolean }>(db, sql`select ${contactOfToken(token)} is not null as found`);
  return row?.found ?? false;
}

/** One-click unsubscribe: the token's contact gets no more program emails. True when the token names someone. */
export async function unsubscribeByToken(db: DbOrTx, token: string): Promise<boolean> {
  const rows = await queryRows<{ id: number }>(
    db,
    sql`update ${contacts} c set no_program_emails = true, version = c.version + 1, updated_at = now()
        where c.id = ${contactOfToken(token)}
        returning c.id`,
  );
  return rows.length > 0;
}
