'use client';

import type { ReactNode } from 'react';
import type { PickerOption } from '@/lib/picker';
import { Field } from './action-form';
import { Combobox } from './ui/combobox';

/** A labelled searchable picker in an ActionForm (time zones, countries): a plain select until scripts run. */
export function ComboboxField({
  name,
  label,
  hint,
  options,
  defaultValue,
  onChange,
}: {
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  options: readonly PickerOption[];
  defaultValue: string;
  onChange?: (value: string) => void;
}) {
  return (
    <Field name={name} label={label} hint={hint}>
      {(control) => (
        <Combobox
          name={name}
          id={control.id}
          aria-invalid={control['aria-invalid']}
          aria-describedby={control['aria-describedby']}
          options={options}
          defaultValue={defaultValue}
          onChange={onChange}
        />
      )}
    </Field>
  );
}
