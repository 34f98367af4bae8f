import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { getDb } from '@/db/client';
import { pendingRequestFor } from '@/db/queries/override-requests';
import { currentPolicy } from '@/db/queries/tier-policies';
import { listTierHistory } from '@/db/queries/tier-history';
import { findUser } from '@/db/queries/users';
import { accountTabHref } from '@/lib/accounts/account-tabs';
import { overridePrefill } from '@/lib/accounts/override-prefill';
import { canManageAccounts } from '@/lib/auth/access';
import { getFormat } from '@/lib/i18n/format';
import { loose } from '@/lib/i18n/loose';
import { lifetimeYears } from '@/lib/tiering/ltv';
import { describeTierStanding } from '@/lib/tiering/reason-text';
import { Card } from '@/components/ui/card';
import { Notice } from '@/components/ui/notice';
import { ClearOverrideForm, RequestOverrideForm, SetOverrideForm } from '../../_components/override-forms';
import { TierHistory } from '../../_components/tier-history';
import type { TabProps } from './tab-props';

/**
 * How the tier is worked out (the figures behind LTV, an override's reason
 * and the computed tier underneath), the override or request form when asked
 * for (`?form=override`, or a link that fills one in), and every tier change.
 */
export async function TierTab({ account, user, workspace, query, form, editable }: TabProps) {
  const db = await getDb();
  const manage = canManageAccounts(user);
  const [t, tAll, format, policy, history, pending, overrider] = await Promise.all([
    getTranslations('accounts'),
    getTranslations(),
    getFormat(workspace.currency),
    currentPolicy(db),
    listTierHistory(db, account.id),
    editable ? pendingRequestFor(db, account.id) : undefined,
    account.overrideBy ? findUser(db, account.overrideBy) : undefined,
  ]);
  const money = (v: string | null) => format.money(v);
  const standing = describeTierStanding({ ...account, overrideUntil: account.overrideUntil && format.date(account.overrideUntil), overriderName: overrider?.name ?? null }, loose(tAll), (v) => money(v));
  const overridden = account.tierSource === 'override';
  const years = lifetimeYears(account.annualChurnPct, policy.lifetimeCapYears);
  const prefill = overridePrefill(query);
  const open = form === 'override';
  const close = accountTabHref(account.id, 'tier');
  const field = (label: string, value: React.ReactNode) => (
    <div>
      <dt className="text-zinc-500">{label}</dt>
      <dd className="font-medium text-zinc-900 tabular-nums">{value ?? '—'}</dd>
    </div>
  );
  const closeLink = (
    <Link href={close} scroll={false} className="text-sm text-brand-700 hover:underline">
      {(await getTranslations('accountView.tasks'))('close')}
    </Link>
  );
  return (
    <div className="space-y-4">
      <Card title={t('tierCardTitle')}>
        {standing.computed !== undefined && (
          <div className="mb-3 space-y-1 text-sm text-zinc-600">
            <p>
              <span className="text-zinc-500">{t('overrideReason')}:</span> {standing.overrideReason}
            </p>
            <p>
              <span className="text-zinc-500">{t('computedUnderneath')}:</span> {standing.computed}
            </p>
          </div>
        )}
        <dl className="grid grid-cols-2 gap-x-4 gap-y-2 text-sm sm:grid-cols-5">
          {field(t('arr'), money(account.arr))}
          {field(t('grossMarginPct'), format.percent(account.grossMarginPct))}
          {field(t('annualChurnPct'), format.percent(account.annualChurnPct))}
          {field(t('lifetime'), years === null ? null : t('years', { years: Math.round(years * 10) / 10 }))}
          {field(t('ltv'), money(account.ltv))}
        </dl>
        {open && manage && (
          <div id="override" className="mt-4 space-y-3 border-t border-zinc-100 pt-4">
            <div className="flex items-center justify-between">
              <h3 className="text-sm font-semibold text-zinc-900">{overridden ? t('changeOverride') : t('overrideToggle')}</h3>
              {closeLink}
            </div>
            <SetOverrideForm id={account.id} version={account.version} defaultTier={prefill.tier ?? account.tier} defaultReason={prefill.reason} />
            {overridden && <ClearOverrideForm id={account.id} version={account.version} computedTier={account.computedTier} />}
          </div>
        )}
        {!manage && editable && pending && (
          <div className="mt-4 border-t border-zinc-100 pt-4">
            <Notice tone="info">{t('requestPendingSince', { tier: pending.requestedTier, when: format.date(pending.createdAt) })}</Notice>
          </div>
        )}
        {!manage && editable && !pending && open && (
          <div id="override" className="mt-4 space-y-3 border-t border-zinc-100 pt-4">
            <div className="flex items-center justify-between">
              <h3 className="text-sm font-semibold text-zinc-900">{t('requestToggle')}</h3>
              {closeLink}
            </div>
            <RequestOverrideForm id={account.id} defaultTier={prefill.tier ?? Math.max(1, account.tier - 1)} defaultReason={prefill.reason} />
          </div>
        )}
      </Card>
      <TierHistory entries={history} money={(v) => money(v)} />
    </div>
  );
}
