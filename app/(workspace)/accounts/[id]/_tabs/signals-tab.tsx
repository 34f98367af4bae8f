import { getDb } from '@/db/client';
import { getFormat } from '@/lib/i18n/format';
import { healthCardData } from '@/lib/server/health-card';
import { HealthCard } from '../../_components/health-card';
import type { TabProps } from './tab-props';

/** Health and the usage signals under it: score, band, each signal's value and weight, the 90-day trend, and the CSM's pulse. */
export async function SignalsTab({ account, workspace, today, editable }: TabProps) {
  const [format, health] = await Promise.all([getFormat(workspace.currency), healthCardData(await getDb(), account.id, today)]);
  return <HealthCard data={health} format={format} accountId={account.id} canPulse={editable} />;
}
