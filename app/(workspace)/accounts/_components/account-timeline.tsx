import { getTranslations } from 'next-intl/server';
import { getDb } from '@/db/client';
import { auditNames } from '@/db/queries/audit';
import { describeAuditRow, type AuditRow } from '@/lib/audit-describe';
import { auditActionKey } from '@/lib/audit-actions';
import { auditReferences } from '@/lib/audit-references';
import { getAuditFormat } from '@/lib/i18n/audit-format';
import { Card } from '@/components/ui/card';
import { looseOr } from '@/lib/i18n/loose';

type Event = AuditRow & { id: number; at: Date };

/** What happened to the account, from the audit trail, newest first, with what changed as the audit log shows it. */
export async function AccountTimeline({ events, currency }: { events: Event[]; currency: string }) {
  const [t, tView, tAudit, tLog, f, names] = await Promise.all([
    getTranslations('accounts'),
    getTranslations('accountView.tabs'),
    getTranslations('audit'),
    getTranslations('auditLog'),
    getAuditFormat(currency),
    auditNames(await getDb(), auditReferences(events)),
  ]);
  const label = (code: string) => looseOr(tAudit, () => code)(`actions.${auditActionKey(code)}`);
  return (
    <Card title={tView('history')} description={t('timelineDescription')}>
      {events.length === 0 ? (
        <p className="text-sm text-zinc-500">{t('noTimeline')}</p>
      ) : (
        <ol className="relative space-y-3 border-l border-zinc-200 pl-4">
          {events.map((e) => (
            <li key={e.id} className="text-sm">
              <span aria-hidden className="absolute -left-1 mt-1.5 size-2 rounded-full bg-zinc-300" />
              <p className="text-zinc-800">
                <span className="font-medium">{label(e.action)}</span>
                <span className="text-zinc-500">
                  {' '}
                  · {e.actorName ?? t('system')} · {f.format.dateTime(e.at)}
                </span>
              </p>
              <ul className="mt-0.5 text-xs text-zinc-500">
                {describeAuditRow(e, f, names).changes.map((c, i) => (
                  <li key={i}>
                    {tLog('labelled', { label: c.label })}
                    {c.from !== undefined && c.to !== undefined ? `${c.from} → ${c.to}` : (c.to ?? c.from)}
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ol>
      )}
    </Card>
  );
}
