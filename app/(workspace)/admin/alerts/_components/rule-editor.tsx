'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useEffect, useRef, useState, useTransition } from 'react';
import { useMessage } from '@/components/action-form';
import { Button } from '@/components/ui/button';
import { controlClass, Input, Select } from '@/components/ui/input';
import { cn } from '@/lib/cn';
import { Notice } from '@/components/ui/notice';
import { Table, Td, Th } from '@/components/ui/table';
import type { AlertRuleRow } from '@/db/queries/alert-rules';
import type { CampaignChoice } from '@/db/queries/campaigns';
import type { Message } from '@/lib/actions/result';
import { conditionFields, conditionKinds, newCondition, type AlertCondition, type ConditionKind } from '@/lib/alerts/conditions';
import { taskPriorities, techChannels } from '@/lib/alerts/rule';
import { loose } from '@/lib/i18n/loose';
import { useFormat } from '@/lib/i18n/use-format';
import { lifecycleStages } from '@/lib/vocabulary';
import { createAlertRule, previewAlertRule, updateAlertRule } from '../actions';
import { valuesInWords } from './rule-words';

/** A rule as the editor opens it: the listed row without its on/off switch (the panel's switch owns that). */
type EditedRule = Omit<AlertRuleRow, 'enabled'>;

/** Whether each tech-touch channel can send now (the editor warns when the chosen one cannot). */
export type ChannelsReady = { email: boolean; webhook: boolean };

type Row = { kind: ConditionKind } & Record<string, string>;
type Preview = Extract<Awaited<ReturnType<typeof previewAlertRule>>, { ok: true }>['data'];

const toRow = (c: AlertCondition): Row => ({ ...Object.fromEntries(Object.entries(c).map(([k, v]) => [k, String(v)])), kind: c.kind });
const fieldsOf = (kind: ConditionKind) => Object.entries(conditionFields[kind]) as [string, { min: number; max: number }][];

/** Creates or edits a rule; while editing, a preview of the accounts it holds for now (debounced). */
export function RuleEditor({
  rule,
  ready,
  campaigns,
  onDone,
}: {
  rule: EditedRule | null;
  ready: ChannelsReady;
  /** What the webhook can enrol accounts in. */
  campaigns: CampaignChoice[];
  onDone: (saved: 'created' | 'saved') => void;
}) {
  const t = useTranslations('alerts');
  const tCampaigns = useTranslations('campaigns');
  const tAccounts = useTranslations('accounts');
  const format = useFormat();
  const message = useMessage();
  const [name, setName] = useState(rule?.name ?? '');
  const [rows, setRows] = useState<Row[]>((rule?.conditions ?? [newCondition('no_activity')]).map(toRow));
  const [tiers, setTiers] = useState<number[]>(rule?.tiers ?? []);
  const [stages, setStages] = useState<string[]>(rule?.stages ?? []);
  const [first, setFirst] = useState(rule?.first ?? 'task');
  const [techChannel, setTechChannel] = useState(rule?.techChannel ?? 'webhook');
  const [techSubject, setTechSubject] = useState(rule?.techSubject ?? '');
  const [techMessage, setTechMessage] = useState(rule?.techMessage ?? '');
  const [techCampaignId, setTechCampaignId] = useState(rule?.techCampaignId == null ? '' : String(rule.techCampaignId));
  const [escalateAfterDays, setEscalateAfterDays] = useState(rule ? String(rule.escalateAfterDays ?? '') : '7');
  const [taskPriority, setTaskPriority] = useState(rule?.taskPriority ?? 'normal');
  const [taskDueDays, setTaskDueDays] = useState(String(rule?.taskDueDays ?? 2));
  const [closeAfterDays, setCloseAfterDays] = useState(String(rule?.closeAfterDays ?? 7));
  const [errors, setErrors] = useState<Record<string, Message>>({});
  const [formError, setFormError] = useState<string | null>(null);
  // The last preview answer and the edit it answered: shown (dimmed) until the next one arrives.
  const [answer, setAnswer] = useState<{ of: string; data: Preview | null; errors: Record<string, Message> } | null>(null);
  const [pending, startTransition] = useTransition();
  const asked = useRef(0);

  const matchSignature = JSON.stringify({ conditions: rows, tiers, stages });
  const preview = answer?.data ?? null;
  const previewErrors = answer?.errors ?? {};
  const previewing = rows.length > 0 && answer?.of !== matchSignature;

  // The preview follows the edit ~400 ms after the last keystroke; an older answer never overwrites a newer one.
  useEffect(() => {
    const ask = ++asked.current;
    const payload = JSON.parse(matchSignature) as { conditions: Row[]; tiers: number[]; stages: string[] };
    if (!payload.conditions.length) return;
    const timer = setTimeout(async () => {
      const res = await previewAlertRule(null, payload);
      if (ask !== asked.current) return;
      setAnswer({ of: matchSignature, data: res.ok ? res.data : null, errors: res.ok ? {} : (res.fieldErrors ?? {}) });
    }, 400);
    return () => clearTimeout(timer);
  }, [matchSignature]);

  const err = (field: string) => {
    const m = errors[field] ?? previewErrors[field];
    return m ? message(m) : null;
  };
  const edit = (i: number, patch: Partial<Row>) => setRows(rows.map((r, j) => (j === i ? ({ ...r, ...patch } as Row) : r)));
  const toggle = <T,>(list: T[], v: T) => (list.includes(v) ? list.filter((x) => x !== v) : [...list, v]);

  function save() {
    // Only the webhook enrols: a campaign chosen before switching to email is not sent (the field is hidden then).
    const campaign = techChannel === 'webhook' ? techCampaignId : '';
    const payload = { name, conditions: rows, tiers, stages, first, techChannel, techSubject, techMessage, techCampaignId: campaign, escalateAfterDays, taskPriority, taskDueDays, closeAfterDays };
    startTransition(async () => {
      const res = rule ? await updateAlertRule(null, { ...payload, id: rule.id, expectedVersion: rule.version }) : await createAlertRule(null, payload);
      if (res.ok) {
        setErrors({});
        setFormError(null);
        onDone(rule ? 'saved' : 'created');
      } else {
        setErrors(res.fieldErrors ?? {});
        setFormError(res.error ? message(res.error) : res.fieldErrors ? t('editor.fixErrors') : null);
      }
    });
  }

  const fieldError = (field: string) => err(field) && <p className="mt-1 text-xs text-red-700">{err(field)}</p>;

  return (
    <div className="space-y-5">
      {formError && <Notice tone="error">{formError}</Notice>}
      <label className="block max-w-md text-sm font-medium text-zinc-900">
        {t('editor.name')}
        <Input className="mt-1" value={name} maxLength={80} aria-invalid={!!err('name')} onChange={(e) => setName(e.target.value)} />
        {fieldError('name')}
      </label>

      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-zinc-900">{t('editor.conditions')}</legend>
        <p className="text-xs text-zinc-500">{t('editor.conditionsHint')}</p>
        {rows.map((r, i) => (
          <div key={i} className="flex flex-wrap items-start gap-3 rounded-md bg-zinc-50 p-2">
            <label className="text-xs text-zinc-600">
              {t('editor.kind')}
              <Select className="mt-1 min-w-56" value={r.kind} onChange={(e) => edit(i, toRow(newCondition(e.target.value as ConditionKind)))}>
                {conditionKinds.map((k) => (
                  <option key={k} value={k}>
                    {t(`kinds.${k}`)}
                  </option>
                ))}
              </Select>
            </label>
            {fieldsOf(r.kind).map(([field, range]) => (
              <label key={field} className="text-xs text-zinc-600">
                {t(`fields.${field}` as 'fields.days')}
                <Input
                  className="mt-1 w-24"
                  inputMode="numeric"
                  min={range.min}
                  max={range.max}
                  value={r[field] ?? ''}
                  aria-invalid={!!err(`conditions.${i}.${field}`)}
                  onChange={(e) => edit(i, { [field]: e.target.value })}
                />
                {fieldError(`conditions.${i}.${field}`)}
              </label>
            ))}
            <Button variant="secondary" className="mt-5" onClick={() => setRows(rows.filter((_, j) => j !== i))}>
              {t('editor.removeCondition')}
            </Button>
          </div>
        ))}
        {fieldError('conditions')}
        <Button variant="secondary" onClick={() => setRows([...rows, toRow(newCondition('band_poor'))])} disabled={rows.length >= 10}>
          {t('editor.addCondition')}
        </Button>
      </fieldset>

      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-zinc-900">{t('editor.scope')}</legend>
        <p className="text-xs text-zinc-500">{t('editor.scopeHint')}</p>
        <div className="flex flex-wrap gap-4 text-sm">
          <span className="text-zinc-600">{t('editor.tiers')}:</span>
          {[1, 2, 3].map((tier) => (
            <label key={tier} className="flex items-center gap-1">
              <input type="checkbox" checked={tiers.includes(tier)} onChange={() => setTiers(toggle(tiers, tier).sort())} />
              {t('editor.tier', { tier })}
            </label>
          ))}
        </div>
        <div className="flex flex-wrap gap-4 text-sm">
          <span className="text-zinc-600">{t('editor.stages')}:</span>
          {lifecycleStages.map((stage) => (
            <label key={stage} className="flex items-center gap-1">
              <input type="checkbox" checked={stages.includes(stage)} onChange={() => setStages(toggle(stages, stage))} />
              {tAccounts(`stages.${stage}`)}
            </label>
          ))}
        </div>
      </fieldset>

      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-zinc-900">{t('editor.action')}</legend>
        <p className="text-xs text-zinc-500">{t('editor.actionHint')}</p>
        <div className="flex flex-wrap gap-x-6 gap-y-1 text-sm">
          {(['task', 'tech_touch'] as const).map((f) => (
            <label key={f} className="flex items-center gap-2">
              <input type="radio" name="first" value={f} checked={first === f} onChange={() => setFirst(f)} />
              {f === 'task' ? t('editor.actionTask') : t('editor.actionTechTouch')}
            </label>
          ))}
        </div>
        {first === 'tech_touch' && (
          <div className="space-y-3 rounded-md bg-zinc-50 p-3">
            <label className="block max-w-sm text-xs text-zinc-600">
              {t('editor.channel')}
              <Select className="mt-1" value={techChannel} aria-invalid={!!err('techChannel')} onChange={(e) => setTechChannel(e.target.value)}>
                {techChannels.map((c) => (
                  <option key={c} value={c}>
                    {t(`editor.channels.${c}`)}
                  </option>
                ))}
              </Select>
              {fieldError('techChannel')}
            </label>
            {!ready[techChannel as keyof ChannelsReady] && <Notice tone="info">{t(`editor.notReady.${techChannel as 'email'}`)}</Notice>}
            <label className="block max-w-md text-xs text-zinc-600">
              {techChannel === 'email' ? t('editor.subjectEmail') : t('editor.subjectWebhook')}
              <Input className="mt-1" value={techSubject} maxLength={120} aria-invalid={!!err('techSubject')} onChange={(e) => setTechSubject(e.target.value)} />
              {fieldError('techSubject')}
            </label>
            <label className="block max-w-xl text-xs text-zinc-600">
              {techChannel === 'email' ? t('editor.messageEmail') : t('editor.messageWebhook')}
              <textarea className={cn(controlClass, 'mt-1 min-h-24')} value={techMessage} maxLength={4000} aria-invalid={!!err('techMessage')} onChange={(e) => setTechMessage(e.target.value)} />
              {fieldError('techMessage')}
              {techChannel === 'email' && <span className="mt-1 block text-zinc-500">{t('editor.messageHint')}</span>}
            </label>
            {techChannel === 'webhook' && (
              <label className="block max-w-xl text-xs text-zinc-600">
                {t('editor.campaign')}
                <Select className="mt-1" value={techCampaignId} aria-invalid={!!err('techCampaignId')} onChange={(e) => setTechCampaignId(e.target.value)}>
                  <option value="">{t('editor.campaignNone')}</option>
                  {campaigns.map((c) => (
                    <option key={c.id} value={String(c.id)}>
                      {t('editor.campaignOption', { name: c.name, channel: tCampaigns(`channels.${c.channel}`), key: c.key })}
                    </option>
                  ))}
                </Select>
                {fieldError('techCampaignId')}
                <span className="mt-1 block text-zinc-500">{campaigns.length ? t('editor.campaignHint') : t('editor.noCampaigns')}</span>
              </label>
            )}
            <label className="block text-xs text-zinc-600">
              {t('editor.escalate')}
              <Input className="mt-1 w-24" inputMode="numeric" value={escalateAfterDays} aria-invalid={!!err('escalateAfterDays')} onChange={(e) => setEscalateAfterDays(e.target.value)} />
              {fieldError('escalateAfterDays')}
              <span className="mt-1 block text-zinc-500">{t('editor.escalateHint')}</span>
            </label>
          </div>
        )}
        {first === 'tech_touch' && <p className="pt-1 text-xs font-medium text-zinc-700">{t('editor.taskSettings')}</p>}
        <div className="flex flex-wrap items-start gap-3">
          <label className="text-xs text-zinc-600">
            {t('editor.priority')}
            <Select className="mt-1" value={taskPriority} aria-invalid={!!err('taskPriority')} onChange={(e) => setTaskPriority(e.target.value)}>
              {taskPriorities.map((p) => (
                <option key={p} value={p}>
                  {t(`priorityNames.${p}`)}
                </option>
              ))}
            </Select>
            {fieldError('taskPriority')}
          </label>
          <label className="text-xs text-zinc-600">
            {t('editor.dueDays')}
            <Input className="mt-1 w-24" inputMode="numeric" value={taskDueDays} aria-invalid={!!err('taskDueDays')} onChange={(e) => setTaskDueDays(e.target.value)} />
            {fieldError('taskDueDays')}
          </label>
          <label className="max-w-xs text-xs text-zinc-600">
            {t('editor.closeAfter')}
            <Input className="mt-1 w-24" inputMode="numeric" value={closeAfterDays} aria-invalid={!!err('closeAfterDays')} onChange={(e) => setCloseAfterDays(e.target.value)} />
            {fieldError('closeAfterDays')}
            <span className="mt-1 block text-zinc-500">{t('editor.closeAfterHint')}</span>
          </label>
        </div>
      </fieldset>

      <div className="flex gap-2">
        <Button onClick={save} disabled={pending} aria-busy={pending}>
          {pending ? t('editor.saving') : t('editor.save')}
        </Button>
      </div>

      <section aria-label={t('preview.title')} aria-live="polite" className="space-y-2 border-t border-zinc-200 pt-4">
        <h3 className="text-sm font-medium text-zinc-900">{t('preview.title')}</h3>
        {!rows.length ? (
          <p className="text-sm text-zinc-500">{t('preview.needCondition')}</p>
        ) : previewing && !preview ? (
          <p className="text-sm text-zinc-500">{t('preview.loading')}</p>
        ) : !preview ? (
          Object.keys(previewErrors).length > 0 && <p className="text-sm text-zinc-500">{t('preview.fixFirst')}</p>
        ) : (
          <div className={previewing ? 'space-y-2 opacity-60' : 'space-y-2'}>
            <p className="text-sm font-medium">{t('preview.matching', { count: preview.total })}</p>
            {preview.accounts.length > 0 && (
              <>
                {preview.total > preview.accounts.length && <p className="text-xs text-zinc-500">{t('preview.firstN', { count: preview.accounts.length })}</p>}
                <Table>
                  <thead>
                    <tr>
                      <Th>{t('preview.account')}</Th>
                      <Th>{t('preview.tier')}</Th>
                      <Th>{t('preview.owner')}</Th>
                      <Th>{t('preview.why')}</Th>
                    </tr>
                  </thead>
                  <tbody className="divide-y divide-zinc-100">
                    {preview.accounts.map((a) => (
                      <tr key={a.id}>
                        <Td>
                          <Link href={`/accounts/${a.id}`} className="font-medium text-brand-700 hover:underline">
                            {a.name}
                          </Link>
                        </Td>
                        <Td className="tabular-nums">{a.tier}</Td>
                        <Td>{a.ownerName ?? t('preview.pool')}</Td>
                        <Td className="whitespace-normal">{valuesInWords(loose(t), a.values, format)}</Td>
                      </tr>
                    ))}
                  </tbody>
                </Table>
              </>
            )}
          </div>
        )}
      </section>
    </div>
  );
}
