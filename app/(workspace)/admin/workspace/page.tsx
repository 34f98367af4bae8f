import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import { requirePageUser } from '@/lib/auth/current-user';
import { currencies } from '@/lib/currencies';
import { todayIn } from '@/lib/dates';
import { monthNames } from '@/lib/i18n/month-names';
import { defaultClosures, holidayCountries } from '@/lib/scheduling/holidays';
import { parts } from '@/lib/scheduling/local-date';
import { holidayCountryOf } from '@/lib/server/working-calendar';
import { timeZoneOptions } from '@/lib/time-zones';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { WorkspaceForm } from './workspace-form';
import { ClientMessages } from '@/components/i18n/client-messages';
import { pageWorkspace } from '@/lib/server/page-workspace';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('workspace'))('title') };
}

/** Countries by name in the reader's language, found by name, English name or code. */
function countryOptions(locale: string) {
  const names = new Intl.DisplayNames([locale], { type: 'region' });
  const english = new Intl.DisplayNames(['en'], { type: 'region' });
  return holidayCountries()
    .map((code) => ({ value: code, label: `${names.of(code) ?? code} (${code})`, keywords: english.of(code) ?? '' }))
    .sort((a, b) => a.label.localeCompare(b.label, locale));
}

export default async function WorkspacePage() {
  await requirePageUser('workspace.manage');
  const [t, locale, workspace] = await Promise.all([getTranslations('workspace'), getLocale(), pageWorkspace()]);
  const country = holidayCountryOf(workspace);
  return (
    <ClientMessages ns={['picker', 'workspace']}>
      <div className="max-w-3xl">
        <PageHeader title={t('title')} description={t('description')} />
        <Card>
          <WorkspaceForm
            workspace={workspace}
            currencies={[...currencies]}
            timeZones={timeZoneOptions()}
            countries={countryOptions(locale)}
            country={country ?? ''}
            closures={workspace.closedDays ?? defaultClosures(country, t('yearEndClosure'))}
            thisYear={parts(todayIn(workspace.timeZone)).year}
            months={monthNames(locale).map((m) => ({ value: String(m.value), label: m.label }))}
          />
        </Card>
      </div>
    </ClientMessages>
  );
}
