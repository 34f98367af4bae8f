import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { getDb } from '@/db/client';
import { listAlertRules } from '@/db/queries/alert-rules';
import { requirePageUser } from '@/lib/auth/current-user';
import { loose } from '@/lib/i18n/loose';
import { PageHeader } from '@/components/ui/page-header';
import { RulesPanel } from './_components/rules-panel';
import { conditionsInWords, scopeInWords } from './_components/rule-words';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('alerts'))('title') };
}

/** Admin → Alert rules: the rules in words with their switches, and an editor that previews the accounts a rule holds for now. */
export default async function AlertRulesPage() {
  await requirePageUser('alerts.manage');
  const [t, tAccounts, rules] = await Promise.all([getTranslations('alerts'), getTranslations('accounts'), listAlertRules(await getDb())]);
  const lt = loose(t);
  return (
    <div className="space-y-4">
      <PageHeader title={t('title')} description={t('description')} />
      <RulesPanel
        rules={rules.map((r) => ({
          id: r.id,
          version: r.version,
          name: r.name,
          enabled: r.enabled,
          conditions: r.conditions,
          tiers: r.tiers,
          stages: r.stages,
          taskPriority: r.taskPriority,
          taskDueDays: r.taskDueDays,
          closeAfterDays: r.closeAfterDays,
          words: {
            conditions: conditionsInWords(lt, r.conditions),
            scope: scopeInWords(lt, (s) => loose(tAccounts)(`stages.${s}`), r),
            action: r.first === 'task' ? t('actionText', { days: r.taskDueDays, priority: lt(`priorities.${r.taskPriority}`) }) : t('techTouchFirst'),
            closeAfter: t('closeAfterDays', { days: r.closeAfterDays }),
          },
        }))}
      />
    </div>
  );
}
