import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { getDb } from '@/db/client';
import { listEventMappings } from '@/db/queries/health-read';
import { recentMessages, unattributedGroups } from '@/db/queries/ingest';
import { listWriteKeys } from '@/db/queries/write-keys';
import { requirePageUser } from '@/lib/auth/current-user';
import { appUrl } from '@/lib/env';
import { getFormat } from '@/lib/i18n/format';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { Table, Td, Th } from '@/components/ui/table';
import { CreateKeyForm } from './_components/create-key-form';
import { DebuggerTable } from './_components/debugger-table';
import { KeysTable } from './_components/keys-table';
import { LiveRefresh } from './_components/live-refresh';
import { MappingEditor } from './_components/mapping-editor';
import { ClientMessages } from '@/components/i18n/client-messages';
import { pageWorkspace } from '@/lib/server/page-workspace';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('signals'))('title') };
}

/** Admin → Signals: write keys, how to send, groups not matched yet, and the debugger of the last messages. */
export default async function SignalsPage() {
  await requirePageUser('signals.manage');
  const db = await getDb();
  const [t, format, workspace, keys, messages, groups, mappings] = await Promise.all([
    getTranslations('signals'),
    getFormat(),
    pageWorkspace(),
    listWriteKeys(db),
    recentMessages(db, 100),
    unattributedGroups(db, 20),
    listEventMappings(db),
  ]);
  const base = `${appUrl().replace(/\/$/, '')}/api/v1`;
  return (
    <ClientMessages ns={['signals']}>
      <div className="space-y-4">
        <PageHeader title={t('title')} description={t('description')} />
        <div className="grid gap-4 lg:grid-cols-5">
          <Card title={t('keys.title')} description={t('keys.description')} className="lg:col-span-3">
            <div className="space-y-4">
              <CreateKeyForm endpoint={base} />
              <KeysTable
                keys={keys.map((k) => ({
                  id: k.id,
                  name: k.name,
                  prefix: k.prefix,
                  rate: t('keys.perMinute', { count: format.number(k.ratePerMinute) }),
                  createdBy: k.createdByName ?? '—',
                  createdAt: format.date(k.createdAt),
                  lastUsed: k.lastUsedAt ? format.dateTime(k.lastUsedAt) : t('keys.never'),
                  revoked: k.revokedAt ? format.date(k.revokedAt) : null,
                }))}
              />
            </div>
          </Card>
          <Card title={t('send.title')} description={t('send.description')} className="lg:col-span-2">
            <dl className="space-y-3 text-sm">
              <div>
                <dt className="font-medium text-zinc-900">{t('send.endpoint')}</dt>
                <dd className="mt-0.5 break-all font-mono text-xs text-zinc-700">POST {base}/batch · /track · /identify · /group · /page</dd>
                <dd className="mt-1 text-zinc-600">{t('send.sdk', { origin: new URL(appUrl()).origin })}</dd>
              </div>
              <div>
                <dt className="font-medium text-zinc-900">{t('send.auth')}</dt>
                <dd className="mt-0.5 text-zinc-600">{t('send.authValue')}</dd>
              </div>
              <div>
                <dt className="font-medium text-zinc-900">{t('send.limits')}</dt>
                <dd className="mt-0.5 text-zinc-600">{t('send.limitsValue', { months: workspace.eventRetentionMonths })}</dd>
              </div>
              <div>
                <dt className="font-medium text-zinc-900">{t('send.answers')}</dt>
                <dd className="mt-0.5 text-zinc-600">{t('send.answersValue')}</dd>
              </div>
            </dl>
          </Card>
        </div>
        <Card title={t('mapping.title')} description={t('mapping.description')}>
          <MappingEditor mappings={mappings} />
        </Card>
        {groups.length > 0 && (
          <Card title={t('unattributed.title')} description={t('unattributed.description')}>
            <Table>
              <thead>
                <tr>
                  <Th>{t('unattributed.group')}</Th>
                  <Th className="text-right">{t('unattributed.events')}</Th>
                  <Th>{t('unattributed.last')}</Th>
                </tr>
              </thead>
              <tbody className="divide-y divide-zinc-100">
                {groups.map((g) => (
                  <tr key={g.groupId}>
                    <Td className="font-mono text-xs">{g.groupId}</Td>
                    <Td className="text-right tabular-nums">{format.number(g.events)}</Td>
                    <Td>{format.dateTime(g.lastAt)}</Td>
                  </tr>
                ))}
              </tbody>
            </Table>
          </Card>
        )}
        <Card title={t('debugger.title')} description={t('debugger.description')} actions={<LiveRefresh />}>
          <DebuggerTable
            rows={messages.map((m) => ({
              key: `${m.status}-${m.messageId}-${m.receivedAt.getTime()}`,
              time: format.dateTime(m.receivedAt, 'seconds'),
              accepted: m.status === 'accepted',
              keyName: m.keyName ?? '—',
              type: m.type ?? '—',
              event: m.event ?? '',
              user: m.userKey ?? '',
              account: m.accountId ? { id: m.accountId, name: m.accountName ?? String(m.accountId) } : null,
              groupId: m.groupId,
              why: m.status === 'rejected' ? t('debugger.why', { field: m.field ?? '', reason: m.reason ?? '' }) : null,
              excerpt: m.excerpt,
            }))}
          />
        </Card>
      </div>
    </ClientMessages>
  );
}
