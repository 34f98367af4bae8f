'use server';

import { z } from 'zod';
import { activeFeed, replaceFeed, revokeFeeds } from '@/db/queries/feeds';
import { action } from '@/lib/actions/action';
import { ActionError, NeedsConfirmation } from '@/lib/actions/result';
import { checkbox } from '@/lib/actions/validation';
import { appUrl } from '@/lib/env';
import { feedUrl, hashFeedToken, newFeedToken } from '@/lib/feeds/token';

// Every user manages only their own feed: the user id comes from the
// session, never from the form. The token is returned once to be shown and
// is never stored or audited; only its hash is kept.

export const createCalendarFeed = action({
  name: 'calendar_feed.create',
  permission: 'calendarFeed.manage',
  input: z.object({ confirm: checkbox }),
  revalidate: ['/settings'],
  async run({ user, input, tx, audit }) {
    if ((await activeFeed(tx, user.id)) && !input.confirm) throw new NeedsConfirmation([{ key: 'feeds.address.replaceWarning' }]);
    const token = newFeedToken();
    const { id, revoked } = await replaceFeed(tx, user.id, hashFeedToken(token));
    await audit({ action: 'calendar_feed.create', entity: 'user', entityId: user.id, after: { feedId: id, revokedFeedIds: revoked } });
    return { url: feedUrl(appUrl(), token) };
  },
});

export const revokeCalendarFeed = action({
  name: 'calendar_feed.revoke',
  permission: 'calendarFeed.manage',
  input: z.object({}),
  revalidate: ['/settings'],
  async run({ user, tx, audit }) {
    const revoked = await revokeFeeds(tx, user.id);
    if (!revoked.length) throw new ActionError({ key: 'feeds.address.noFeed' });
    await audit({ action: 'calendar_feed.revoke', entity: 'user', entityId: user.id, after: { revokedFeedIds: revoked } });
  },
});
