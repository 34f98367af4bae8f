import { getTranslations } from 'next-intl/server';
import { getDb } from '@/db/client';
import { activeCsms } from '@/db/queries/accounts';
import { listAccountActivities } from '@/db/queries/activities';
import { listAccountContacts } from '@/db/queries/contacts';
import { currentPlaybooks, listActivityTypes } from '@/db/queries/playbooks';
import { accountTabHref } from '@/lib/accounts/account-tabs';
import { canManageAccounts, canManageActivity } from '@/lib/auth/access';
import { todayIn } from '@/lib/dates';
import { activityRules } from '@/lib/playbooks/rule-target';
import { activityTypeLabel } from '@/lib/playbooks/type-label';
import { ActivitiesCard } from '../../_components/activities-card';
import type { TabProps } from './tab-props';

/** The account's activities: series, one-offs and the past; the schedule form when asked for (`?form=schedule`). */
export async function ActivitiesTab({ account, user, workspace, form, editable }: TabProps) {
  const db = await getDb();
  const manage = canManageAccounts(user);
  const scheduleOpen = editable && form === 'schedule';
  const [tp, activityRows, contactRows, types, playbooks, csms] = await Promise.all([
    getTranslations('playbooks'),
    listAccountActivities(db, account.id),
    listAccountContacts(db, account.id),
    // What the schedule form offers: read only when it is open.
    scheduleOpen ? listActivityTypes(db) : [],
    scheduleOpen ? currentPlaybooks(db) : [],
    scheduleOpen && manage ? activeCsms(db) : null,
  ]);
  const typeLabel = (ty: { key: string | null; name: string | null }) => activityTypeLabel(ty, tp);
  const playbookTypeIds = new Set(activityRules(playbooks.find((p) => p.tier === account.tier)?.rules ?? []).map((r) => r.activityTypeId));
  return (
    <ActivitiesCard
      accountId={account.id}
      activities={activityRows.map((a) => ({ ...a, typeLabel: typeLabel({ key: a.typeKey, name: a.typeName }) }))}
      canSchedule={editable}
      canLog={(a) => canManageActivity(user, { ownerId: a.ownerId, accountOwnerId: account.ownerId })}
      schedule={{
        types: types.filter((ty) => ty.active).map((ty) => ({ id: ty.id, label: typeLabel(ty), inPlaybook: playbookTypeIds.has(ty.id), needsSponsor: ty.requiresExecutiveSponsor })),
        csms: manage ? csms : null,
        defaultOwnerId: account.ownerId,
        today: todayIn(user.timeZone ?? workspace.timeZone),
      }}
      contacts={contactRows.filter((c) => c.active).map((c) => ({ name: c.name, title: c.title, roles: c.roles }))}
      scheduleOpen={scheduleOpen}
      closeHref={accountTabHref(account.id, 'activities')}
    />
  );
}
