'use client';

import { useRouter } from 'next/navigation';
import { useLocale, useTranslations } from 'next-intl';
import { useState, useTransition } from 'react';
import { useMessage } from '@/components/action-form';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Notice } from '@/components/ui/notice';
import { Table, Td, Th } from '@/components/ui/table';
import type { AlertRuleRow } from '@/db/queries/alert-rules';
import type { CampaignChoice } from '@/db/queries/campaigns';
import type { ActionResult } from '@/lib/actions/result';
import { addTier3Defaults, deleteAlertRule, evaluateAlertsNow, setAlertRuleEnabled } from '../actions';
import { RuleEditor, type ChannelsReady } from './rule-editor';

export type RuleItem = AlertRuleRow & { words: { conditions: string; scope: string; action: string; closeAfter: string; now: string } };

/** The rules as a table with their switches, and the editor for a new rule or the one being edited. */
export function RulesPanel({ rules, ready, campaigns }: { rules: RuleItem[]; ready: ChannelsReady; campaigns: CampaignChoice[] }) {
  const t = useTranslations('alerts');
  const locale = useLocale();
  const defaults = useRun();
  const router = useRouter();
  const [editing, setEditing] = useState<'new' | number | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const current = typeof editing === 'number' ? (rules.find((r) => r.id === editing) ?? null) : null;

  const open = (which: 'new' | number) => {
    setNotice(null);
    setEditing(which);
  };
  const done = (saved: 'created' | 'saved') => {
    setEditing(null);
    setNotice(t(`editor.${saved}`));
    router.refresh();
  };

  const addDefaults = () =>
    defaults.run(
      () => addTier3Defaults(null, { locale }),
      (data) => setNotice(t('defaults.added', { count: (data as { added: number }).added })),
    );

  return (
    <div className="space-y-4">
      {notice && <Notice tone="success">{notice}</Notice>}
      {defaults.error && <Notice tone="error">{defaults.error}</Notice>}
      {editing === null && rules.length > 0 && (
        <div className="flex flex-wrap gap-2">
          <Button onClick={() => open('new')}>{t('newRule')}</Button>
          <Button variant="secondary" title={t('defaults.hint')} disabled={defaults.pending} aria-busy={defaults.pending} onClick={addDefaults}>
            {t('defaults.button')}
          </Button>
          <Button variant="secondary" disabled={defaults.pending} onClick={() => defaults.run(() => evaluateAlertsNow(null, {}), () => setNotice(t('checkNow.queued')))}>
            {t('checkNow.button')}
          </Button>
        </div>
      )}
      {editing === null && !rules.length && (
        <Card title={t('empty.title')}>
          <div className="space-y-3">
            <p className="max-w-2xl text-sm text-zinc-600">{t('empty.body')}</p>
            <p className="max-w-2xl text-sm text-zinc-600">{t('defaults.hint')}</p>
            <div className="flex flex-wrap gap-2">
              <Button onClick={addDefaults} disabled={defaults.pending} aria-busy={defaults.pending}>
                {t('defaults.button')}
              </Button>
              <Button variant="secondary" onClick={() => open('new')}>
                {t('newRule')}
              </Button>
            </div>
          </div>
        </Card>
      )}
      {editing !== null && (
        <Card
          title={current ? t('editor.editTitle', { name: current.name }) : t('editor.newTitle')}
          actions={
            <Button variant="secondary" onClick={() => setEditing(null)}>
              {t('editor.cancel')}
            </Button>
          }
        >
          <RuleEditor key={String(editing)} rule={current} ready={ready} campaigns={campaigns} onDone={done} />
        </Card>
      )}
      {rules.length > 0 && (
        <Table>
          <thead>
            <tr>
              <Th>{t('table.name')}</Th>
              <Th>{t('table.conditions')}</Th>
              <Th>{t('table.scope')}</Th>
              <Th>{t('table.action')}</Th>
              <Th>{t('table.closeAfter')}</Th>
              <Th>{t('table.now')}</Th>
              <Th>{t('table.enabled')}</Th>
              <Th>
                <span className="sr-only">{t('table.edit')}</span>
              </Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-zinc-100">
            {rules.map((r) => (
              <tr key={r.id} className={r.enabled ? undefined : 'text-zinc-400'}>
                <Td className="min-w-40 font-medium whitespace-normal text-zinc-900">{r.name}</Td>
                <Td className="max-w-sm min-w-48 whitespace-normal">{r.words.conditions}</Td>
                <Td className="min-w-20 whitespace-normal">{r.words.scope}</Td>
                <Td className="max-w-xs min-w-48 whitespace-normal">{r.words.action}</Td>
                <Td>{r.words.closeAfter}</Td>
                <Td className="min-w-40 whitespace-normal tabular-nums">{r.words.now}</Td>
                <Td>
                  <EnabledSwitch id={r.id} name={r.name} enabled={r.enabled} />
                </Td>
                <Td className="text-right">
                  <div className="flex justify-end gap-2">
                    <Button variant="secondary" onClick={() => open(r.id)}>
                      {t('table.edit')}
                    </Button>
                    <Delete id={r.id} name={r.name} onDeleted={() => editing === r.id && setEditing(null)} />
                  </div>
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </div>
  );
}

function useRun() {
  const message = useMessage();
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const run = (call: () => Promise<ActionResult<unknown>>, then?: (data: unknown) => void) =>
    startTransition(async () => {
      const res = await call();
      if (res.ok) {
        setError(null);
        then?.(res.data);
        router.refresh();
      } else setError(message(res.error ?? Object.values(res.fieldErrors ?? {})[0] ?? { key: 'errors.unexpected' }));
    });
  return { run, error, pending };
}

function EnabledSwitch({ id, name, enabled }: { id: number; name: string; enabled: boolean }) {
  const t = useTranslations('alerts');
  const { run, error, pending } = useRun();
  return (
    <>
      <input type="checkbox" role="switch" aria-label={t('toggle.label', { name })} checked={enabled} disabled={pending} onChange={(e) => run(() => setAlertRuleEnabled(null, { id, enabled: e.target.checked }))} />
      {error && (
        <p role="alert" className="text-xs text-red-700">
          {error}
        </p>
      )}
    </>
  );
}

function Delete({ id, name, onDeleted }: { id: number; name: string; onDeleted: () => void }) {
  const t = useTranslations('alerts.delete');
  const [asking, setAsking] = useState(false);
  const { run, error, pending } = useRun();
  if (!asking)
    return (
      <Button variant="secondary" onClick={() => setAsking(true)}>
        {t('button')}
      </Button>
    );
  return (
    <div role="alertdialog" aria-label={t('confirm', { name })} className="max-w-64 space-y-2 whitespace-normal text-left">
      <p className="text-sm text-zinc-700">{t('confirm', { name })}</p>
      <div className="flex gap-2">
        <Button variant="danger" onClick={() => run(() => deleteAlertRule(null, { id }), onDeleted)} disabled={pending} aria-busy={pending} autoFocus>
          {pending ? t('deleting') : t('yes')}
        </Button>
        <Button variant="secondary" onClick={() => setAsking(false)} disabled={pending}>
          {t('cancel')}
        </Button>
      </div>
      {error && (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}
