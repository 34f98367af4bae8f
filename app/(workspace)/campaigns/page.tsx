import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { getDb } from '@/db/client';
import { deliveredConversionRows, listCampaigns } from '@/db/queries/campaigns';
import { can } from '@/lib/auth/permissions';
import { requirePageUser } from '@/lib/auth/current-user';
import { goalConversion } from '@/lib/campaigns/conversion';
import { getFormat } from '@/lib/i18n/format';
import { buttonClass } from '@/components/ui/button';
import { PageHeader } from '@/components/ui/page-header';
import { Table, Td, Th } from '@/components/ui/table';
import { campaignDates } from './_components/campaign-dates';
import { pageWorkspace } from '@/lib/server/page-workspace';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('campaigns'))('title') };
}

export default async function CampaignsPage() {
  const user = await requirePageUser('campaigns.read');
  const db = await getDb();
  const { timeZone } = await pageWorkspace();
  const [t, format, campaigns, conversionRows] = await Promise.all([getTranslations('campaigns'), getFormat(), listCampaigns(db), deliveredConversionRows(db, timeZone)]);
  const manages = can(user, 'campaigns.manage');
  const conversion = (c: (typeof campaigns)[number]) => {
    if (!c.goalEvent) return t('noGoal');
    const rate = goalConversion(
      conversionRows.filter((r) => r.campaignId === c.id),
      c.goalWindowDays,
    ).delivered.rate;
    return rate === null ? t('none') : format.ratio(rate);
  };
  return (
    <>
      <PageHeader
        title={t('title')}
        description={t('subtitle')}
        actions={
          manages && (
            <Link href="/campaigns/new" className={buttonClass('primary')}>
              {t('new')}
            </Link>
          )
        }
      />
      {campaigns.length === 0 ? (
        <p className="rounded-lg bg-white p-6 text-sm text-zinc-500 shadow-sm ring-1 ring-zinc-200">{manages ? t('empty') : t('emptyReader')}</p>
      ) : (
        <div className="rounded-lg bg-white shadow-sm ring-1 ring-zinc-200">
          <Table>
            <thead>
              <tr>
                <Th>{t('columns.campaign')}</Th>
                <Th className="hidden md:table-cell">{t('columns.channel')}</Th>
                <Th className="hidden md:table-cell">{t('columns.tool')}</Th>
                <Th className="hidden lg:table-cell">{t('columns.dates')}</Th>
                <Th className="text-right">{t('columns.delivered')}</Th>
                <Th className="text-right">{t('columns.conversion')}</Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-zinc-100">
              {campaigns.map((c) => (
                <tr key={c.id}>
                  <Td className="max-w-md whitespace-normal">
                    <Link href={`/campaigns/${c.id}`} className="font-medium text-brand-700 hover:underline">
                      {c.name}
                    </Link>
                  </Td>
                  <Td className="hidden md:table-cell">{t(`channels.${c.channel}`)}</Td>
                  <Td className="hidden md:table-cell">{t(`tools.${c.tool}`)}</Td>
                  <Td className="hidden lg:table-cell">{campaignDates(c, format, t)}</Td>
                  <Td className="text-right tabular-nums">{format.number(c.deliveredAccounts)}</Td>
                  <Td className="text-right tabular-nums">{conversion(c)}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
        </div>
      )}
    </>
  );
}
