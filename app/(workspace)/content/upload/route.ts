import { route } from '@/lib/routes/route';
import { readUploadForm } from '@/lib/routes/upload-form';
import { maxContentMegabytes } from '@/lib/content/limits';
import { addContentVersion, createContentItem } from '../actions';

// POST /content/upload (multipart: intent=create|version, the item's fields,
// file): files come here rather than to a server action, so that server
// actions keep their 2 MB body limit. The door refuses a visitor without a
// session, a role that may not add content or another site before a byte of
// the body is read; this handler refuses a body over the file limit; the
// actions check everything again.

const maxBodyBytes = maxContentMegabytes * 1024 * 1024 + 256 * 1024;

export const POST = route({
  name: 'content.upload',
  permission: 'content.write',
  reply: 'json',
  async handle({ request, json }) {
    const form = await readUploadForm(request, maxBodyBytes);
    const result = form.get('intent') === 'version' ? await addContentVersion(null, form) : await createContentItem(null, form);
    return json(result);
  },
});
