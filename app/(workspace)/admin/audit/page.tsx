import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { getFormat } from '@/lib/i18n/format';
import { getDb } from '@/db/client';
import { auditPageSize, listAudit } from '@/db/queries/audit';
import { requirePageUser } from '@/lib/auth/current-user';
import { describeChange } from '@/lib/audit-describe';
import { cn } from '@/lib/cn';
import { PageHeader } from '@/components/ui/page-header';
import { Table, Td, Th } from '@/components/ui/table';
import { loose, looseOr } from '@/lib/i18n/loose';
import { parsePage } from '@/lib/validation/input';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('audit'))('title') };
}

const filters = ['', 'auth.', 'user.', 'account.', 'tier_policy.', 'playbook.', 'workspace.', 'access.'] as const;


export default async function AuditPage({ searchParams }: { searchParams: Promise<{ page?: string; action?: string }> }) {
  await requirePageUser('audit.read');
  const params = await searchParams;
  const page = parsePage(params.page);
  const action = filters.find((f) => f === params.action) ?? '';
  const [t, format, { rows, total }] = await Promise.all([
    getTranslations('audit'),
    getFormat(),
    listAudit(await getDb(), { page, action: action || undefined }),
  ]);
  const pages = Math.max(1, Math.ceil(total / auditPageSize));
  const href = (p: number, a: string = action) => `/admin/audit?${new URLSearchParams({ ...(a ? { action: a } : {}), page: String(p) })}`;
  // Audit codes come from the database; one the catalog does not name shows as it is.
  const label = (code: string) => looseOr(t, () => code)(`actions.${code.replace(/\./g, '_')}`);
  return (
    <>
      <PageHeader title={t('title')} description={t('description', { total })} />
      <nav aria-label={t('filter')} className="mb-3 flex flex-wrap gap-1">
        {filters.map((f) => (
          <Link
            key={f || 'all'}
            href={href(1, f)}
            aria-current={f === action ? 'true' : undefined}
            className={cn('rounded-md px-2 py-1 text-sm', f === action ? 'bg-zinc-900 text-white' : 'bg-white text-zinc-600 ring-1 ring-zinc-200 hover:bg-zinc-50')}
          >
            {loose(t)(`filters.${f ? f.slice(0, -1) : 'all'}`)}
          </Link>
        ))}
      </nav>
      <div className="rounded-lg bg-white shadow-sm ring-1 ring-zinc-200">
        {rows.length === 0 ? (
          <p className="p-6 text-center text-sm text-zinc-500">{t('empty')}</p>
        ) : (
          <Table>
            <thead className="bg-zinc-50">
              <tr>
                <Th>{t('when')}</Th>
                <Th>{t('who')}</Th>
                <Th>{t('action')}</Th>
                <Th>{t('target')}</Th>
                <Th>{t('details')}</Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-zinc-100">
              {rows.map((r) => (
                <tr key={r.id}>
                  <Td className="text-xs tabular-nums">{format.dateTime(r.at, 'seconds')}</Td>
                  <Td>{r.actorName ?? <span className="text-zinc-400">{t('anonymous')}</span>}</Td>
                  <Td>
                    <span title={r.action}>{label(r.action)}</span>
                  </Td>
                  <Td className="text-xs text-zinc-500">
                    {r.entity}
                    {r.entityId ? ` #${r.entityId}` : ''}
                  </Td>
                  <Td className="whitespace-normal text-xs text-zinc-600">
                    <ul className="space-y-0.5">
                      {describeChange(r.before, r.after).map((c) => (
                        <li key={c.field} className="max-w-md break-words">
                          <span className="text-zinc-400">{c.field}: </span>
                          {c.from !== undefined && c.to !== undefined ? (
                            <>
                              <span className="text-zinc-500 line-through decoration-zinc-300">{c.from}</span> → <span className="text-zinc-900">{c.to}</span>
                            </>
                          ) : (
                            <span className="text-zinc-900">{c.to ?? c.from}</span>
                          )}
                        </li>
                      ))}
                    </ul>
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </div>
      {pages > 1 && (
        <nav aria-label={t('pagination')} className="mt-3 flex items-center justify-between text-sm text-zinc-600">
          <span>{t('pageOf', { page, pages })}</span>
          <span className="flex gap-2">
            {page > 1 && (
              <Link className="rounded-md bg-white px-2 py-1 ring-1 ring-zinc-200 hover:bg-zinc-50" href={href(page - 1)}>
                {t('previous')}
              </Link>
            )}
            {page < pages && (
              <Link className="rounded-md bg-white px-2 py-1 ring-1 ring-zinc-200 hover:bg-zinc-50" href={href(page + 1)}>
                {t('next')}
              </Link>
            )}
          </span>
        </nav>
      )}
    </>
  );
}
