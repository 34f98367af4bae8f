import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '@/db/client';

// The people and the content ledger the issue-10 benchmark needs, set-based:
// 3 contacts per account (300,000 over the 100,000 seeded accounts) with
// Japanese or English names and emails at the account's domain; 20 library
// items; every account shared one item over the past year, each contact with
// their own tracked link, about half opened (mostly within two days), the
// shares and first opens in the touch ledger as the app writes them. One
// account of csm1 (the "busy" account) instead gets 400 shares and 600
// opens: exactly 1,000 touches, for the timeline measurement.

export type ContentSeeded = { contacts: number; items: number[]; busyAccountId: number; recipients: number; touches: number };

export const contactsPerAccount = 3;
const busyShares = 400;
const busyOpens = 600;

export async function seedContent(db: Db, adminId: number): Promise<ContentSeeded> {
  const [busy] = await queryRows<{ id: number }>(
    db,
    sql`select a.id from accounts a join users u on u.id = a.owner_id where u.email = 'csm1@bench.example' order by a.id limit 1`,
  );
  const busyAccountId = busy!.id;
  await db.transaction(async (tx) => {
    await tx.execute(sql`select setseed(0.1010)`);
    await tx.execute(insertContacts());
    await tx.execute(sql`
      with kinds as (select array_agg(id order by id) as ids from content_kinds where key is not null),
      item as (
        insert into content_items (kind_id, title, description, language, tiers, created_by, created_at, updated_at)
        select (select ids from kinds)[1 + g % 5],
          (array['稟議書テンプレート','導入ガイド 管理者編','ダッシュボード活用動画','よくある質問: SSO 設定','定例会録画 4 月','更新準備チェックリスト',
                 'Admin quick start','Reporting how-to','Security white paper','Release notes walkthrough'])[1 + g % 10] || ' ' || g,
          '社内展開にお使いください。', (case when g % 4 = 0 then 'en' else 'ja' end)::contact_language,
          case when g % 3 = 0 then '{2,3}'::smallint[] else '{}'::smallint[] end, ${adminId}::int, now() - interval '400 days', now() - interval '400 days'
        from generate_series(1, 20) g
        returning id)
      insert into content_versions (item_id, number, url, created_by, created_at)
      select id, 1, 'https://help.example.com/articles/' || id, ${adminId}::int, now() - interval '400 days' from item`);
    // One share per account (the busy one aside), at a random time in the past year, batched per item and week.
    await tx.execute(sql`
      with v as (select array_agg(item_id order by item_id) as items, array_agg(id order by item_id) as versions from content_versions),
      pick as (select a.id, a.owner_id, 1 + floor(random() * 20)::int as n, random() as d from accounts a where a.id <> ${busyAccountId}),
      s as (
        insert into content_shares (item_id, version_id, account_id, batch_id, shared_by, shared_at)
        select v.items[n], v.versions[n], p.id, md5(v.items[n] || '-' || floor(p.d * 52))::uuid, coalesce(p.owner_id, ${adminId}::int), now() - p.d * interval '365 days'
        from pick p, v
        returning id, account_id, shared_at)
      insert into touches (account_id, kind, touch_model, occurred_at, content_share_id)
      select account_id, 'content_shared', 'low', shared_at, id from s`);
    // The busy account: 400 shares over the past year.
    await tx.execute(sql`
      with v as (select array_agg(item_id order by item_id) as items, array_agg(id order by item_id) as versions from content_versions),
      s as (
        insert into content_shares (item_id, version_id, account_id, batch_id, shared_by, shared_at)
        select v.items[1 + g % 20], v.versions[1 + g % 20], ${busyAccountId}::int, md5('busy-' || g)::uuid, ${adminId}::int, now() - g * interval '21 hours'
        from generate_series(1, ${busyShares}) g, v
        returning id, account_id, shared_at)
      insert into touches (account_id, kind, touch_model, occurred_at, content_share_id)
      select account_id, 'content_shared', 'low', shared_at, id from s`);
    // A tracked link per contact, as shareContent makes them; about half opened, most within two days.
    await tx.execute(sql`
      insert into content_recipients (share_id, contact_id, token, email_status, emailed_at, first_opened_at, last_opened_at, open_count)
      select s.id, c.id, replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', ''),
        (case when c.no_program_emails then 'opted_out' else 'sent' end)::content_email_status,
        case when not c.no_program_emails then s.shared_at + interval '1 minute' end,
        o.first, o.first + case when o.r < 0.2 then interval '3 days' else interval '0' end,
        case when o.first is null then 0 when o.r < 0.2 then 2 else 1 end
      from content_shares s join contacts c on c.account_id = s.account_id
      cross join lateral (select r, case when s.account_id <> ${busyAccountId} and r < 0.5 then s.shared_at + (r * r * 8) * interval '1 day' end as first
                          from (select random() + 0 * c.id as r) x) o`);
    // The busy account's 600 opens, then every first open into the ledger.
    await tx.execute(sql`
      update content_recipients r set first_opened_at = s.shared_at + interval '5 hours', last_opened_at = s.shared_at + interval '5 hours', open_count = 1
      from content_shares s
      where s.id = r.share_id and r.id in (
        select r2.id from content_recipients r2 join content_shares s2 on s2.id = r2.share_id
        where s2.account_id = ${busyAccountId} order by r2.id limit ${busyOpens})`);
    await tx.execute(sql`
      insert into touches (account_id, kind, touch_model, occurred_at, contact_id, content_recipient_id)
      select s.account_id, 'content_opened', 'low', r.first_opened_at, r.contact_id, r.id
      from content_recipients r join content_shares s on s.id = r.share_id
      where r.first_opened_at is not null`);
  });
  await db.execute(sql`vacuum analyze contacts`);
  await db.execute(sql`vacuum analyze content_shares`);
  await db.execute(sql`vacuum analyze content_recipients`);
  await db.execute(sql`vacuum analyze touches`);
  await db.execute(sql`checkpoint`).catch(() => undefined);
  const [counts] = await queryRows<{ contacts: number; recipients: number; touches: number }>(
    db,
    sql`select (select count(*) from contacts)::int as contacts, (select count(*) from content_recipients)::int as recipients, (select count(*) from touches)::int as touches`,
  );
  const items = (await queryRows<{ id: number }>(db, sql`select id from content_items order by id`)).map((r) => r.id);
  return { contacts: counts!.contacts, recipients: counts!.recipients, touches: counts!.touches, items, busyAccountId };
}

/**
 * Three contacts per account at its domain: mostly Japanese (family and
 * given names, the email in romaji), one account in twelve English-speaking.
 * Slot 1 is the champion and admin, 2 the executive sponsor, 3 an end user;
 * about 3 % opted out of program emails. Each slot draws a different family
 * name, so the emails of an account never collide.
 */
export function insertContacts() {
  return sql`
    with fam as (select * from unnest(
        array['佐々木','山本','中村','小林','加藤','吉田','山田','松本','井上','木村','林','清水','山口','森','池田','橋本','阿部','石川','前田','藤田'],
        array['sasaki','yamamoto','nakamura','kobayashi','kato','yoshida','yamada','matsumoto','inoue','kimura','hayashi','shimizu','yamaguchi','mori','ikeda','hashimoto','abe','ishikawa','maeda','fujita'])
        with ordinality as f(ja, ro, n)),
    giv as (select * from unnest(
        array['大輔','直樹','拓也','健太','亮','由美','恵','真理子','彩花','奈々','浩二','智子','誠','美穂','翼'],
        array['daisuke','naoki','takuya','kenta','ryo','yumi','megumi','mariko','ayaka','nana','koji','tomoko','makoto','miho','tsubasa'])
        with ordinality as g(ja, ro, n)),
    wes as (select * from unnest(
        array['Emily','James','Sophie','Daniel','Olivia','Lucas','Grace','Noah'],
        array['Carter','Wilson','Martin','Kim','Brown','Moreau','Chen','Schmidt'])
        with ordinality as w(first, last, n)),
    slot(s, ja_title, en_title, roles) as (values
        (1, '情報システム部 課長', 'IT Manager', '{champion,admin}'::contact_role[]),
        (2, '執行役員 CIO', 'CIO', '{executive_sponsor}'::contact_role[]),
        (3, '営業企画部', 'Sales Operations', '{end_user}'::contact_role[])),
    pick as (
      select a.id, a.domain, slot.*, a.id % 12 = 0 as english,
        1 + (a.id * 7 + slot.s * 3) % 20 as f, 1 + (a.id * 11 + slot.s * 5) % 15 as g, 1 + (a.id + slot.s) % 8 as w
      from accounts a cross join slot)
    insert into contacts (account_id, name, email, title, roles, language, no_program_emails)
    select p.id,
      case when p.english then wes.first || ' ' || wes.last else fam.ja || ' ' || giv.ja end,
      case when p.english then lower(wes.first || '.' || wes.last) else giv.ro || '.' || fam.ro end || '@' || p.domain,
      case when p.english then p.en_title else p.ja_title end,
      p.roles,
      (case when p.english then 'en' when p.s = 1 then 'ja' end)::contact_language,
      random() < 0.03
    from pick p join fam on fam.n = p.f join giv on giv.n = p.g join wes on wes.n = p.w`;
}
