import { contactImportColumns } from '@/lib/contacts/import-plan';
import { importTemplateRoute } from '@/lib/routes/import-upload';

// GET /contacts/import/template: the header row of a contact import file.
export const GET = importTemplateRoute({ name: 'contact.import_template', permission: 'contacts.write', columns: contactImportColumns, fileName: 'contacts-template.csv' });
