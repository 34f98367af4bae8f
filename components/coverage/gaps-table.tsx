import Link from 'next/link';
import type { CoverageGap } from '@/db/queries/coverage-report';
import { accountTabHref } from '@/lib/accounts/account-tabs';
import type { Format } from '@/lib/format';
import { Badge } from '@/components/ui/badge';
import { Table, Td, Th } from '@/components/ui/table';

type Labels = Record<'account' | 'rule' | 'due' | 'status' | 'owner' | 'plan' | 'invite' | 'share' | 'campaign' | 'unassigned', string>;

const tone = { on_time: 'brand', late: 'amber', missed: 'red', overdue: 'red', not_yet_due: 'neutral', ended: 'neutral' } as const;

/**
 * Where an obligation gets fixed: a missing activity in Plan from playbook for
 * the account (it proposes the overdue one first), a program invitation, a
 * content share from the account page's contacts, the campaign whose
 * delivery is missing (its audience and sending tool are set there).
 */
function fixFor(g: CoverageGap, labels: Labels): { href: string; label: string } {
  if (g.touchKind?.startsWith('program_')) return { href: '/programs', label: labels.invite };
  if (g.touchKind?.startsWith('content_')) return { href: accountTabHref(g.accountId, 'contacts'), label: labels.share };
  if (g.campaignId !== null) return { href: `/campaigns/${g.campaignId}`, label: labels.campaign };
  if (g.touchKind === 'campaign_delivered') return { href: accountTabHref(g.accountId, 'campaigns'), label: labels.campaign };
  if (g.touchKind !== null) return { href: `/accounts/${g.accountId}`, label: labels.plan };
  return { href: `/plan?account=${g.accountId}`, label: labels.plan };
}

export function GapsTable({ rows, labels, format, ruleLabel, statusLabel, metOnLabel }: {
  rows: CoverageGap[];
  labels: Labels;
  format: Format;
  ruleLabel: (g: CoverageGap) => string;
  statusLabel: (g: CoverageGap) => string;
  metOnLabel: (date: string) => string;
}) {
  return (
    <Table>
      <thead>
        <tr>
          <Th>{labels.account}</Th>
          <Th className="hidden md:table-cell">{labels.rule}</Th>
          <Th>{labels.due}</Th>
          <Th>{labels.status}</Th>
          <Th className="hidden lg:table-cell">{labels.owner}</Th>
          <Th>
            <span className="sr-only">{labels.plan}</span>
          </Th>
        </tr>
      </thead>
      <tbody className="divide-y divide-zinc-100">
        {rows.map((g, i) => {
          const fix = fixFor(g, labels);
          const open = g.status === 'overdue' || g.status === 'missed';
          return (
            <tr key={`${g.accountId}-${g.due}-${i}`}>
              <Td className="whitespace-normal">
                <Link href={`/accounts/${g.accountId}`} className="font-medium text-zinc-900 hover:text-brand-700 hover:underline">
                  {g.accountName}
                </Link>
                <span className="block text-xs text-zinc-500 md:hidden">{ruleLabel(g)}</span>
              </Td>
              <Td className="hidden whitespace-normal text-zinc-700 md:table-cell">{ruleLabel(g)}</Td>
              <Td className="tabular-nums">{format.date(g.due)}</Td>
              <Td>
                <Badge tone={tone[g.status]}>{statusLabel(g)}</Badge>
                {g.metOn && <span className="ml-1 text-xs text-zinc-500">{metOnLabel(format.date(g.metOn))}</span>}
              </Td>
              <Td className="hidden text-zinc-600 lg:table-cell">{g.ownerName ?? labels.unassigned}</Td>
              <Td className="text-right">
                {open && (
                  <Link href={fix.href} className="text-sm text-brand-700 hover:underline">
                    {fix.label}
                  </Link>
                )}
              </Td>
            </tr>
          );
        })}
      </tbody>
    </Table>
  );
}
