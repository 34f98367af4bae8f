import type { getTranslations } from 'next-intl/server';
import type { CoverageGap } from '@/db/queries/coverage-report';
import { activityTypeLabel } from '@/lib/playbooks/type-label';

type Translator<N extends 'coverage' | 'playbooks'> = Awaited<ReturnType<typeof getTranslations<N>>>;
type ActivityType = { id: number; key: string | null; name: string | null };

/** An obligation's rule in words: the activity type or touch kind, then its cadence ("QBR · every 3 months"). */
export function gapRuleLabel(types: readonly ActivityType[], t: Translator<'coverage'>, tp: Translator<'playbooks'>) {
  const typeById = new Map(types.map((ty) => [ty.id, ty]));
  return (g: Pick<CoverageGap, 'touchKind' | 'activityTypeId' | 'activityTypeKey' | 'activityTypeName' | 'every' | 'unit'>) => {
    const what = g.touchKind !== null ? tp(`touchKinds.${g.touchKind}`) : activityTypeLabel(typeById.get(g.activityTypeId!) ?? { key: g.activityTypeKey, name: g.activityTypeName }, tp);
    return `${what} · ${t('gaps.every', { every: g.every, unit: tp(`units.${g.unit}`, { count: g.every }) })}`;
  };
}
