import { tokenRoute } from '@/lib/routes/route';
import { receiveCampaignEvents } from '@/lib/server/campaign-events';

// A campaign's outcomes (delivered, opened, clicked…) from its sending tool,
// with a write key: POST /api/v1/campaigns/{key}/events (lib/server/campaign-events.ts).
export const POST = tokenRoute<{ key: string }>({
  name: 'campaign.events',
  reply: 'json',
  handle: ({ request, params, db }) => receiveCampaignEvents(db, request, params.key),
});
