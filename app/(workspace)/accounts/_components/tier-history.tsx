import { getTranslations } from 'next-intl/server';
import { getFormat } from '@/lib/i18n/format';
import type { TierReason } from '@/lib/tiering/compute';
import { describeTierReason } from '@/lib/tiering/reason-text';
import { TierBadge } from '@/components/tier-badge';
import { Card } from '@/components/ui/card';
import { loose } from '@/lib/i18n/loose';
import type { TierChangeKind } from '@/lib/vocabulary';

type Entry = {
  id: number;
  at: Date;
  kind: TierChangeKind;
  fromTier: number | null;
  toTier: number;
  reason: unknown;
  policyVersion: number | null;
  actorName: string | null;
};

/** Every tier change of the account: who, when, from, to and why. */
export async function TierHistory({ entries, money }: { entries: Entry[]; money: (v: string) => string }) {
  const [t, tr, format] = await Promise.all([getTranslations('accounts'), getTranslations('tierReason'), getFormat()]);
  const say = loose(tr);
  const why = (e: Entry) => {
    if (e.kind === 'override') {
      const r = e.reason as { text: string; until: string | null };
      return r.until ? t('historyOverrideUntil', { reason: r.text, until: format.date(r.until) }) : r.text;
    }
    if (e.kind === 'override_ended') return t('historyOverrideEnded');
    return describeTierReason(e.reason as TierReason, e.toTier, say, money);
  };
  return (
    <Card title={t('tierHistory')} description={t('tierHistoryDescription')}>
      {entries.length === 0 ? (
        <p className="text-sm text-zinc-500">{t('noHistory')}</p>
      ) : (
        <ol className="space-y-3">
          {entries.map((e) => (
            <li key={e.id} className="flex gap-3 text-sm">
              <div className="flex w-20 shrink-0 items-center gap-1 pt-0.5">
                {e.fromTier ? <TierBadge tier={e.fromTier} label={t('tierN', { tier: e.fromTier })} /> : null}
                {e.fromTier ? <span aria-hidden className="text-zinc-400">→</span> : null}
                <TierBadge tier={e.toTier} label={t('tierN', { tier: e.toTier })} />
              </div>
              <div className="min-w-0">
                <p className="text-zinc-800">{why(e)}</p>
                <p className="text-xs text-zinc-500">
                  {t(`historyKinds.${e.kind}`)}
                  {e.policyVersion && e.kind === 'policy' ? ` · ${t('policyVersion', { version: e.policyVersion })}` : ''} ·{' '}
                  {e.actorName ?? t('system')} · {format.dateTime(e.at)}
                </p>
              </div>
            </li>
          ))}
        </ol>
      )}
    </Card>
  );
}
