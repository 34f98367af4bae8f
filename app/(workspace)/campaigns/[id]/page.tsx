import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { getDb } from '@/db/client';
import { findCampaign, recentCampaignImports } from '@/db/queries/campaigns';
import { can } from '@/lib/auth/permissions';
import { requirePageUser } from '@/lib/auth/current-user';
import { goalConversion } from '@/lib/campaigns/conversion';
import { funnelByTier } from '@/lib/campaigns/funnel';
import { appUrl } from '@/lib/env';
import { getFormat } from '@/lib/i18n/format';
import { campaignFigures } from '@/lib/server/campaign-figures';
import { parseId } from '@/lib/validation/input';
import { buttonClass } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { Table, Td, Th } from '@/components/ui/table';
import { campaignDates } from '../_components/campaign-dates';
import { ConversionCard } from '../_components/conversion-card';
import { FunnelCard } from '../_components/funnel-card';
import { pageWorkspace } from '@/lib/server/page-workspace';

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const id = parseId((await params).id);
  const campaign = id === null ? undefined : await findCampaign(await getDb(), id);
  return { title: campaign?.name ?? (await getTranslations('campaigns'))('title') };
}

export default async function CampaignPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePageUser('campaigns.read');
  const id = parseId((await params).id);
  const db = await getDb();
  const campaign = id === null ? undefined : await findCampaign(db, id);
  if (!campaign) notFound();
  const { timeZone } = await pageWorkspace();
  const goal = campaign.goalEvent ? { ...campaign, goalEvent: campaign.goalEvent } : null;
  const [t, format, { figures, computedAt }, imports] = await Promise.all([
    getTranslations('campaigns'),
    getFormat(),
    campaignFigures(db, campaign, timeZone),
    recentCampaignImports(db, campaign.id),
  ]);
  const { funnel, conversion: conversionRows } = figures;
  const manages = can(user, 'campaigns.manage');
  const endpoint = `${appUrl().replace(/\/$/, '')}/api/v1/campaigns/${campaign.key}/events`;
  const example = JSON.stringify({ email: 'aiko@example.jp', outcome: 'delivered', timestamp: '2026-11-02T09:00:00+09:00' });
  return (
    <div className="space-y-4">
      <Link href="/campaigns" className="text-sm text-zinc-500 hover:text-zinc-800">
        ← {t('title')}
      </Link>
      <PageHeader
        title={campaign.name}
        description={
          <>
            {t('page.summary', { channel: t(`channels.${campaign.channel}`), tool: t(`tools.${campaign.tool}`), dates: campaignDates(campaign, format, t) })}
            <br />
            {t('page.audience', { accounts: figures.audience })}
            <br />
            <span className="text-xs">{t('page.asOf', { time: format.dateTime(computedAt) })}</span>
          </>
        }
        actions={
          manages && (
            <>
              <Link href={`/campaigns/${campaign.id}/edit`} className={buttonClass('secondary')}>
                {t('edit')}
              </Link>
              <Link href={`/campaigns/${campaign.id}/import`} className={buttonClass('primary')}>
                {t('importAction')}
              </Link>
            </>
          )
        }
      />
      <FunnelCard channel={campaign.channel} groups={funnelByTier(funnel)} />
      <ConversionCard goal={goal && { event: goal.goalEvent, days: goal.goalWindowDays }} conversion={conversionRows && goalConversion(conversionRows, campaign.goalWindowDays)} />
      <Card title={t('page.imports')}>
        {imports.length === 0 ? (
          <p className="text-sm text-zinc-500">{t('page.importsEmpty')}</p>
        ) : (
          <Table>
            <thead>
              <tr>
                <Th>{t('page.importsColumns.file')}</Th>
                <Th className="hidden sm:table-cell">{t('page.importsColumns.when')}</Th>
                <Th className="hidden sm:table-cell">{t('page.importsColumns.by')}</Th>
                <Th className="hidden text-right sm:table-cell">{t('page.importsColumns.added')}</Th>
                <Th className="hidden text-right sm:table-cell">{t('page.importsColumns.duplicates')}</Th>
                <Th className="hidden text-right sm:table-cell">{t('page.importsColumns.skipped')}</Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-zinc-100">
              {imports.map((i) => (
                <tr key={i.id}>
                  <Td className="max-w-[calc(100vw-6rem)] sm:max-w-xs">
                    <div className="truncate" title={i.fileName}>
                      {i.fileName}
                    </div>
                    {/* On a phone the other columns sit under the file's name, instead of off the screen's edge. */}
                    <div className="text-xs text-zinc-500 sm:hidden">
                      {format.dateTime(i.importedAt)}
                      <br />
                      {t('page.importCounts', { added: i.added, duplicates: i.duplicates, skipped: i.skipped })}
                    </div>
                  </Td>
                  <Td className="hidden sm:table-cell">{format.dateTime(i.importedAt)}</Td>
                  <Td className="hidden sm:table-cell">{i.importedBy ?? t('none')}</Td>
                  <Td className="hidden text-right tabular-nums sm:table-cell">{format.number(i.added)}</Td>
                  <Td className="hidden text-right tabular-nums sm:table-cell">{format.number(i.duplicates)}</Td>
                  <Td className="hidden text-right tabular-nums sm:table-cell">{format.number(i.skipped)}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </Card>
      <Card title={t('page.api')} description={t('page.apiHint')}>
        <pre className="overflow-x-auto rounded-md bg-zinc-50 p-3 text-xs text-zinc-800 ring-1 ring-inset ring-zinc-200">
          {`POST ${endpoint}\nAuthorization: Bearer <write key>\nContent-Type: application/json\n\n{"events": [${example}]}`}
        </pre>
      </Card>
    </div>
  );
}
