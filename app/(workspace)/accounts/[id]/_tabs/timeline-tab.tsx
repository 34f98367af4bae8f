import { getDb } from '@/db/client';
import { openObligations } from '@/db/queries/coverage';
import { listActivityTypes } from '@/db/queries/playbooks';
import { countAccountTouchesBy, listAccountTouches, touchPageSize } from '@/db/queries/touches';
import { parsePage } from '@/lib/validation/input';
import { one } from '@/lib/url-params';
import { touchKinds, touchModels, type TouchKind, type TouchModel } from '@/lib/vocabulary';
import { PlaybookDueCard } from '../../_components/playbook-due-card';
import { TouchesCard } from '../../_components/touches-card';
import type { TabProps } from './tab-props';

const isIn = <T extends string>(list: readonly T[], v: string | undefined): v is T => (list as readonly string[]).includes(v ?? '');

/** Every touch of every model, filterable by model and kind, under what the tier's playbook asks. */
export async function TimelineTab({ account, query }: TabProps) {
  const db = await getDb();
  const rawModel = one(query.touches);
  const rawKind = one(query.touchKind);
  const model: TouchModel | undefined = isIn(touchModels, rawModel) ? rawModel : undefined;
  const kind: TouchKind | undefined = isIn(touchKinds, rawKind) ? rawKind : undefined;
  const page = parsePage(one(query.touchesPage));
  const [rows, counts, dues, types] = await Promise.all([
    listAccountTouches(db, account.id, { model, kind, page }),
    countAccountTouchesBy(db, account.id),
    openObligations(db, [account.id]),
    listActivityTypes(db),
  ]);
  return (
    <div className="space-y-4">
      <PlaybookDueCard dues={dues} types={types} />
      <TouchesCard accountId={account.id} touches={rows} counts={counts.models} kindCounts={counts.kinds} model={model} kind={kind} page={page} pageSize={touchPageSize} params={query} />
    </div>
  );
}
