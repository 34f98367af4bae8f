import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { getFormat } from '@/lib/i18n/format';
import { getDb } from '@/db/client';
import { listPrograms, programPageSize } from '@/db/queries/programs';
import { can } from '@/lib/auth/permissions';
import { requirePageUser } from '@/lib/auth/current-user';
import { programKindLabel } from '@/lib/programs/kind-label';
import { one, withParams, type SearchParams } from '@/lib/url-params';
import { parsePage, searchTerm } from '@/lib/validation/input';
import { FilterForm } from '@/components/filter-form';
import { Badge } from '@/components/ui/badge';
import { Button, buttonClass } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { PageHeader } from '@/components/ui/page-header';
import { Pager } from '@/components/ui/pager';
import { Table, Td, Th } from '@/components/ui/table';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('programs'))('title') };
}

export default async function ProgramsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requirePageUser('programs.read');
  const params = await searchParams;
  const q = searchTerm(one(params.q));
  const page = parsePage(one(params.page));
  const db = await getDb();
  const [t, format, programs] = await Promise.all([getTranslations('programs'), getFormat(), listPrograms(db, { q, page })]);
  const kindLabel = (k: { kindKey: string | null; kindName: string | null }) => programKindLabel({ key: k.kindKey, name: k.kindName }, t);
  const total = programs[0]?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / programPageSize));
  const when = (p: (typeof programs)[number]) =>
    p.nextStartsAt ? format.dateTime(new Date(p.nextStartsAt)) : p.lastStartsAt ? t('lastSession', { date: format.date(new Date(p.lastStartsAt)) }) : t('noSessionAhead');
  const rate = (p: (typeof programs)[number]) => (p.registered ? format.ratio(p.attended / p.registered) : t('none'));
  return (
    <>
      <PageHeader
        title={t('title')}
        description={t('subtitle')}
        actions={
          can(user, 'programs.write') && (
            <Link href="/programs/new" className={buttonClass('primary')}>
              {t('new')}
            </Link>
          )
        }
      />
      <FilterForm path="/programs">
        <div>
          <label htmlFor="programs-q" className="mb-1 block text-xs font-medium text-zinc-600">
            {t('search')}
          </label>
          <Input id="programs-q" name="q" type="search" defaultValue={q ?? ''} className="w-56" />
        </div>
        <Button type="submit" variant="secondary">
          {t('filter')}
        </Button>
      </FilterForm>
      {programs.length === 0 ? (
        <p className="rounded-lg bg-white p-6 text-sm text-zinc-500 shadow-sm ring-1 ring-zinc-200">{q ? t('noMatch', { q }) : t('empty')}</p>
      ) : (
        <div className="rounded-lg bg-white shadow-sm ring-1 ring-zinc-200">
          <Table>
            <thead>
              <tr>
                <Th>{t('columns.program')}</Th>
                <Th className="hidden md:table-cell">{t('columns.next')}</Th>
                <Th className="hidden text-right lg:table-cell">{t('columns.sessions')}</Th>
                <Th className="hidden text-right sm:table-cell">{t('columns.invited')}</Th>
                <Th className="hidden text-right sm:table-cell">{t('columns.registered')}</Th>
                <Th className="hidden text-right sm:table-cell">{t('columns.attended')}</Th>
                <Th className="text-right">{t('columns.rate')}</Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-zinc-100">
              {programs.map((p) => (
                <tr key={p.id}>
                  <Td className="max-w-md whitespace-normal">
                    <Link href={`/programs/${p.id}`} className="font-medium text-zinc-900 hover:text-brand-700 hover:underline">
                      {p.title}
                    </Link>
                    <span className="mt-0.5 flex flex-wrap items-center gap-1.5 text-xs text-zinc-500">
                      <Badge>{kindLabel(p)}</Badge>
                      <span>{t(`models.${p.touchModel}`)}</span>
                      {p.archived && <Badge tone="amber">{t('archived')}</Badge>}
                    </span>
                    {/* Phones: the figures the hidden columns hold, on one line. */}
                    <span className="mt-0.5 block text-xs text-zinc-500 md:hidden">
                      {when(p)}
                      <span className="sm:hidden"> · {t('funnelLine', { invited: p.invited, registered: p.registered, attended: p.attended })}</span>
                    </span>
                  </Td>
                  <Td className="hidden tabular-nums md:table-cell">{when(p)}</Td>
                  <Td className="hidden text-right tabular-nums lg:table-cell">{p.sessions}</Td>
                  <Td className="hidden text-right tabular-nums sm:table-cell">{p.invited}</Td>
                  <Td className="hidden text-right tabular-nums sm:table-cell">{p.registered}</Td>
                  <Td className="hidden text-right tabular-nums sm:table-cell">{p.attended}</Td>
                  <Td className="text-right tabular-nums">{rate(p)}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
        </div>
      )}
      {pages > 1 && <Pager page={page} pages={pages} href={(n) => `/programs${withParams(params, { page: n === 1 ? undefined : n })}`} labels={{ previous: t('page.previous'), next: t('page.next'), pageOf: t('page.pageOf', { page, pages }) }} />}
    </>
  );
}
