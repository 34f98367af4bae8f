import type { Metadata } from 'next';
import { NextIntlClientProvider } from 'next-intl';
import { getLocale } from 'next-intl/server';
import type { ReactNode } from 'react';
import { HydrationMark } from '@/components/hydration-mark';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Touchplan', template: '%s · Touchplan' },
  description: 'Tiered customer success: who gets a human, a webinar or automation.',
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const locale = await getLocale();
  return (
    <html lang={locale}>
      <body className="min-h-dvh font-sans">
        {/* No messages here: each layout and page sends what its client components read (<ClientMessages>). */}
        <NextIntlClientProvider messages={{}}>
          <HydrationMark />
          {children}
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
