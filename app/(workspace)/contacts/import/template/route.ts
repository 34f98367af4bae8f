import { contactImportColumns } from '@/lib/contacts/import-plan';
import { csvLine, utf8Bom } from '@/lib/csv/write';
import { route } from '@/lib/routes/route';

// GET /contacts/import/template: the header row of a contact import file,
// for someone starting from an empty spreadsheet.
export const GET = route({
  name: 'contact.import_template',
  permission: 'contacts.write',
  reply: 'text',
  async handle() {
    return new Response(utf8Bom + csvLine(contactImportColumns), {
      headers: {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': 'attachment; filename="contacts-template.csv"',
      },
    });
  },
});
