import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '@/db/client';
import { applyRetier } from '@/db/queries/retier';
import { currentPolicy } from '@/db/queries/tier-policies';
import { getWorkspace } from '@/db/queries/workspace';
import { todayIn } from '@/lib/dates';

export type Seeded = { adminId: number; csmIds: number[]; tiers: Record<number, number>; overrides: number };

// 100,000 accounts, set-based: one INSERT … SELECT over generate_series with
// segment-dependent random distributions (enterprise 4 %, mid-market 18 %,
// SMB the rest), then the production re-tiering statement fills in LTV and
// tiers. Deterministic: setseed() before the random draws.

export async function seedAccounts(db: Db, count: number): Promise<Seeded> {
  await db.transaction(async (tx) => {
    await tx.execute(sql`select setseed(0.20261122)`);
    await tx.execute(sql`
      insert into users (email, name, role, password_hash, capacity_hours) values
        ('bench-admin@bench.example', 'ベンチ 管理者', 'admin', '!', 40),
        ('bench-manager@bench.example', 'ベンチ マネージャー', 'manager', '!', 60)`);
    await tx.execute(sql`
      insert into users (email, name, role, password_hash, capacity_hours)
      select format('csm%s@bench.example', g),
        (array['佐藤','鈴木','高橋','田中','伊藤','渡辺','山本','中村','小林','加藤'])[1 + g % 10] || ' ' ||
        (array['陽菜','蓮','結衣','湊','美咲','翔','彩','健一'])[1 + (g / 10) % 8] || g,
        'csm', '!', 110
      from generate_series(1, 40) g`);
    await tx.execute(insertAccounts(count));
  });
  // As after any bulk load: fresh statistics for the planner.
  await db.execute(sql`vacuum analyze accounts`);

  const [admin] = await queryRows<{ id: number }>(db, sql`select id from users where role = 'admin'`);
  const [manager] = await queryRows<{ id: number }>(db, sql`select id from users where role = 'manager'`);

  await db.transaction(async (tx) => {
    const today = todayIn((await getWorkspace(tx)).timeZone);
    // The production path: LTV, computed tier, tier and reason in one statement.
    await applyRetier(tx, await currentPolicy(tx), today, admin!.id);
    // applyRetier logged a 'policy' move out of the placeholder tier; an account's first entry is 'created'.
    await tx.execute(sql`delete from tier_history where kind = 'policy'`);
    await tx.execute(sql`
      insert into tier_history (account_id, kind, from_tier, to_tier, reason, policy_version)
      select id, 'created', null, computed_tier, tier_reason, 1 from accounts`);
    await tx.execute(sql`select setseed(0.5)`);
    await tx.execute(addOverrides(manager!.id));
    await tx.execute(sql`
      insert into tier_history (account_id, actor_id, kind, from_tier, to_tier, reason)
      select id, override_by, 'override', computed_tier, override_tier,
        jsonb_build_object('text', override_reason, 'until', override_until)
      from accounts where tier_source = 'override'`);
  });
  await db.execute(sql`vacuum analyze`);
  // Write the seed's dirty pages now, not during the measurements (needs superuser or pg_checkpoint; skipped without).
  await db.execute(sql`checkpoint`).catch(() => console.log('  (no CHECKPOINT privilege: the seed is flushed while measuring)'));
  return readSeeded(db);
}

/** Who and what the seed made, read back (also from a database an earlier run seeded). */
export async function readSeeded(db: Db): Promise<Seeded> {
  const [admin] = await queryRows<{ id: number }>(db, sql`select id from users where email = 'bench-admin@bench.example'`);
  const csmIds = (await queryRows<{ id: number }>(db, sql`select id from users where role = 'csm' and email like '%@bench.example' order by id`)).map((r) => r.id);
  const tiers = await queryRows<{ tier: number; n: number }>(db, sql`select tier, count(*)::int as n from accounts group by tier`);
  const [overrides] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from accounts where tier_source = 'override'`);
  return { adminId: admin!.id, csmIds, tiers: Object.fromEntries(tiers.map((r) => [r.tier, r.n])), overrides: overrides!.n };
}

function insertAccounts(count: number) {
  return sql`
    with csm as (select array_agg(id order by id) as ids from users where role = 'csm'),
    draw as (
      select g, random() as seg, random() as ind, random() as form, random() as stem, random() as region, random() as tld,
        random() as ext, random() as margin, random() as churn, random() as growth, random() as risk, random() as stage,
        random() as renewal, random() as owner, random() as note,
        sqrt(-2 * ln(1 - random())) * cos(2 * pi() * random()) as z1,
        sqrt(-2 * ln(1 - random())) * cos(2 * pi() * random()) as z2
      from generate_series(1, ${count}) g
    ),
    v as (
      select d.*,
        case when seg < 0.04 then 'ent' when seg < 0.22 then 'mid' else 'smb' end as segment,
        1 + floor(ind * 11)::int as i,
        1 + floor(stem * 30)::int as s,
        case when risk < 0.05 then 'high' when risk < 0.35 then 'medium' else 'low' end::level as churn_risk
      from draw d
    )
    insert into accounts (name, domain, external_id, industry, employees, arr, gross_margin_pct, annual_churn_pct,
      growth_potential, churn_risk, lifecycle_stage, renewal_date, owner_id, notes, computed_tier, tier, tier_reason)
    select
      case when region < 0.4 then (array['関西','九州','東日本','西日本','北海道','中部','東北','北陸','四国','中国'])[1 + floor(region * 25)::int] else '' end
        || (array['青葉','東雲','北斗','白鷺','若葉','富士見','桜川','高砂','千歳','常盤','紅葉','春日','八雲','葵','錦',
                  '松風','浜名','鳴海','日向','天城','秋津','伊吹','鶴見','三河','武蔵野','湘南','瀬戸','宇治','那須','駿河'])[s]
        || (array[array['工業株式会社','製作所','精機株式会社'], array['ストア','商店','リテール'], array['商事株式会社','通商株式会社','トレーディング'],
                  array['ファイナンス','証券株式会社','信用金庫'], array['運輸株式会社','ロジスティクス','倉庫株式会社'], array['メディカル','薬品株式会社','クリニック'],
                  array['テクノロジーズ','システムズ','ソフト株式会社'], array['不動産株式会社','地所株式会社','ハウジング'], array['学園','エデュケーション','ゼミナール'],
                  array['建設株式会社','工務店','ハウス'], array['食品株式会社','製菓株式会社','フーズ']])[i][1 + floor(form * 3)::int],
      (array['aoba','shinonome','hokuto','shirasagi','wakaba','fujimi','sakuragawa','takasago','chitose','tokiwa','momiji','kasuga','yakumo','aoi','nishiki',
             'matsukaze','hamana','narumi','hyuga','amagi','akitsu','ibuki','tsurumi','mikawa','musashino','shonan','seto','uji','nasu','suruga'])[s]
        || '-' || g || (array['.co.jp','.jp','.com'])[1 + floor(tld * 3)::int],
      case when ext < 0.8 then 'CRM-' || g end,
      (array['製造業','小売','卸売','金融','物流','医療','SaaS','不動産','教育','建設','食品'])[i],
      greatest(3, round(case segment when 'ent' then 3000 * exp(0.9 * z2) when 'mid' then 400 * exp(0.7 * z2) else 40 * exp(0.8 * z2) end))::int,
      case when ext > 0.995 then null else
        greatest(120000, round(case segment when 'ent' then 12000000 * exp(0.5 * z1) when 'mid' then 2000000 * exp(0.5 * z1) else 360000 * exp(0.6 * z1) end / 12000) * 12000) end,
      round((60 + margin * 25)::numeric, 1),
      case when churn_risk = 'high' then round((36 + churn * 24)::numeric) / 2
        else round((case segment when 'ent' then 6 + churn * 14 when 'mid' then 8 + churn * 22 else 12 + churn * 48 end)::numeric) / 2 end,
      (case when growth < 0.01 then null when growth < 0.07 then 'high' when growth < 0.55 then 'medium' else 'low' end)::level,
      churn_risk,
      (case when churn_risk = 'high' and stage < 0.7 then 'at_risk' when stage < 0.12 then 'onboarding' when stage < 0.5 then 'adopting'
        when stage < 0.97 then 'mature' else 'at_risk' end)::lifecycle_stage,
      case when renewal < 0.98 then current_date + floor(renewal * 559)::int end,
      case when owner < 0.01 then null else (select ids from csm)[1 + floor((owner - 0.01) / 0.99 * 40)::int] end,
      case when note < 0.1 then (array['キーパーソン: 営業企画部 部長。','勉強会への参加率が高い。','更新前に利用状況レポートを送付すること。'])[1 + floor(note * 30)::int] end,
      3, 3, '{}'::jsonb
    from v`;
}

/** About 2 % of accounts raised (or, at Tier 1, lowered) one tier by the manager; some end dates passed. */
function addOverrides(managerId: number) {
  return sql`
    with pick as (select id, computed_tier, random() as r from accounts where random() < 0.02),
    o as (select id, r, case when computed_tier = 1 then 2 else computed_tier - 1 end as t from pick)
    update accounts a set
      override_tier = o.t, tier = o.t, tier_source = 'override',
      override_reason = (array['業界の代表的な導入事例','親会社が Tier 1 顧客','グループ全社展開に向けた検証導入中'])[1 + floor(o.r * 3)::int],
      override_until = case when o.r < 0.7 then null when o.r < 0.95 then current_date + 1 + floor(o.r * 365)::int else current_date - 1 - floor(o.r * 30)::int end,
      override_by = ${managerId}, override_at = now()
    from o where a.id = o.id`;
}
