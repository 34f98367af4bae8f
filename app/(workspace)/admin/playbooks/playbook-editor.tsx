'use client';

import { useTranslations } from 'next-intl';
import { useFormat } from '@/lib/i18n/use-format';
import { useState } from 'react';
import { ActionForm, SubmitButton, TextField, useFieldError, useMessage } from '@/components/action-form';
import { Button } from '@/components/ui/button';
import { Input, Select } from '@/components/ui/input';
import { Td, Th } from '@/components/ui/table';
import { hoursOwed, typeModelLookup } from '@/lib/playbooks/hours';
import { isOneToMany, parseTargetValue, targetValue } from '@/lib/playbooks/rule-target';
import { savePlaybook } from './actions';
import { cadenceUnits, touchKinds, type CadenceUnit, type TouchKind, type TouchModel } from '@/lib/vocabulary';

type Rule = { activityTypeId: number | null; touchKind: TouchKind | null; campaignId: number | null; every: number; unit: CadenceUnit; hours: string; bookAheadDays: number };
type Props = {
  tier: number;
  version: number;
  rules: Rule[];
  types: { id: number; label: string; active: boolean; touchModel: TouchModel }[];
  /** The campaigns a rule may ask for by name ("the onboarding sequence delivered"). */
  campaigns: { id: number; name: string }[];
  accounts: number;
  capacityHours: number;
};

function CellError({ name }: { name: string }) {
  const error = useFieldError(name);
  const message = useMessage();
  return error ? <p className="mt-0.5 text-xs text-red-700">{message(error)}</p> : null;
}

/** The rules of one tier's playbook, with what they cost in hours, before saving. */
export function PlaybookEditor({ tier, version, rules: saved, types, campaigns, accounts, capacityHours }: Props) {
  const t = useTranslations('playbooks');
  const [rules, setRules] = useState<Rule[]>(saved);
  const activeTypes = types.filter((ty) => ty.active);
  const typeModel = typeModelLookup(types);
  const oneToMany = (r: Rule) => isOneToMany(r, typeModel);
  const set = (i: number, change: Partial<Rule>) => setRules((rs) => rs.map((r, j) => (j === i ? { ...r, ...change } : r)));
  // A rule moving from one-to-many (no hours kept) to high-touch starts from 1 h rather than an invalid 0.
  const setTarget = (i: number, value: string) =>
    setRules((rs) =>
      rs.map((r, j) => {
        if (j !== i) return r;
        const next = { ...r, ...parseTargetValue(value, touchKinds) };
        return !oneToMany(next) && Number(next.hours) === 0 ? { ...next, hours: '1' } : next;
      }),
    );
  const before = hoursOwed(saved, accounts, capacityHours, typeModel);
  const after = hoursOwed(rules, accounts, capacityHours, typeModel);
  const format = useFormat();
  const h = format.hours;
  const key = (rs: Rule[]) => JSON.stringify(rs.map((r) => [targetValue(r), r.every, r.unit, oneToMany(r) ? 0 : Number(r.hours), r.bookAheadDays]));
  const changed = key(rules) !== key(saved);

  return (
    <ActionForm action={savePlaybook} successMessage={t('saved')}>
      <input type="hidden" name="tier" value={tier} />
      <input type="hidden" name="baseVersion" value={version} />
      <input type="hidden" name="rules" value={JSON.stringify(rules)} />
      {rules.length === 0 ? (
        <p className="rounded-md bg-zinc-50 px-3 py-2 text-sm text-zinc-600">{t('noRules')}</p>
      ) : (
        <div className="relative overflow-x-auto">
          <table className="min-w-full text-sm">
            <thead>
              <tr>
                <Th>{t('activity')}</Th>
                <Th>{t('every')}</Th>
                <Th>{t('hours')}</Th>
                <Th>{t('bookAhead')}</Th>
                <Th>
                  <span className="sr-only">{t('remove')}</span>
                </Th>
              </tr>
            </thead>
            <tbody>
              {rules.map((r, i) => (
                <tr key={i} className="align-top">
                  <Td className="whitespace-normal">
                    <div className="w-52">
                      <Select aria-label={t('activityN', { n: i + 1 })} value={targetValue(r)} onChange={(e) => setTarget(i, e.target.value)}>
                        <optgroup label={t('activityTypes')}>
                          {types
                            .filter((ty) => ty.active || ty.id === r.activityTypeId)
                            .map((ty) => (
                              <option key={ty.id} value={targetValue({ activityTypeId: ty.id, touchKind: null })}>
                                {ty.label}
                              </option>
                            ))}
                        </optgroup>
                        <optgroup label={t('touchKindsGroup')}>
                          {touchKinds.map((kind) => (
                            <option key={kind} value={targetValue({ activityTypeId: null, touchKind: kind })}>
                              {t(`touchKinds.${kind}`)}
                            </option>
                          ))}
                        </optgroup>
                        {campaigns.length > 0 && (
                          <optgroup label={t('campaignsGroup')}>
                            {campaigns.map((c) => (
                              <option key={c.id} value={targetValue({ activityTypeId: null, touchKind: 'campaign_delivered', campaignId: c.id })}>
                                {t('campaignDelivered', { name: c.name })}
                              </option>
                            ))}
                          </optgroup>
                        )}
                      </Select>
                    </div>
                    <CellError name={`rules.${i}.activityTypeId`} />
                    <CellError name={`rules.${i}.touchKind`} />
                  </Td>
                  <Td>
                    <div className="flex gap-1">
                      <div className="w-16 shrink-0">
                        <Input aria-label={t('everyN', { n: i + 1 })} inputMode="numeric" value={r.every} onChange={(e) => set(i, { every: Number(e.target.value) || 0 })} />
                      </div>
                      <div className="w-32 shrink-0">
                      <Select aria-label={t('unitN', { n: i + 1 })} value={r.unit} onChange={(e) => set(i, { unit: e.target.value as Rule['unit'] })}>
                        {cadenceUnits.map((u) => (
                          <option key={u} value={u}>
                            {t(`units.${u}`, { count: r.every })}
                          </option>
                        ))}
                      </Select>
                      </div>
                    </div>
                    <CellError name={`rules.${i}.every`} />
                  </Td>
                  <Td className="w-full whitespace-normal">
                    {oneToMany(r) ? (
                      // One-to-many: the account owes no CSM hours of its own, so none are asked.
                      <p className="py-2 text-sm whitespace-nowrap text-zinc-500">{t('oneToManyHours')}</p>
                    ) : (
                      <>
                        <div className="w-20">
                          <Input aria-label={t('hoursN', { n: i + 1 })} inputMode="decimal" value={r.hours} onChange={(e) => set(i, { hours: e.target.value })} />
                        </div>
                        <CellError name={`rules.${i}.hours`} />
                      </>
                    )}
                  </Td>
                  <Td>
                    {r.touchKind !== null ? (
                      // Met by the ledger, not booked: nothing to book ahead.
                      <p className="py-2 text-sm text-zinc-500">—</p>
                    ) : (
                      <>
                        <div className="w-20">
                          <Input
                            aria-label={t('bookAheadN', { n: i + 1 })}
                            inputMode="numeric"
                            value={r.bookAheadDays}
                            onChange={(e) => set(i, { bookAheadDays: Number(e.target.value) || 0 })}
                          />
                        </div>
                        <CellError name={`rules.${i}.bookAheadDays`} />
                      </>
                    )}
                  </Td>
                  <Td>
                    <Button variant="ghost" onClick={() => setRules((rs) => rs.filter((_, j) => j !== i))}>
                      {t('remove')}
                    </Button>
                  </Td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Button
        variant="secondary"
        disabled={rules.length >= 20}
        onClick={() =>
          setRules((rs) => [
            ...rs,
            { ...(activeTypes[0] ? { activityTypeId: activeTypes[0].id, touchKind: null } : { activityTypeId: null, touchKind: 'content_shared' }), campaignId: null, every: 1, unit: 'month', hours: '1', bookAheadDays: 14 },
          ])
        }
      >
        {t('addRule')}
      </Button>
      <div className="grid gap-3 rounded-md bg-zinc-50 p-3 text-sm sm:grid-cols-3" aria-live="polite">
        <div>
          <p className="text-xs text-zinc-500">{t('perAccount')}</p>
          <p className="font-semibold tabular-nums">
            {t('hoursValue', { hours: h(after.perAccount) })}
            {changed && <span className="ml-1 text-xs font-normal text-zinc-500">{t('was', { hours: h(before.perAccount) })}</span>}
          </p>
        </div>
        <div>
          <p className="text-xs text-zinc-500">{t('teamTotal', { accounts })}</p>
          <p className="font-semibold tabular-nums">
            {t('hoursValue', { hours: h(after.total) })}
            {changed && <span className="ml-1 text-xs font-normal text-zinc-500">{t('was', { hours: h(before.total) })}</span>}
          </p>
        </div>
        <div>
          <p className="text-xs text-zinc-500">{t('ofCapacity', { hours: capacityHours })}</p>
          <p className={after.share !== null && after.share > 1 ? 'font-semibold text-red-700 tabular-nums' : 'font-semibold tabular-nums'}>
            {after.share === null ? '—' : `${Math.round(after.share * 100)} %`}
          </p>
        </div>
      </div>
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div className="min-w-64 flex-1">
          <TextField name="note" label={t('note')} hint={t('noteHint')} />
        </div>
        <SubmitButton pendingLabel={t('saving')}>{t('save')}</SubmitButton>
      </div>
    </ActionForm>
  );
}
