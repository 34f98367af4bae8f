import { tokenRoute } from '@/lib/routes/route';
import { ingest } from '@/lib/server/ingest';

// The Segment-compatible ingestion API: POST /api/v1/track, /identify,
// /group, /page, /screen and /batch, with a write key (lib/server/ingest.ts).
export const POST = tokenRoute<{ kind: string }>({
  name: 'ingest',
  reply: 'json',
  handle: ({ request, params, db }) => ingest(db, request, params.kind),
});
