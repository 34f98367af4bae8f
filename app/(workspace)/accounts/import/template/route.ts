import { importColumns } from '@/lib/accounts/import-plan';
import { csvLine, utf8Bom } from '@/lib/csv/write';

// The header row of an import file, for someone starting from an empty
// spreadsheet. It holds no account data, so it needs no sign-in check.
export function GET(): Response {
  return new Response(utf8Bom + csvLine(importColumns), {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': 'attachment; filename="accounts-template.csv"',
    },
  });
}
