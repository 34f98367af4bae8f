'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { cn } from '@/lib/cn';

type Item = { href: string; label: string; badge?: { count: number; label: string } };

export function NavLinks({ items, label, className }: { items: Item[]; label: string; className?: string }) {
  const pathname = usePathname();
  const matches = (href: string) => (href === '/' ? pathname === '/' : pathname === href || pathname.startsWith(href + '/'));
  // The most specific match wins: /accounts/requests is not also /accounts.
  const active = items.filter((i) => matches(i.href)).sort((a, b) => b.href.length - a.href.length)[0]?.href;
  const isActive = (href: string) => href === active;
  return (
    // Tighter below xl, so that every entry fits at 1024 px (e2e/admin.spec.ts); sideways scrolling is the last resort.
    <nav aria-label={label} className={cn('-mx-1 flex min-w-0 items-center gap-0.5 overflow-x-auto xl:gap-1', className)}>
      {items.map((item) => (
        <Link
          key={item.href}
          href={item.href}
          aria-current={isActive(item.href) ? 'page' : undefined}
          className={cn(
            'relative whitespace-nowrap rounded-md px-1 py-1 text-sm xl:px-2',
            isActive(item.href) ? 'bg-zinc-100 font-medium text-zinc-900' : 'text-zinc-600 hover:bg-zinc-50 hover:text-zinc-900',
          )}
        >
          {item.label}
          {item.badge && (
            <>
              <span aria-hidden className="ml-1.5 rounded-full bg-brand-600 px-1.5 py-px text-xs font-medium tabular-nums text-white">
                {item.badge.count}
              </span>
              <span className="sr-only"> ({item.badge.label})</span>
            </>
          )}
        </Link>
      ))}
    </nav>
  );
}
