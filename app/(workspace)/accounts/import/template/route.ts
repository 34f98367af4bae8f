import { importColumns } from '@/lib/accounts/import-plan';
import { csvLine, utf8Bom } from '@/lib/csv/write';
import { route } from '@/lib/routes/route';

// GET /accounts/import/template: the header row of an import file, for
// someone starting from an empty spreadsheet; for those who may import.
export const GET = route({
  name: 'account.import_template',
  permission: 'accounts.import',
  reply: 'text',
  async handle() {
    return new Response(utf8Bom + csvLine(importColumns), {
      headers: {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': 'attachment; filename="accounts-template.csv"',
      },
    });
  },
});
