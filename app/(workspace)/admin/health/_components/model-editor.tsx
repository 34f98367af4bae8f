'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState, useTransition } from 'react';
import { useMessage } from '@/components/action-form';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Input, Select } from '@/components/ui/input';
import { Notice } from '@/components/ui/notice';
import { Table, Td, Th } from '@/components/ui/table';
import type { ActionResult, Message } from '@/lib/actions/result';
import { componentKinds, measures, type HealthComponent } from '@/lib/health/model';
import { applyHealthModel, previewHealthModel } from '../actions';

type Row = { key: string; kind: string; measure: string; event: string; at0: string; at50: string; at100: string; weight: string };
type Preview = Extract<Awaited<ReturnType<typeof previewHealthModel>>, { ok: true }>['data'];
const bandTone = { poor: 'red', average: 'amber', good: 'brand', none: 'neutral' } as const;

const toRow = (c: HealthComponent): Row => ({ key: c.key, kind: c.kind, measure: c.measure, event: c.event ?? '', at0: String(c.at0), at50: String(c.at50), at100: String(c.at100), weight: String(c.weight) });

/** Edits the model as rows; Preview shows what it would change; Apply saves it as the next version (only what was previewed). */
export function ModelEditor({ version, components, poorMax, averageMax }: { version: number; components: HealthComponent[]; poorMax: number; averageMax: number }) {
  const t = useTranslations('health');
  const message = useMessage();
  const router = useRouter();
  const [rows, setRows] = useState<Row[]>(components.map(toRow));
  const [bands, setBands] = useState({ poorMax: String(poorMax), averageMax: String(averageMax) });
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Record<string, Message>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [preview, setPreview] = useState<{ data: Preview; of: string } | null>(null);
  const [applied, setApplied] = useState<number | null>(null);
  const [pending, startTransition] = useTransition();

  const payload = { expectedVersion: version, poorMax: bands.poorMax, averageMax: bands.averageMax, note, components: rows };
  const signature = JSON.stringify(payload);
  const stale = preview !== null && preview.of !== signature;
  const totalWeight = rows.reduce((s, r) => s + (Number(r.weight) > 0 ? Number(r.weight) : 0), 0);

  const edit = (i: number, patch: Partial<Row>) => setRows(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const err = (field: string) => errors[field] && message(errors[field]);
  const settle = <R,>(res: ActionResult<R>, done: (data: R) => void) => {
    if (res.ok) {
      setErrors({});
      setFormError(null);
      done(res.data);
    } else {
      setErrors(res.fieldErrors ?? {});
      setFormError(res.error ? message(res.error) : res.fieldErrors ? t('model.fixErrors') : null);
    }
  };

  return (
    <div className="space-y-4">
      {formError && <Notice tone="error">{formError}</Notice>}
      {applied !== null && <Notice tone="success">{t('model.applied', { version: applied })}</Notice>}
      <Table>
        <thead>
          <tr>
            <Th>{t('model.kind')}</Th>
            <Th>{t('model.measure')}</Th>
            <Th>{t('model.at0')}</Th>
            <Th>{t('model.at50')}</Th>
            <Th>{t('model.at100')}</Th>
            <Th>{t('model.weight')}</Th>
            <Th className="text-right">{t('model.share')}</Th>
            <Th>
              <span className="sr-only">{t('model.remove')}</span>
            </Th>
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-100">
          {rows.map((r, i) => {
            const cell = (field: 'at0' | 'at50' | 'at100' | 'weight', label: string) => (
              <Td className="align-top">
                <Input
                  aria-label={`${label} — ${r.key}`}
                  inputMode="decimal"
                  className="w-20"
                  value={r[field]}
                  aria-invalid={!!err(`components.${i}.${field}`)}
                  onChange={(e) => edit(i, { [field]: e.target.value })}
                />
                {err(`components.${i}.${field}`) && <p className="mt-1 max-w-40 whitespace-normal text-xs text-red-700">{err(`components.${i}.${field}`)}</p>}
              </Td>
            );
            return (
              <tr key={i}>
                <Td className="align-top">
                  <Select className="min-w-36" aria-label={`${t('model.kind')} — ${r.key}`} value={r.kind} onChange={(e) => edit(i, { kind: e.target.value })}>
                    {componentKinds.map((k) => (
                      <option key={k} value={k}>
                        {t(`model.kinds.${k}`)}
                      </option>
                    ))}
                  </Select>
                </Td>
                <Td className="align-top">
                  <Select className="min-w-52" aria-label={`${t('model.measure')} — ${r.key}`} value={r.measure} onChange={(e) => edit(i, { measure: e.target.value })}>
                    {measures.map((m) => (
                      <option key={m} value={m}>
                        {m === 'event_30d' ? t('measures.event_30d', { event: t('model.event') }) : t(`measures.${m}`)}
                      </option>
                    ))}
                  </Select>
                  {r.measure === 'event_30d' && (
                    <Input aria-label={`${t('model.event')} — ${r.key}`} className="mt-1" value={r.event} aria-invalid={!!err(`components.${i}.event`)} onChange={(e) => edit(i, { event: e.target.value })} />
                  )}
                  {err(`components.${i}.event`) && <p className="mt-1 text-xs text-red-700">{err(`components.${i}.event`)}</p>}
                </Td>
                {cell('at0', t('model.at0'))}
                {cell('at50', t('model.at50'))}
                {cell('at100', t('model.at100'))}
                {cell('weight', t('model.weight'))}
                <Td className="text-right align-top tabular-nums text-zinc-500">{totalWeight && Number(r.weight) > 0 ? `${Math.round((Number(r.weight) / totalWeight) * 100)}%` : '—'}</Td>
                <Td className="align-top">
                  <Button variant="secondary" onClick={() => setRows(rows.filter((_, j) => j !== i))} disabled={rows.length <= 1}>
                    {t('model.remove')}
                  </Button>
                </Td>
              </tr>
            );
          })}
        </tbody>
      </Table>
      <Button
        variant="secondary"
        onClick={() => setRows([...rows, { key: `custom_${rows.length + 1}`, kind: 'custom', measure: 'event_30d', event: '', at0: '0', at50: '5', at100: '20', weight: '10' }])}
      >
        {t('model.add')}
      </Button>

      <fieldset className="flex flex-wrap items-end gap-3">
        <legend className="mb-1 text-sm font-medium text-zinc-900">{t('model.bands')}</legend>
        {(['poorMax', 'averageMax'] as const).map((b) => (
          <label key={b} className="text-sm text-zinc-700">
            {t(`model.${b}`)}
            <Input className="mt-1 w-20" inputMode="numeric" value={bands[b]} aria-invalid={!!err(b)} onChange={(e) => setBands({ ...bands, [b]: e.target.value })} />
            {err(b) && <span className="mt-1 block text-xs text-red-700">{err(b)}</span>}
          </label>
        ))}
        <span className="pb-2 text-sm text-zinc-500">{t('model.goodAbove')}</span>
      </fieldset>
      <label className="block text-sm text-zinc-700">
        {t('model.note')}
        <Input className="mt-1" value={note} placeholder={t('model.notePlaceholder')} maxLength={200} onChange={(e) => setNote(e.target.value)} />
      </label>

      <div className="flex flex-wrap items-center gap-2">
        <Button
          variant="secondary"
          disabled={pending}
          aria-busy={pending}
          onClick={() => startTransition(async () => settle(await previewHealthModel(null, payload), (data) => setPreview({ data, of: signature })))}
        >
          {pending ? t('model.previewing') : t('model.preview')}
        </Button>
        <Button
          disabled={pending || !preview || stale}
          onClick={() =>
            startTransition(async () =>
              settle(await applyHealthModel(null, payload), (data) => {
                setApplied(data.version);
                setPreview(null);
                router.refresh();
              }),
            )
          }
        >
          {pending ? t('model.applying') : t('model.apply', { version: version + 1 })}
        </Button>
        {stale && <span className="text-sm text-amber-800">{t('model.stale')}</span>}
      </div>

      {preview && <PreviewResult data={preview.data} />}
    </div>
  );
}

function PreviewResult({ data }: { data: Preview }) {
  const t = useTranslations('health');
  const band = (b: string | null) => (b ? t(`bands.${b as 'poor' | 'average' | 'good'}`) : t('model.noScore'));
  const total = Math.max(1, ...(['poor', 'average', 'good', 'none'] as const).map((k) => Math.max(data.before[k], data.after[k])));
  return (
    <section aria-live="polite" className="space-y-3 rounded-md bg-zinc-50 p-3 ring-1 ring-inset ring-zinc-200">
      <h3 className="text-sm font-semibold text-zinc-900">{t('model.previewTitle')}</h3>
      <p className="text-sm text-zinc-700">{t('model.changed', { count: data.changed })}</p>
      <div className="grid gap-2 sm:grid-cols-4">
        {(['poor', 'average', 'good', 'none'] as const).map((k) => (
          <div key={k} className="text-xs">
            <p className="font-medium text-zinc-700">{k === 'none' ? t('model.noScore') : t(`bands.${k}`)}</p>
            {(['before', 'after'] as const).map((when) => (
              <div key={when} className="mt-1 flex items-center gap-2">
                <span className="w-16 shrink-0 text-zinc-500">{t(`model.${when}`)}</span>
                <span className={`h-2 rounded ${when === 'before' ? 'bg-zinc-300' : 'bg-brand-500'}`} style={{ width: `${(data[when][k] / total) * 100}%`, minWidth: data[when][k] ? 2 : 0 }} />
                <span className="tabular-nums text-zinc-700">{data[when][k]}</span>
              </div>
            ))}
          </div>
        ))}
      </div>
      {data.changes.length > 0 && (
        <Table>
          <thead>
            <tr>
              <Th>{t('model.account')}</Th>
              <Th>{t('model.from')}</Th>
              <Th>{t('model.to')}</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-zinc-100">
            {data.changes.map((c) => (
              <tr key={c.accountId}>
                <Td>
                  <Link href={`/accounts/${c.accountId}`} className="text-brand-700 hover:underline">
                    {c.name}
                  </Link>
                </Td>
                <Td>
                  <Badge tone={bandTone[(c.beforeBand ?? 'none') as keyof typeof bandTone]}>{band(c.beforeBand)}</Badge> <span className="tabular-nums">{c.beforeScore ?? '—'}</span>
                </Td>
                <Td>
                  <Badge tone={bandTone[(c.afterBand ?? 'none') as keyof typeof bandTone]}>{band(c.afterBand)}</Badge> <span className="tabular-nums">{c.afterScore ?? '—'}</span>
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </section>
  );
}
