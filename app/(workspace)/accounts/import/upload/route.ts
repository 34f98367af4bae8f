import { readImportUpload } from '@/lib/routes/import-upload';
import { route } from '@/lib/routes/route';
import { previewImport, runImport } from '../actions';

// POST /accounts/import/upload (multipart: file, mapping, intent=preview|run,
// mode). CSV files come here rather than to a server action, so that server
// actions keep a small body limit: the route door refuses a visitor without a
// session, a user who may not import or another site before a byte of the
// body is read, and readImportUpload refuses a body over the file limit. The
// work is the import actions themselves, which check everything again.
export const POST = route({
  name: 'account.import',
  permission: 'accounts.import',
  reply: 'json',
  async handle({ request, json }) {
    const form = await readImportUpload(request);
    const result = form.get('intent') === 'run' ? await runImport(null, form) : await previewImport(null, form);
    return json(result);
  },
});
