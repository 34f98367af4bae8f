import { one, type SearchParams } from '@/lib/url-params';
import { overridePrefill } from './override-prefill';

// The account page's sections, each at its own address (`?tab=contacts`), and
// the forms it opens only when asked (`?form=task`). The first view reads the
// header and the default section only.

export const accountTabs = ['timeline', 'activities', 'tasks', 'programs', 'content', 'campaigns', 'signals', 'contacts', 'tier', 'history'] as const;
export type AccountTab = (typeof accountTabs)[number];
export const defaultAccountTab: AccountTab = 'timeline';

/** The forms a link may open, and the section each lives in. */
export const accountForms = { schedule: 'activities', task: 'tasks', override: 'tier' } as const satisfies Record<string, AccountTab>;
export type AccountForm = keyof typeof accountForms;

/**
 * Which section and form the address asks for. A form names its section, so
 * `?form=task` alone opens the tasks section; a link that fills in an
 * override (`overrideTier`, `overrideReason`) opens the tier section's form.
 */
export function accountView(query: SearchParams): { tab: AccountTab; form: AccountForm | undefined } {
  const rawForm = one(query.form);
  let form = rawForm && Object.hasOwn(accountForms, rawForm) ? (rawForm as AccountForm) : undefined;
  if (!form && overridePrefill(query).open) form = 'override';
  const rawTab = one(query.tab);
  const asked = (accountTabs as readonly string[]).includes(rawTab ?? '') ? (rawTab as AccountTab) : undefined;
  const tab = form ? accountForms[form] : (asked ?? defaultAccountTab);
  return { tab, form };
}

/** The address of a section (and optionally a form) of an account's page. */
export function accountTabHref(accountId: number, tab: AccountTab, form?: AccountForm): string {
  const params = new URLSearchParams();
  if (tab !== defaultAccountTab || form) params.set('tab', tab);
  if (form) params.set('form', form);
  const s = params.toString();
  return `/accounts/${accountId}${s ? `?${s}` : ''}`;
}
