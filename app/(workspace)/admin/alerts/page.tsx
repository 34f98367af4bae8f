import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { getDb } from '@/db/client';
import { listAlertRules, ruleActivity } from '@/db/queries/alert-rules';
import { campaignChoices } from '@/db/queries/campaigns';
import { requirePageUser } from '@/lib/auth/current-user';
import { loose } from '@/lib/i18n/loose';
import { PageHeader } from '@/components/ui/page-header';
import { webhookSettings } from '@/db/queries/tech-touches';
import { smtpUrl } from '@/lib/env';
import { ChannelsPanel } from './_components/channels-panel';
import { RulesPanel } from './_components/rules-panel';
import { conditionsInWords, scopeInWords } from './_components/rule-words';
import { ClientMessages } from '@/components/i18n/client-messages';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('alerts'))('title') };
}

/** Admin → Alert rules: the rules in words with their switches, and an editor that previews the accounts a rule holds for now. */
export default async function AlertRulesPage() {
  await requirePageUser('alerts.manage');
  const db = await getDb();
  const [t, tAccounts, rules, webhook, activity, campaigns] = await Promise.all([
    getTranslations('alerts'),
    getTranslations('accounts'),
    listAlertRules(db),
    webhookSettings(db),
    ruleActivity(db),
    campaignChoices(db),
  ]);
  const lt = loose(t);
  const campaignName = new Map(campaigns.map((c) => [c.id, c.name]));
  const smtp = !!smtpUrl();
  const action = (r: (typeof rules)[number]) => {
    const task = t('actionText', { days: r.taskDueDays, priority: lt(`priorities.${r.taskPriority}`) });
    if (r.first !== 'tech_touch') return task;
    const enrols = r.techChannel === 'webhook' && r.techCampaignId !== null ? t('techText.campaign', { name: campaignName.get(r.techCampaignId) ?? '' }) : '';
    const nudge = t(r.techChannel === 'email' ? 'techText.email' : 'techText.webhook', { subject: r.techSubject ?? '' }) + enrols;
    return r.escalateAfterDays === null ? nudge + t('techText.never') : `${nudge}${t('techText.then', { days: r.escalateAfterDays })}: ${task}`;
  };
  const nowWords = (r: (typeof rules)[number]) => {
    const a = activity.get(r.id);
    const parts = [t('now.open', { count: a?.open ?? 0 }), t('now.tasks', { count: a?.openTasks ?? 0 })];
    if (r.first === 'tech_touch' || a?.nudgesSent || a?.nudgesFailed) parts.push(t('now.nudges', { count: a?.nudgesSent ?? 0 }));
    if (a?.nudgesFailed) parts.push(t('now.unsent', { count: a.nudgesFailed }));
    return parts.join(' · ');
  };
  return (
    <ClientMessages ns={['accounts', 'alerts', 'campaigns']}>
      <div className="space-y-4">
        <PageHeader title={t('title')} description={t('description')} />
        <RulesPanel
          ready={{ email: smtp, webhook: !!webhook.url && !!webhook.secret }}
          campaigns={campaigns}
          rules={rules.map((r) => ({
            id: r.id,
            version: r.version,
            name: r.name,
            enabled: r.enabled,
            conditions: r.conditions,
            tiers: r.tiers,
            stages: r.stages,
            first: r.first,
            techChannel: r.techChannel,
            techSubject: r.techSubject,
            techMessage: r.techMessage,
            techCampaignId: r.techCampaignId,
            escalateAfterDays: r.escalateAfterDays,
            taskPriority: r.taskPriority,
            taskDueDays: r.taskDueDays,
            closeAfterDays: r.closeAfterDays,
            words: {
              conditions: conditionsInWords(lt, r.conditions),
              scope: scopeInWords(lt, (s) => loose(tAccounts)(`stages.${s}`), r),
              action: action(r),
              closeAfter: t('closeAfterDays', { days: r.closeAfterDays }),
              now: nowWords(r),
            },
          }))}
        />
        <ChannelsPanel channels={{ smtp, url: webhook.url, secret: webhook.secret, version: webhook.version }} />
      </div>
    </ClientMessages>
  );
}
