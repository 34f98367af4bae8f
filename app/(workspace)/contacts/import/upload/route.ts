import { revalidatePath } from 'next/cache';
import { stagedContact } from '@/db/queries/contact-import';
import { formDataToObject, invalidInput } from '@/lib/actions/validation';
import { assertRunnable, type ImportResult } from '@/lib/import/read-file';
import { readImportUpload } from '@/lib/routes/import-upload';
import { route } from '@/lib/routes/route';
import { finishImport, writeImport } from '@/lib/server/import-batch';
import { contactImportInputs, prepareContactImport } from '../prepare-contact-import';

// POST /contacts/import/upload (multipart: file, mapping, intent=preview|run,
// mode). The contact import has no server action: this route is its door.
// Every user who may write contacts may import them; which rows they may
// write is decided row by row (a CSM's rows on a colleague's account are bad
// rows), and checked again when the rows are applied.

export const POST = route({
  name: 'contact.import',
  permission: 'contacts.write',
  reply: 'json',
  async handle({ request, db, user, write, json }) {
    const form = await readImportUpload(request);
    const run = form.get('intent') === 'run';
    // A preview needs no mode: read as a run whose mode does not matter.
    const parsed = contactImportInputs.run.safeParse({ mode: 'all', ...formDataToObject(form) });
    if (!parsed.success) return json(invalidInput(parsed.error), { status: 400 });
    const { preview, writes } = await prepareContactImport(db, user, parsed.data);
    if (!run) return json({ ok: true, data: preview });

    const { mode } = parsed.data;
    assertRunnable(preview, mode);
    const result: ImportResult = { created: writes.creates.length, updated: writes.updates.length, unchanged: writes.unchanged, skipped: preview.invalidRows };
    const audit = { file: preview.fileName, encoding: preview.encoding, mode, rows: preview.totalRows, ...result };
    // Short transactions (import-batch.ts); the last one marks the batch done with its audit row.
    const batchId = await writeImport(db, 'contact', [...writes.creates, ...writes.updates].map(stagedContact), { actorId: user.id, audit });
    await write((tx) => finishImport(tx, batchId));
    revalidatePath('/accounts', 'layout');
    return json({ ok: true, data: result });
  },
});
