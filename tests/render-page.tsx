import type { ReactNode } from 'react';
import { prerenderToNodeStream } from 'react-dom/static';
import { NextIntlClientProvider } from 'next-intl';
import { loadMessages } from '@/lib/i18n/messages';

/**
 * Renders what a page returned to HTML, with its async server components and
 * the client components as their first (server) render, in English: what a
 * user would see before any script runs. Pair it with the mocks in
 * tests/page-mocks.ts.
 */
export async function renderToHtml(node: ReactNode, locale: 'en' | 'ja' = 'en'): Promise<string> {
  const messages = await loadMessages(locale);
  const { prelude } = await prerenderToNodeStream(
    <NextIntlClientProvider locale={locale} messages={messages} timeZone="Asia/Tokyo">
      {node}
    </NextIntlClientProvider>,
  );
  const chunks: Buffer[] = [];
  for await (const chunk of prelude) chunks.push(Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks).toString('utf8');
}

/** The text of an HTML string, tags removed and white space folded, for assertions on what reads. */
export function textOf(html: string): string {
  return html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/\s+/g, ' ')
    .trim();
}
