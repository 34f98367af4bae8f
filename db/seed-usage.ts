import { addDays, type LocalDate } from '@/lib/scheduling/local-date';
import { zonedToUtc } from '@/lib/scheduling/zoned';
import { prng } from './seed-accounts';

// The demo's 90 days of product usage, as a customer's pipeline would send
// it (Segment messages: `group` once per user, then `track` and `page`),
// from personas: healthy, slowly declining, suddenly silent, expanding
// (pricing page viewed more and more), new and onboarding, and some that
// send nothing (their health shows missing data). Pure and deterministic;
// the seed posts the messages to the ingestion API.

export const demoPersonas = ['healthy', 'declining', 'silent', 'expanding', 'onboarding', 'none'] as const;
export type DemoPersona = (typeof demoPersonas)[number];

export const demoKeyFeatures = ['Report Exported', 'Dashboard Shared', 'Workflow Created', 'Integration Connected'];

/** What the demo's admin mapped in Admin → Signals. */
export const demoMappings = [
  { meaning: 'login', event: 'Logged In', scoreProperty: null },
  ...demoKeyFeatures.map((event) => ({ meaning: 'key_feature', event, scoreProperty: null })),
  { meaning: 'pricing_view', event: 'Pricing', scoreProperty: null },
  { meaning: 'support_ticket', event: 'Ticket Opened', scoreProperty: null },
  { meaning: 'nps', event: 'NPS Answered', scoreProperty: 'score' },
] as const;

export type DemoMessage = Record<string, unknown> & { type: string; messageId: string; userId: string; timestamp: string };

/** The persona of the n-th account: a fixed mix (40 % healthy, 15 % declining, 10 % silent, 10 % expanding, 15 % onboarding, 10 % none). */
export function personaOf(index: number): DemoPersona {
  const slot = (index * 7) % 20;
  return slot < 8 ? 'healthy' : slot < 11 ? 'declining' : slot < 13 ? 'silent' : slot < 15 ? 'expanding' : slot < 18 ? 'onboarding' : 'none';
}

/** An account's usage persona drawn from its seed: how many users, and its activity level on day d (0 = 89 days ago … 89 = today), 0–1. */
export function demoProfile(index: number) {
  const persona = personaOf(index);
  const rand = prng(7919 * (index + 1));
  const users = persona === 'onboarding' ? 3 : 2 + Math.floor(rand() * 6);
  const silentFrom = 60 + Math.floor(rand() * 20);
  const startDay = persona === 'onboarding' ? 50 + Math.floor(rand() * 20) : 0;
  const level = (d: number): number => {
    if (d < startDay) return 0;
    switch (persona) {
      case 'none':
        return 0;
      case 'healthy':
        return 0.75;
      case 'declining':
        return Math.max(0.08, 0.8 - (0.7 * d) / 89);
      case 'silent':
        return d >= silentFrom ? 0 : 0.7;
      case 'expanding':
        return 0.6 + (0.35 * d) / 89;
      case 'onboarding':
        return Math.min(0.8, 0.25 + (0.55 * (d - startDay)) / 25);
    }
  };
  return { persona, rand, users, startDay, level };
}

/**
 * One account's messages over the 90 days to `today` (its workspace days,
 * weekdays busier), ordered by time, none after `now`. `firstUse` holds the
 * day (as `level`'s d) from which the account uses a key feature it had not
 * used before (null: not within the 90 days), e.g. after a campaign's
 * nudge: its first user does it that day (or the next day it is active).
 */
export function demoUsage(o: { index: number; domain: string; today: LocalDate; timeZone: string; now?: Date; firstUse?: Readonly<Record<string, number | null>> }): DemoMessage[] {
  const { persona, rand, users, startDay, level } = demoProfile(o.index);
  if (persona === 'none') return [];
  const firstUse = new Map(Object.entries(o.firstUse ?? {}).map(([event, day]) => [event, day === null ? null : firstActiveDay(level, day)]));
  const uses = (event: string, d: number) => {
    const from = firstUse.get(event);
    return from === undefined || (from !== null && d >= from);
  };
  const out: DemoMessage[] = [];
  let seq = 0;
  const id = () => `demo-${o.index}-${seq++}`;
  const stamp = (day: LocalDate, minute: number) => zonedToUtc(day, `${String(9 + Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`, o.timeZone).toISOString();
  const userIds = Array.from({ length: users }, (_, u) => `${o.domain.split('.')[0]}-u${u + 1}`);
  const grouped = new Set<string>();
  for (let d = 0; d < 90; d++) {
    const day = addDays(o.today, d - 89);
    const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
    const busy = weekday === 0 || weekday === 6 ? 0.15 : 1;
    for (const userId of userIds) {
      if (rand() > level(d) * busy) continue;
      const minute = Math.floor(rand() * 480);
      if (!grouped.has(userId)) {
        grouped.add(userId);
        out.push({ type: 'group', messageId: id(), userId, groupId: o.domain, timestamp: stamp(day, minute), traits: { name: o.domain } });
      }
      out.push({ type: 'track', messageId: id(), userId, event: 'Logged In', timestamp: stamp(day, minute + 1) });
      // Key features: healthy and expanding users reach more of them; the declining drop them.
      const reach = persona === 'declining' ? level(d) : persona === 'onboarding' ? Math.min(1, (d - startDay) / 30) : 0.9;
      for (const [f, feature] of demoKeyFeatures.entries()) {
        if (rand() < 0.35 * reach * (1 - f * 0.18) && uses(feature, d)) out.push({ type: 'track', messageId: id(), userId, event: feature, timestamp: stamp(day, minute + 5 + f) });
      }
      if (persona === 'expanding' && rand() < 0.05 + (0.35 * d) / 89) out.push({ type: 'page', messageId: id(), userId, name: 'Pricing', timestamp: stamp(day, minute + 20) });
      else if (rand() < 0.01) out.push({ type: 'page', messageId: id(), userId, name: 'Pricing', timestamp: stamp(day, minute + 20) });
      const ticketRate = persona === 'declining' ? 0.01 + (0.05 * d) / 89 : 0.008;
      if (rand() < ticketRate) out.push({ type: 'track', messageId: id(), userId, event: 'Ticket Opened', timestamp: stamp(day, minute + 30) });
    }
    // A feature used for the first time: its first user does it today, active or not by chance.
    for (const [event, from] of firstUse) {
      if (from !== d) continue;
      const userId = userIds[0]!;
      if (!grouped.has(userId)) {
        grouped.add(userId);
        out.push({ type: 'group', messageId: id(), userId, groupId: o.domain, timestamp: stamp(day, 180), traits: { name: o.domain } });
      }
      out.push({ type: 'track', messageId: id(), userId, event, timestamp: stamp(day, 185) });
    }
    // A quarterly NPS survey, answered by one user (45 and 15 days ago).
    if ((d === 44 || d === 74) && level(d) > 0) {
      const score = persona === 'declining' ? (d === 44 ? 7 : 5) : persona === 'silent' ? 6 : persona === 'onboarding' ? 8 : 9 + Math.floor(rand() * 2);
      out.push({ type: 'track', messageId: id(), userId: userIds[0]!, event: 'NPS Answered', properties: { score }, timestamp: stamp(day, 400) });
    }
  }
  // Today's not yet: nothing is sent from the future.
  const now = (o.now ?? new Date()).getTime();
  return out.filter((m) => Date.parse(m.timestamp) <= now);
}

/** The first day from `day` on, within three days and the 90, on which the account is active at all; null when none. */
function firstActiveDay(level: (d: number) => number, day: number): number | null {
  for (let d = Math.max(0, day); d <= Math.min(89, day + 3); d++) if (level(d) > 0) return d;
  return null;
}
