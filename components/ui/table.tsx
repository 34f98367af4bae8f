import type { ComponentProps } from 'react';
import { cn } from '@/lib/cn';

export function Table({ className, ...props }: ComponentProps<'table'>) {
  return (
    <div className="relative overflow-x-auto">
      <table className={cn('min-w-full divide-y divide-zinc-200 text-sm', className)} {...props} />
    </div>
  );
}

// Cells take their look from app/globals.css (.th, .td): a list of 50 rows has hundreds of them.
// A class given here is a utility and wins over it (whitespace-normal, text-right…).

export function Th({ className, ...props }: ComponentProps<'th'>) {
  return <th scope="col" className={cn('th', className)} {...props} />;
}

export function Td({ className, ...props }: ComponentProps<'td'>) {
  return <td className={cn('td', className)} {...props} />;
}
