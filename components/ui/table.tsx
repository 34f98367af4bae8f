import type { ComponentProps } from 'react';
import { cn } from '@/lib/cn';

export function Table({ className, ...props }: ComponentProps<'table'>) {
  return (
    <div className="relative overflow-x-auto">
      <table className={cn('min-w-full divide-y divide-zinc-200 text-sm', className)} {...props} />
    </div>
  );
}

export function Th({ className, ...props }: ComponentProps<'th'>) {
  return (
    <th
      scope="col"
      className={cn('whitespace-nowrap px-3 py-2 text-left text-xs font-semibold uppercase tracking-wide text-zinc-500', className)}
      {...props}
    />
  );
}

export function Td({ className, ...props }: ComponentProps<'td'>) {
  // nowrap unless the caller says how to wrap (cn does not merge conflicting classes).
  const wraps = className?.includes('whitespace-');
  return <td className={cn(!wraps && 'whitespace-nowrap', 'px-3 py-2 text-zinc-700', className)} {...props} />;
}
