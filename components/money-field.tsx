'use client';

import { useState, type ComponentProps } from 'react';
import { Field } from '@/components/action-form';
import { Input } from '@/components/ui/input';
import { typedAmount } from '@/lib/currencies';
import { useFormat } from '@/lib/i18n/use-format';

/**
 * A money input typed as a plain number, with the amount as the workspace
 * writes money beside it (¥30,000,000), so a missing or extra zero shows.
 */
export function MoneyField({
  name,
  label,
  hint,
  currency,
  defaultValue,
  ...props
}: { name: string; label: string; hint?: string; currency: string; defaultValue?: string } & Omit<ComponentProps<'input'>, 'name' | 'defaultValue'>) {
  const format = useFormat(currency);
  const [value, setValue] = useState(defaultValue ?? '');
  const amount = typedAmount(value);
  return (
    <Field name={name} label={label} hint={hint}>
      {(control) => (
        <div className="flex items-center gap-2">
          <Input {...control} {...props} value={value} onChange={(e) => setValue(e.target.value)} className="min-w-0 flex-1" />
          <output htmlFor={control.id} aria-live="polite" className="shrink-0 text-sm tabular-nums text-zinc-600">
            {amount === null ? '' : format.money(amount)}
          </output>
        </div>
      )}
    </Field>
  );
}
