import type { AccountRow } from '@/db/queries/accounts';
import type { Workspace } from '@/db/queries/workspace';
import type { AccountForm } from '@/lib/accounts/account-tabs';
import type { CurrentUser } from '@/lib/auth/current-user';
import type { LocalDate } from '@/lib/scheduling/local-date';
import type { SearchParams } from '@/lib/url-params';

/** What every section of the account page is given: it reads its own data. */
export type TabProps = {
  account: AccountRow;
  user: CurrentUser;
  workspace: Workspace;
  today: LocalDate;
  query: SearchParams;
  /** The form the address asks for, if it lives in this section. */
  form: AccountForm | undefined;
  /** Whether the user may edit the account (a CSM on their own, managers and admins any). */
  editable: boolean;
};
