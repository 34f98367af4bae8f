'use client';

import { useTranslations } from 'next-intl';
import { ActionForm, SelectField, SubmitButton, TextField } from '@/components/action-form';
import { ComboboxField } from '@/components/combobox-field';
import { MoneyField } from '@/components/money-field';
import { plainAmount } from '@/lib/currencies';
import type { Workspace } from '@/db/queries/workspace';
import type { PickerOption } from '@/lib/picker';
import type { Closure } from '@/lib/scheduling/working-days';
import { updateWorkspace } from './actions';
import { ClosedDaysField } from './closed-days-field';

type Props = {
  workspace: Workspace;
  currencies: string[];
  timeZones: PickerOption[];
  countries: PickerOption[];
  /** The country in effect (chosen, else the time zone's). */
  country: string;
  /** The closed days in effect (saved, else the country's defaults). */
  closures: Closure[];
  thisYear: number;
  months: { value: string; label: string }[];
};

export function WorkspaceForm({ workspace, currencies, timeZones, countries, country, closures, thisYear, months }: Props) {
  const t = useTranslations('workspace');
  return (
    <ActionForm action={updateWorkspace} successMessage={t('saved')}>
      <input type="hidden" name="version" value={workspace.version} />
      <TextField name="name" label={t('name')} defaultValue={workspace.name} required />
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField
          name="currency"
          label={t('currency')}
          hint={t('currencyHint')}
          defaultValue={workspace.currency}
          options={currencies.map((c) => ({ value: c, label: c }))}
        />
        <SelectField name="fiscalYearStartMonth" label={t('fiscalYearStart')} defaultValue={String(workspace.fiscalYearStartMonth)} options={months} />
      </div>
      <div className="max-w-md">
        <TextField name="coverageGraceDays" type="number" min={0} max={90} step={1} inputMode="numeric" label={t('coverageGraceDays')} hint={t('coverageGraceDaysHint')} defaultValue={workspace.coverageGraceDays} />
      </div>
      <ComboboxField name="timeZone" label={t('timeZone')} hint={t('timeZoneHint')} defaultValue={workspace.timeZone} options={timeZones} />
      <ComboboxField name="holidayCountry" label={t('holidayCountry')} hint={t('holidayCountryHint')} defaultValue={country} options={countries} />
      <ClosedDaysField initial={closures} thisYear={thisYear} />
      <fieldset className="space-y-3 border-t border-zinc-100 pt-4">
        <legend className="text-sm font-semibold text-zinc-900">{t('economics')}</legend>
        <p className="text-xs text-zinc-500">{t('economicsHint')}</p>
        <div className="grid gap-4 sm:grid-cols-2">
          <MoneyField name="csmHourCost" label={t('csmHourCost', { currency: workspace.currency })} hint={t('csmHourCostHint')} currency={workspace.currency} defaultValue={plainAmount(workspace.csmHourCost, workspace.currency)} inputMode="decimal" />
          <TextField name="costShareThresholdPct" type="text" inputMode="decimal" label={t('costShareThreshold')} hint={t('costShareThresholdHint')} defaultValue={Number(workspace.costShareThresholdPct)} />
        </div>
        <div className="grid gap-4 sm:grid-cols-3">
          {([1, 2, 3] as const).map((tier) => (
            <MoneyField
              key={tier}
              name={`tier${tier}ToolingCost`}
              label={t('toolingCost', { tier, currency: workspace.currency })}
              currency={workspace.currency}
              defaultValue={plainAmount(workspace[`tier${tier}ToolingCost`], workspace.currency)}
              inputMode="decimal"
            />
          ))}
        </div>
        <p className="text-xs text-zinc-500">{t('toolingCostHint')}</p>
      </fieldset>
      <fieldset className="space-y-3 border-t border-zinc-100 pt-4">
        <legend className="text-sm font-semibold text-zinc-900">{t('usageHealth')}</legend>
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField name="eventRetentionMonths" type="number" min={1} max={60} step={1} inputMode="numeric" label={t('eventRetentionMonths')} hint={t('eventRetentionMonthsHint')} defaultValue={workspace.eventRetentionMonths} />
          <TextField name="pulseDays" type="number" min={1} max={365} step={1} inputMode="numeric" label={t('pulseDays')} hint={t('pulseDaysHint')} defaultValue={workspace.pulseDays} />
        </div>
      </fieldset>
      <div className="flex justify-end">
        <SubmitButton pendingLabel={t('saving')}>{t('save')}</SubmitButton>
      </div>
    </ActionForm>
  );
}
