import type { CampaignChannel, CampaignOutcome, CampaignTool, LifecycleStage } from '@/lib/vocabulary';
import { prng } from './seed-accounts';
import { demoProfile } from './seed-usage';

// The demo's three Tier 3 tech-touch campaigns, each for one lifecycle
// stage of the long tail: onboarding step emails (HubSpot) for new
// accounts, a monthly in-app tip (Intercom) for mature ones, and a product
// tour (Pendo) for those still adopting. Who each one reached, when, and
// what they did with it; and, for the accounts that had not yet used the
// campaign's goal feature, the day they first did: sooner and more often
// after a delivery than without one, as a campaign that works. The usage
// seed sends those first uses through the ingestion API; the campaign seed
// sends the outcomes through the import and the events API. Pure and
// deterministic. Days are the usage seed's: 0 = 89 days ago … 89 = today.

export type DemoCampaign = {
  key: string;
  name: string;
  channel: CampaignChannel;
  tool: CampaignTool;
  stage: LifecycleStage;
  startsDaysAgo: number;
  goalEvent: string;
  goalWindowDays: number;
  /** How its outcomes arrive: the tool's CSV export through the import, or its events through the API. */
  feed: 'import' | 'api';
};

export const demoCampaigns: DemoCampaign[] = [
  { key: 'onboarding-steps', name: 'オンボーディング ステップメール（全 4 通）', channel: 'email_sequence', tool: 'hubspot', stage: 'onboarding', startsDaysAgo: 84, goalEvent: 'Integration Connected', goalWindowDays: 14, feed: 'import' },
  { key: 'monthly-in-app-tips', name: '月次アプリ内メッセージ「今月の活用ヒント」', channel: 'in_app', tool: 'intercom', stage: 'mature', startsDaysAgo: 80, goalEvent: 'Dashboard Shared', goalWindowDays: 7, feed: 'api' },
  { key: 'workflow-tour', name: '機能ツアー「はじめてのワークフロー」', channel: 'product_tour', tool: 'pendo', stage: 'adopting', startsDaysAgo: 60, goalEvent: 'Workflow Created', goalWindowDays: 14, feed: 'import' },
];

export const audienceOf = (c: DemoCampaign) => `tier=3&stage=${c.stage}`;

export type PlanAccount = { index: number; tier: number; stage: string };

/** One outcome for one of an account's people (`contact`: its n-th contact, the first if it has fewer), at minute `minute` after 9:00 on day `day`. */
export type PlannedEvent = { campaign: string; index: number; contact: number; outcome: CampaignOutcome; day: number; minute: number };

export type CampaignPlan = {
  events: PlannedEvent[];
  /** Per account index, the goal features it had not used, with the day it first did (null: not yet). */
  firstUse: Map<number, Record<string, number | null>>;
};

const today = 89;
/** The last day a delivery is planned on: yesterday, so nothing lands ahead of the clock. */
const lastDay = today - 1;

/** Share of each campaign's audience that already used its goal feature before the 90 days. */
const priorUse: Record<string, number> = { 'onboarding-steps': 0.15, 'monthly-in-app-tips': 0.45, 'workflow-tour': 0.3 };
/** Chance that an account without the feature first uses it within the window after a delivery (a completed tour more). */
const lift = { 'onboarding-steps': 0.4, 'monthly-in-app-tips': 0.3, tourCompleted: 0.55, tourSeen: 0.2 };
/** Chance that an account without the feature finds it on its own, on any day after the campaign's start. */
const ownWay = 0.3;

export function demoCampaignPlan(accounts: readonly PlanAccount[]): CampaignPlan {
  const events: PlannedEvent[] = [];
  const firstUse = new Map<number, Record<string, number | null>>();
  for (const [n, c] of demoCampaigns.entries()) {
    const rand = prng(20261201 + n);
    const start = today - c.startsDaysAgo;
    for (const a of accounts) {
      if (a.tier !== 3 || a.stage !== c.stage) continue;
      const { level } = demoProfile(a.index);
      const mine = (contact: number, outcome: CampaignOutcome, day: number, minute: number) => events.push({ campaign: c.key, index: a.index, contact, outcome, day, minute });
      const reached = deliveries(c, rand, level, start, mine);
      if (rand() < priorUse[c.key]!) continue;
      const first = reached.length ? Math.min(...reached.map((r) => r.day)) : null;
      const chance = c.key === 'workflow-tour' ? (reached.some((r) => r.completed) ? lift.tourCompleted : lift.tourSeen) : (lift[c.key as keyof typeof lift] ?? 0);
      let day: number | null = null;
      // Most who act on a message do it within days of it.
      if (first !== null && rand() < chance) day = first + Math.floor(rand() ** 2 * (c.goalWindowDays + 1));
      else if (rand() < ownWay) day = start + Math.floor(rand() * (today - start + 1));
      firstUse.set(a.index, { ...firstUse.get(a.index), [c.goalEvent]: day !== null && day <= today ? day : null });
    }
  }
  events.sort((x, y) => x.day - y.day || x.minute - y.minute || x.index - y.index);
  return { events, firstUse };
}

type Emit = (contact: number, outcome: CampaignOutcome, day: number, minute: number) => void;

/** One account's outcomes for one campaign; the deliveries' days (with whether a tour was completed). */
function deliveries(c: DemoCampaign, rand: () => number, level: (d: number) => number, start: number, emit: Emit): { day: number; completed: boolean }[] {
  const out: { day: number; completed: boolean }[] = [];
  const minute = () => Math.floor(rand() * 480);
  if (c.channel === 'email_sequence') {
    // Four steps over two weeks to the champion, from the day the account was enrolled; a bad
    // address bounces the first and stops the sequence; an unsubscribe stops the rest.
    if (rand() >= 0.8) return out;
    const enrolled = start + Math.floor(rand() * (lastDay - start));
    if (rand() < 0.08) {
      emit(0, 'bounced', enrolled, minute());
      return out;
    }
    for (const offset of [0, 3, 7, 14]) {
      const day = enrolled + offset;
      if (day > lastDay) break;
      const at = minute();
      emit(0, 'delivered', day, at);
      out.push({ day, completed: false });
      if (rand() >= 0.55) continue;
      emit(0, 'opened', day, Math.min(479, at + 5 + Math.floor(rand() * 120)));
      if (rand() < 0.35) emit(0, 'clicked', day, Math.min(479, at + 130));
      if (rand() < 0.05) {
        emit(0, 'unsubscribed', day, Math.min(479, at + 140));
        break;
      }
    }
    return out;
  }
  if (c.channel === 'in_app') {
    // Monthly, shown to a user who opens the product within three days of the send.
    for (let send = start + 5; send <= lastDay; send += 30) {
      if (rand() >= 0.45) continue;
      const day = send + Math.floor(rand() * 3);
      if (day > lastDay || level(day) === 0) continue;
      const at = minute();
      emit(2, 'delivered', day, at);
      out.push({ day, completed: false });
      if (rand() < 0.6) emit(2, 'opened', day, Math.min(479, at + 1));
      if (rand() < 0.2) emit(2, 'clicked', day, Math.min(479, at + 2));
    }
    return out;
  }
  // The tour shows once, to a user of an active account, the first time they open the page it is on.
  if (rand() >= 0.7) return out;
  const day = start + Math.floor(rand() * (lastDay - start + 1));
  if (level(day) === 0) return out;
  const at = minute();
  emit(0, 'delivered', day, at);
  const completed = rand() < 0.5;
  if (completed) emit(0, 'completed', day, Math.min(479, at + 4));
  out.push({ day, completed });
  return out;
}
