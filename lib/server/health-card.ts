import 'server-only';
import type { DbOrTx } from '@/db/client';
import { accountHealthCard, currentHealthModel, eventCounts30d, healthModelVersions, healthTrend } from '@/db/queries/health-read';
import { healthScore, valueFor, type SignalValues } from '@/lib/health/model';
import { addDays } from '@/lib/scheduling/local-date';
import { historyDays } from './health-days';

const num = (v: string | number | null | undefined) => (v === null || v === undefined ? null : Number(v));

/** What the account page's health card shows: the breakdown under the current model, the pulse, and the 90-day trend. */
export async function healthCardData(db: DbOrTx, accountId: number, today: string) {
  const [card, model, versions] = await Promise.all([accountHealthCard(db, accountId), currentHealthModel(db), healthModelVersions(db)]);
  const from = addDays(today, -(historyDays - 1));
  const trend = await healthTrend(db, accountId, from);
  // A pulse past its last day stays on record (the form shows it) but no longer counts.
  const pulse = card?.pulse?.pulse ? { ...card.pulse, expired: card.pulse.expiresOn < today } : null;
  if (!card?.signals) return { model, breakdown: null, pulse, trend, versions, from, asOf: null };
  const s = card.signals;
  const customEvents = model.components.filter((c) => c.measure === 'event_30d' && c.event).map((c) => c.event!);
  const values = signalValues(s, s.daysSinceSeen === null ? null : await eventCounts30d(db, accountId, s.day, customEvents));
  const breakdown = healthScore((c) => valueFor(values, c), model);
  return { model, breakdown, pulse, trend, versions, from, asOf: s.day };
}

type StoredSignals = NonNullable<NonNullable<Awaited<ReturnType<typeof accountHealthCard>>>['signals']>;

/** The stored signals (account_signals) as the model's measures read them; custom events' 30-day counts given. */
export function signalValues(s: StoredSignals, events30d: SignalValues['events30d']): SignalValues {
  return {
    active_users_30d: s.activeUsers30d,
    active_users_7d: s.activeUsers7d,
    days_since_seen: s.daysSinceSeen,
    feature_adoption: num(s.featureAdoptionPct),
    usage_trend: num(s.usageTrendPct),
    pricing_views_7d: s.pricingViews7d,
    tickets_30d: s.tickets30d,
    nps: num(s.nps),
    days_since_human_touch: s.daysSinceHumanTouch,
    pulse: s.pulse,
    events30d,
  };
}
