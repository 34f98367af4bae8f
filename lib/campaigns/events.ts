import { emailDomain } from '@/lib/contacts/import-plan';
import type { CampaignOutcome } from '@/lib/vocabulary';

// What the CSV import and the events API share: the outcome words sending
// tools write, and how one reported recipient becomes an account (and a
// contact): the contact with that email, else the account whose external id
// or domain is given, else the account of the email's domain.

/** The words HubSpot, Marketo, Intercom, Pendo and Japanese exports use for each outcome, compared in lower case without spaces, "_" or "-". */
const outcomeWords: Record<CampaignOutcome, readonly string[]> = {
  delivered: ['delivered', 'delivery', 'deliver', 'sent', 'send', 'processed', 'shown', 'displayed', 'received', '配信', '配信済み', '送信', '送信済み', '到達', '表示'],
  opened: ['opened', 'open', 'opens', 'emailopened', 'opened email', 'openemail', 'seen', 'viewed', '開封', '開封済み'],
  clicked: ['clicked', 'click', 'clicks', 'clickedlink', 'emailclicked', 'clickemail', 'クリック', 'クリック済み'],
  bounced: ['bounced', 'bounce', 'hardbounce', 'softbounce', 'failed', 'dropped', 'emailbounced', 'バウンス', '不達', 'エラー'],
  unsubscribed: ['unsubscribed', 'unsubscribe', 'optout', 'optedout', '配信停止', '購読解除', 'オプトアウト'],
  completed: ['completed', 'complete', 'finished', 'done', 'guidecompleted', 'tourcompleted', '完了', '完了済み'],
};

const wordKey = (text: string) => text.normalize('NFKC').toLowerCase().replace(/[\s_\-.]/g, '');

const outcomeOf = new Map<string, CampaignOutcome>(Object.entries(outcomeWords).flatMap(([outcome, words]) => words.map((w) => [wordKey(w), outcome as CampaignOutcome] as const)));

/** The outcome a tool's word names, or null. */
export function readOutcome(text: string): CampaignOutcome | null {
  return outcomeOf.get(wordKey(text)) ?? null;
}

const emailShape = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** An email as compared (lower case), or null when it is not one. */
export function readEmail(text: string): string | null {
  const email = text.normalize('NFKC').trim().toLowerCase();
  return email.length <= 320 && emailShape.test(email) ? email : null;
}

/** An account key as written: an external id as is, a domain in lower case without "www." or a scheme. */
export function domainKey(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/^https?:\/\//, '')
    .replace(/^www\./, '')
    .replace(/\/.*$/, '');
}

/** Who one event names: an email, an account (external id or domain), or both. */
export type RecipientKeys = { email: string | null; account: string | null };

/** The keys to load: emails, and account external ids and domains. */
export function recipientLookupKeys(rows: readonly RecipientKeys[]): { emails: string[]; externalIds: string[]; domains: string[] } {
  const emails = new Set<string>();
  const externalIds = new Set<string>();
  const domains = new Set<string>();
  for (const r of rows) {
    if (r.email) {
      emails.add(r.email);
      domains.add(emailDomain(r.email));
    }
    if (r.account) {
      externalIds.add(r.account.trim());
      domains.add(domainKey(r.account));
    }
  }
  return { emails: [...emails], externalIds: [...externalIds], domains: [...domains] };
}

export type RecipientLookup = {
  contacts: readonly { id: number; email: string; accountId: number }[];
  accounts: readonly { id: number; externalId: string | null; domain: string | null }[];
};

/** The account (and contact) an event is about, and its recipient key; null when nothing matches. */
export type Matched = { accountId: number; contactId: number | null; recipient: string };

export function recipientMatcher(lookup: RecipientLookup): (keys: RecipientKeys) => Matched | null {
  const byEmail = new Map(lookup.contacts.map((c) => [c.email.toLowerCase(), c]));
  const byExternalId = new Map<string, number>();
  const byDomain = new Map<string, number>();
  for (const a of lookup.accounts) {
    if (a.externalId) byExternalId.set(a.externalId, a.id);
    if (a.domain) byDomain.set(a.domain.toLowerCase(), a.id);
  }
  return ({ email, account }) => {
    const contact = email ? byEmail.get(email) : undefined;
    if (contact) return { accountId: contact.accountId, contactId: contact.id, recipient: email! };
    const accountId =
      (account ? (byExternalId.get(account.trim()) ?? byDomain.get(domainKey(account))) : undefined) ?? (email ? byDomain.get(emailDomain(email)) : undefined);
    if (accountId === undefined) return null;
    return { accountId, contactId: null, recipient: email ?? `account:${accountId}` };
  };
}
