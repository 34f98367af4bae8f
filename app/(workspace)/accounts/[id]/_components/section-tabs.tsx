'use client';

import Link from 'next/link';
import { useEffect, useRef, type KeyboardEvent } from 'react';
import { cn } from '@/lib/cn';

/**
 * The account page's sections as links (each its own address, so they work
 * without script and can be shared). With script, Left/Right/Home/End move
 * between them as in a tab list; Enter opens one.
 */
export function SectionTabs({ label, tabs }: { label: string; tabs: { href: string; label: string; current: boolean }[] }) {
  const nav = useRef<HTMLElement>(null);
  const current = tabs.findIndex((tab) => tab.current);
  // On a phone the list scrolls sideways: bring the open section's link into view (sideways only, never the page).
  useEffect(() => {
    const el = nav.current;
    const link = el?.querySelectorAll<HTMLAnchorElement>('a')[current];
    if (el && link && (link.offsetLeft < el.scrollLeft || link.offsetLeft + link.offsetWidth > el.scrollLeft + el.clientWidth)) el.scrollLeft = link.offsetLeft - 16;
  }, [current]);
  const onKeyDown = (e: KeyboardEvent<HTMLElement>) => {
    const links = [...e.currentTarget.querySelectorAll<HTMLAnchorElement>('a')];
    const at = links.indexOf(document.activeElement as HTMLAnchorElement);
    if (at < 0) return;
    const next = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: links.length - 1 }[e.key];
    if (next === undefined) return;
    e.preventDefault();
    links[(next + links.length) % links.length]!.focus();
  };
  return (
    <nav ref={nav} aria-label={label} onKeyDown={onKeyDown} className="relative -mx-1 overflow-x-auto border-b border-zinc-200">
      <ul className="flex min-w-max gap-1 px-1">
        {tabs.map((tab) => (
          <li key={tab.href}>
            <Link
              href={tab.href}
              scroll={false}
              aria-current={tab.current ? 'page' : undefined}
              className={cn(
                '-mb-px inline-block border-b-2 px-3 py-2 text-sm whitespace-nowrap focus-visible:outline-2 focus-visible:outline-brand-600',
                tab.current ? 'border-brand-600 font-medium text-brand-700' : 'border-transparent text-zinc-600 hover:border-zinc-300 hover:text-zinc-900',
              )}
            >
              {tab.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
