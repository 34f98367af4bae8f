import type { Metadata } from 'next';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { getTimeZone, getTranslations } from 'next-intl/server';
import { getDb } from '@/db/client';
import { auditActors, auditNames, auditPageSize, listAudit } from '@/db/queries/audit';
import { requirePageUser } from '@/lib/auth/current-user';
import { auditActionKey, auditActions, auditGroups } from '@/lib/audit-actions';
import { describeAuditRow } from '@/lib/audit-describe';
import { auditHref, parseAuditParams, type AuditParams } from '@/lib/audit-params';
import { auditReferences } from '@/lib/audit-references';
import { getAuditFormat } from '@/lib/i18n/audit-format';
import { loose } from '@/lib/i18n/loose';
import { FilterForm } from '@/components/filter-form';
import { Button } from '@/components/ui/button';
import { Input, Select } from '@/components/ui/input';
import { PageHeader } from '@/components/ui/page-header';
import { pageWorkspace } from '@/lib/server/page-workspace';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('audit'))('title') };
}

type RichTranslate = (key: string, values: Record<string, string | number | ((chunks: ReactNode) => ReactNode)>) => ReactNode;

const linkClass = 'font-medium text-brand-700 hover:underline';

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePageUser('audit.read');
  const params = parseAuditParams(await searchParams);
  const db = await getDb();
  const [t, tLog, timeZone, workspace] = await Promise.all([getTranslations('audit'), getTranslations('auditLog'), getTimeZone(), pageWorkspace()]);
  const [{ rows, total }, actors, f] = await Promise.all([listAudit(db, { ...params, timeZone }), auditActors(db), getAuditFormat(workspace.currency)]);
  // One query for the names of every record this page mentions (and the record filtered by).
  const filtered = params.entity && params.entityId ? [{ entity: params.entity, entityId: params.entityId, before: null, after: null }] : [];
  const names = await auditNames(db, auditReferences([...rows, ...filtered]));

  const pages = Math.max(1, Math.ceil(total / auditPageSize));
  const href = (change: Partial<AuditParams>) => auditHref({ ...params, page: 1, ...change });
  const actionLabel = (code: string) => loose(t)(`actions.${auditActionKey(code)}`);
  const groupLabel = (group: string) => loose(tLog)(`groups.${group}`);
  const rich = tLog.rich as unknown as RichTranslate;
  const filteredRecord = filtered[0] && describeAuditRow({ ...filtered[0], action: '', actorId: null, actorName: null }, f, names).record;

  return (
    <>
      <PageHeader title={t('title')} description={t('description', { total })} />
      <FilterForm path="/admin/audit" aria-label={t('filter')}>
        <div>
          <label htmlFor="audit-actor" className="mb-1 block text-xs font-medium text-zinc-600">
            {tLog('filters.actor')}
          </label>
          <Select id="audit-actor" name="actor" defaultValue={params.actorId === undefined ? '' : String(params.actorId)} className="w-auto">
            <option value="">{tLog('filters.anyone')}</option>
            {actors.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </Select>
        </div>
        <div>
          <label htmlFor="audit-action" className="mb-1 block text-xs font-medium text-zinc-600">
            {tLog('filters.event')}
          </label>
          <Select id="audit-action" name="action" defaultValue={params.action ?? ''} className="w-auto max-w-full">
            <option value="">{tLog('filters.allEvents')}</option>
            {auditGroups.map((group) => (
              <optgroup key={group} label={groupLabel(group)}>
                <option value={`${group}.`}>{tLog('filters.allInGroup', { group: groupLabel(group) })}</option>
                {auditActions
                  .filter((a) => a.startsWith(`${group}.`))
                  .map((a) => (
                    <option key={a} value={a}>
                      {actionLabel(a)}
                    </option>
                  ))}
              </optgroup>
            ))}
          </Select>
        </div>
        <div>
          <label htmlFor="audit-from" className="mb-1 block text-xs font-medium text-zinc-600">
            {tLog('filters.from')}
          </label>
          <Input id="audit-from" name="from" type="date" defaultValue={params.from} className="w-auto" />
        </div>
        <div>
          <label htmlFor="audit-to" className="mb-1 block text-xs font-medium text-zinc-600">
            {tLog('filters.to')}
          </label>
          <Input id="audit-to" name="to" type="date" defaultValue={params.to} className="w-auto" />
        </div>
        {params.entity && params.entityId && (
          <>
            <input type="hidden" name="entity" value={params.entity} />
            <input type="hidden" name="id" value={params.entityId} />
          </>
        )}
        <Button type="submit" variant="secondary">
          {tLog('filters.apply')}
        </Button>
      </FilterForm>
      {filteredRecord && (
        <p className="mb-3 text-sm text-zinc-600">
          {tLog('filters.record', { record: filteredRecord.name })}{' '}
          <Link className={linkClass} href={href({ entity: undefined, entityId: undefined })}>
            {tLog('filters.clearRecord')}
          </Link>
        </p>
      )}
      {rows.length === 0 ? (
        <p className="rounded-lg bg-white p-6 text-center text-sm text-zinc-500 shadow-sm ring-1 ring-zinc-200">{t('empty')}</p>
      ) : (
        <ol className="divide-y divide-zinc-100 rounded-lg bg-white shadow-sm ring-1 ring-zinc-200">
          {rows.map((r) => {
            const d = describeAuditRow(r, f, names);
            const record = d.record;
            return (
              <li key={r.id} className="px-4 py-3">
                <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-0.5">
                  <p className="min-w-0 text-sm text-zinc-900">
                    {rich(`sentences.${d.sentence.key}`, {
                      ...d.sentence.values,
                      link: (chunks) =>
                        record?.href ? (
                          <Link className={linkClass} href={record.href}>
                            {chunks}
                          </Link>
                        ) : (
                          <span className="font-medium">{chunks}</span>
                        ),
                    })}
                  </p>
                  <time dateTime={r.at.toISOString()} className="shrink-0 text-xs tabular-nums text-zinc-500">
                    {f.format.dateTime(r.at)}
                  </time>
                </div>
                {d.changes.length > 0 && (
                  <ul className="mt-1 space-y-0.5 text-sm text-zinc-700">
                    {d.changes.map((c, i) => (
                      <li key={i} className="break-words">
                        <span className="whitespace-pre-wrap text-zinc-500">{tLog('labelled', { label: c.label })}</span>
                        {c.from !== undefined && c.to !== undefined ? (
                          <>
                            <span className="text-zinc-500">{c.from}</span> → <span className="text-zinc-900">{c.to}</span>
                          </>
                        ) : (
                          <span className="text-zinc-900">{c.to ?? c.from}</span>
                        )}
                      </li>
                    ))}
                  </ul>
                )}
                <div className="mt-1 flex flex-wrap items-start gap-x-4 text-xs text-zinc-500">
                  {record && r.entityId && (params.entity !== r.entity || params.entityId !== r.entityId) && (
                    <Link className="hover:text-zinc-800 hover:underline" href={href({ entity: r.entity as AuditParams['entity'], entityId: r.entityId })}>
                      {tLog('filters.onlyThis')}
                    </Link>
                  )}
                  <details className="min-w-0 grow open:basis-full">
                    <summary className="cursor-pointer select-none hover:text-zinc-800">{tLog('raw')}</summary>
                    <pre className="mt-1 max-h-64 overflow-auto whitespace-pre-wrap break-all rounded bg-zinc-50 p-2 font-mono text-[11px] text-zinc-700">
                      {JSON.stringify({ action: r.action, entity: r.entity, entityId: r.entityId, actorId: r.actorId, before: r.before, after: r.after }, null, 2)}
                    </pre>
                  </details>
                </div>
              </li>
            );
          })}
        </ol>
      )}
      {pages > 1 && (
        <nav aria-label={t('pagination')} className="mt-3 flex items-center justify-between text-sm text-zinc-600">
          <span>{t('pageOf', { page: params.page, pages })}</span>
          <span className="flex gap-2">
            {params.page > 1 && (
              <Link className="rounded-md bg-white px-2 py-1 ring-1 ring-zinc-200 hover:bg-zinc-50" href={href({ page: params.page - 1 })}>
                {t('previous')}
              </Link>
            )}
            {params.page < pages && (
              <Link className="rounded-md bg-white px-2 py-1 ring-1 ring-zinc-200 hover:bg-zinc-50" href={href({ page: params.page + 1 })}>
                {t('next')}
              </Link>
            )}
          </span>
        </nav>
      )}
    </>
  );
}
