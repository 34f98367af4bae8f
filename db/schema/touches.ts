import { bigint, index, integer, pgTable, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { accounts } from './accounts';
import { activities } from './activities';
import { techTouches } from './alerts';
import { campaignEvents } from './campaigns';
import { contacts } from './contacts';
import { contentRecipients, contentShares } from './content';
import { programInvitations } from './programs';
import { activityTypes, touchKindEnum, touchModelEnum } from './playbooks';

// The ledger of every touch an account received, whatever its model: one row
// per touch, written in the same transaction as its source (a completed
// activity today; program attendance, content shares and opens, campaign
// deliveries as they arrive). Coverage reads this one table.
export const touches = pgTable(
  'touches',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    accountId: integer()
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    kind: touchKindEnum().notNull(),
    // The model at the time of the touch (an activity type's model may change later).
    touchModel: touchModelEnum().notNull(),
    occurredAt: timestamp({ withTimezone: true }).notNull(),
    // For activity touches: which type, so playbook rules on a type can count it.
    activityTypeId: integer().references(() => activityTypes.id),
    activityId: integer().references(() => activities.id, { onDelete: 'cascade' }),
    contactId: integer().references(() => contacts.id, { onDelete: 'set null' }),
    // For content touches: the share (content_shared) or the recipient (content_opened).
    contentShareId: integer().references(() => contentShares.id, { onDelete: 'cascade' }),
    contentRecipientId: integer().references(() => contentRecipients.id, { onDelete: 'cascade' }),
    // For program touches: the invitation (invited, registered, attended: one row each).
    programInvitationId: integer().references(() => programInvitations.id, { onDelete: 'cascade' }),
    // For alert nudges: the tech touch that left (alerts.ts).
    techTouchId: bigint({ mode: 'number' }).references(() => techTouches.id, { onDelete: 'cascade' }),
    // For campaign deliveries: the delivered event (campaigns.ts).
    campaignEventId: bigint({ mode: 'number' }).references(() => campaignEvents.id, { onDelete: 'cascade' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('touches_account_occurred_idx').on(t.accountId, t.occurredAt.desc()),
    index('touches_kind_occurred_idx').on(t.kind, t.occurredAt),
    // Deleting a contact clears it from its touches.
    index('touches_contact_idx').on(t.contactId).where(sql`${t.contactId} is not null`),
    // One ledger row per completed activity.
    uniqueIndex('touches_activity_key').on(t.activityId).where(sql`${t.activityId} is not null`),
    // One shared touch per share, one opened touch per recipient (the first open).
    uniqueIndex('touches_content_share_key').on(t.contentShareId).where(sql`${t.contentShareId} is not null`),
    uniqueIndex('touches_content_recipient_key').on(t.contentRecipientId).where(sql`${t.contentRecipientId} is not null`),
    // One touch of each kind per invitation.
    uniqueIndex('touches_tech_touch_key').on(t.techTouchId).where(sql`${t.techTouchId} is not null`),
    uniqueIndex('touches_campaign_event_key').on(t.campaignEventId).where(sql`${t.campaignEventId} is not null`),
    uniqueIndex('touches_program_invitation_key').on(t.programInvitationId, t.kind).where(sql`${t.programInvitationId} is not null`),
  ],
);
