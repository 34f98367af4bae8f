import { importColumns } from '@/lib/accounts/import-plan';
import { importTemplateRoute } from '@/lib/routes/import-upload';

// GET /accounts/import/template: the header row of an account import file.
export const GET = importTemplateRoute({ name: 'account.import_template', permission: 'accounts.import', columns: importColumns, fileName: 'accounts-template.csv' });
