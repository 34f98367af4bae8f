import type { Permission } from '@/lib/auth/permissions';
import { csvLine, utf8Bom } from '@/lib/csv/write';
import { maxImportMegabytes } from '@/lib/import/read-file';
import { route } from './route';
import { readUploadForm } from './upload-form';

// What a CSV import's upload route does before the import's own work (the
// route door has already refused a visitor without a session, a user who may
// not import, or another site): read the body, counted rather than trusted
// (a body cut short on the way must not read as a short file), refuse one
// over the file limit, and parse the form.

// The multipart wrapping and the mapping ride along with the file.
const maxBodyBytes = maxImportMegabytes * 1024 * 1024 + 256 * 1024;

/** The upload's form (file, mapping, intent=preview|run, mode); throws RouteError for a body that is too large, cut short or empty. */
export function readImportUpload(request: Request): Promise<FormData> {
  return readUploadForm(request, maxBodyBytes, { tooLarge: { key: 'import.errors.fileTooLarge', values: { max: maxImportMegabytes } }, empty: { key: 'import.errors.empty' } });
}

/**
 * GET …/template: the header row of an import file (with a byte-order mark,
 * so Excel opens it as UTF-8), for someone starting from an empty
 * spreadsheet; for those who may import.
 */
export function importTemplateRoute(spec: { name: string; permission: Permission; columns: readonly string[]; fileName: string }) {
  return route({
    name: spec.name,
    permission: spec.permission,
    reply: 'text',
    async handle() {
      return new Response(utf8Bom + csvLine(spec.columns), {
        headers: { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="${spec.fileName}"` },
      });
    },
  });
}
