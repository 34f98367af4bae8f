import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { getFormat } from '@/lib/i18n/format';
import { getDb } from '@/db/client';
import { currentPolicy, listPolicies } from '@/db/queries/tier-policies';
import { requirePageUser } from '@/lib/auth/current-user';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { Table, Td, Th } from '@/components/ui/table';
import { PolicyEditor } from './policy-editor';
import { versionNote } from '@/lib/i18n/version-note';
import { ClientMessages } from '@/components/i18n/client-messages';
import { pageWorkspace } from '@/lib/server/page-workspace';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('tiering'))('title') };
}

export default async function TieringPage() {
  await requirePageUser('tierPolicy.manage');
  const db = await getDb();
  const [t, workspace, policy, versions] = await Promise.all([
    getTranslations('tiering'),
    pageWorkspace(),
    currentPolicy(db),
    listPolicies(db),
  ]);
  const format = await getFormat(workspace.currency);
  const money = (v: string) => format.money(v);
  const on = (b: boolean) => (b ? t('on') : t('off'));
  return (
    <ClientMessages ns={['tiering']}>
      <div className="space-y-4">
        <PageHeader title={t('title')} description={t('description', { currency: workspace.currency })} />
        <PolicyEditor policy={policy} currency={workspace.currency} />
        <Card title={t('versions')} description={t('versionsDescription')}>
          <div className="-m-4">
            <Table>
              <thead className="bg-zinc-50">
                <tr>
                  <Th>{t('version')}</Th>
                  <Th className="text-right">{t('tier1Threshold')}</Th>
                  <Th className="text-right">{t('tier2Threshold')}</Th>
                  <Th className="text-right">{t('capShort')}</Th>
                  <Th>{t('modifiers')}</Th>
                  <Th>{t('note')}</Th>
                  <Th>{t('appliedBy')}</Th>
                </tr>
              </thead>
              <tbody className="divide-y divide-zinc-100">
                {versions.map((v) => (
                  <tr key={v.version} className={v.version === policy.version ? 'bg-brand-50/40' : undefined}>
                    <Td className="font-medium">
                      v{v.version}
                      {v.version === policy.version && <span className="ml-1.5 text-xs text-brand-700">{t('current')}</span>}
                    </Td>
                    <Td className="text-right tabular-nums">{money(v.tier1Threshold)}</Td>
                    <Td className="text-right tabular-nums">{money(v.tier2Threshold)}</Td>
                    <Td className="text-right tabular-nums">{t('years', { years: Number(v.lifetimeCapYears) })}</Td>
                    <Td className="text-xs">
                      {t('growthShort')}: {on(v.raiseForGrowth)} · {t('churnShort')}: {on(v.raiseForChurnRisk)}
                    </Td>
                    <Td className="max-w-56 truncate text-xs" title={versionNote(v.note, t('setupDefaults')) ?? ''}>
                      {versionNote(v.note, t('setupDefaults')) ?? '—'}
                    </Td>
                    <Td className="text-xs">
                      {v.createdByName ?? t('setup')} · {format.date(v.createdAt)}
                    </Td>
                  </tr>
                ))}
              </tbody>
            </Table>
          </div>
        </Card>
      </div>
    </ClientMessages>
  );
}
