import { findSession } from '@/db/queries/programs';
import { assertCanRunProgram } from '@/lib/auth/access';
import { route } from '@/lib/routes/route';
import { readUploadForm } from '@/lib/routes/upload-form';
import { maxReportMegabytes } from '@/lib/validation/program';
import { parseId } from '@/lib/validation/input';
import { importAttendance } from '../../actions';

// POST /programs/attendance/upload (multipart: sessionId, file): an attendee
// report from Zoom or Teams. Files come here rather than to a server action,
// so that server actions keep their 2 MB body limit. The door refuses a
// visitor without a session, a role that may not run programs or another
// site before a byte is read; a CSM who does not run the session's program
// is refused here (403); the action checks everything again.

export const POST = route({
  name: 'program.attendance_upload',
  permission: 'programs.write',
  reply: 'json',
  async handle({ request, user, db, json }) {
    const form = await readUploadForm(request, maxReportMegabytes * 1024 * 1024 + 64 * 1024);
    const sessionId = parseId(String(form.get('sessionId') ?? ''));
    const session = sessionId === null ? undefined : await findSession(db, sessionId);
    if (session) assertCanRunProgram(user, session);
    return json(await importAttendance(null, form));
  },
});
