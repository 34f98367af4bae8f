'use client';

import { useRouter } from 'next/navigation';
import type { ComponentProps, ReactNode } from 'react';
import { Select } from '@/components/ui/input';

export type FilterOption = [value: string, text: string];

/**
 * A filter bar as a plain GET form to `path`, so every view is a URL and
 * Apply works without script. With script, a select applies as soon as it
 * changes; a text field on Enter or the submit button. Empty fields are left
 * out of the URL.
 */
export function FilterForm({ path, children, ...props }: { path: string; children: ReactNode } & Omit<ComponentProps<'form'>, 'action' | 'onSubmit' | 'onChange'>) {
  const router = useRouter();

  function apply(form: HTMLFormElement) {
    const params = new URLSearchParams();
    for (const [k, v] of new FormData(form).entries()) if (typeof v === 'string' && v !== '') params.set(k, v);
    router.push(`${path}${params.size ? `?${params}` : ''}`);
  }

  return (
    <form
      action={path}
      className="mb-4 flex flex-wrap items-end gap-2"
      {...props}
      onSubmit={(e) => {
        e.preventDefault();
        apply(e.currentTarget);
      }}
      onChange={(e) => {
        if (e.target instanceof HTMLSelectElement) apply(e.currentTarget);
      }}
    >
      {children}
    </form>
  );
}

/** A labelled select of a filter bar. */
export function FilterSelect({ id, name, label, options, defaultValue, className = 'w-auto' }: { id: string; name: string; label: string; options: readonly FilterOption[]; defaultValue: string; className?: string }) {
  return (
    <div>
      <label htmlFor={id} className="mb-1 block text-xs font-medium text-zinc-600">
        {label}
      </label>
      <Select id={id} name={name} defaultValue={defaultValue} className={className}>
        {options.map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </Select>
    </div>
  );
}
