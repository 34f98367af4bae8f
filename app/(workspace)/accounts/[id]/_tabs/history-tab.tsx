import { getDb } from '@/db/client';
import { listAuditForEntity } from '@/db/queries/audit';
import { AccountTimeline } from '../../_components/account-timeline';
import type { TabProps } from './tab-props';

/** What changed on the account, from the audit trail, newest first (the last 50 changes). */
export async function HistoryTab({ account, workspace }: TabProps) {
  const events = await listAuditForEntity(await getDb(), 'account', account.id);
  return <AccountTimeline events={events} currency={workspace.currency} />;
}
