// The domain's word lists, each declared once. The database enums
// (db/schema), the input schemas (lib/validation) and the UI's options all
// read these; the words' labels live in the message catalogs.

export const roles = ['csm', 'manager', 'admin'] as const;
export type Role = (typeof roles)[number];

export const levels = ['low', 'medium', 'high'] as const;
export type Level = (typeof levels)[number];

export const lifecycleStages = ['onboarding', 'adopting', 'mature', 'at_risk'] as const;
export type LifecycleStage = (typeof lifecycleStages)[number];

export const tierSources = ['computed', 'override'] as const;
export type TierSource = (typeof tierSources)[number];

export const tierChangeKinds = ['created', 'computed', 'override', 'override_ended', 'policy', 'import'] as const;
export type TierChangeKind = (typeof tierChangeKinds)[number];

export const overrideRequestStatuses = ['pending', 'approved', 'rejected'] as const;
export type OverrideRequestStatus = (typeof overrideRequestStatuses)[number];

export const activityStatuses = ['planned', 'completed', 'cancelled', 'no_show'] as const;
export type ActivityStatus = (typeof activityStatuses)[number];

/**
 * High-touch (people's time), low-touch (one-to-many), tech-touch
 * (automation); community touch (user groups, meetups) runs across every tier.
 */
export const touchModels = ['high', 'low', 'tech', 'community'] as const;
export type TouchModel = (typeof touchModels)[number];

/** What a contact is to their account; a contact may be several. */
export const contactRoles = ['champion', 'executive_sponsor', 'admin', 'end_user', 'billing'] as const;
export type ContactRole = (typeof contactRoles)[number];

/**
 * The languages a contact can be written to in: the ones the product's own
 * messages (invitations, shared-content emails) exist in.
 */
export const contactLanguages = ['ja', 'en'] as const;
export type ContactLanguage = (typeof contactLanguages)[number];

/**
 * Every kind of touch the ledger (db/schema/touches.ts) records. Coverage
 * counts them; each comes from one source (an activity, a program, a share…).
 */
export const touchKinds = [
  'activity_completed',
  'program_invited',
  'program_registered',
  'program_attended',
  'content_shared',
  'content_opened',
  'campaign_delivered',
  'alert_nudge',
] as const;
export type TouchKind = (typeof touchKinds)[number];

/**
 * Where a shared item's email to one contact stands: not sent (no SMTP, the
 * links went out by mail merge), queued, sent, failed, or skipped because
 * the contact opted out of program emails.
 */
export const contentEmailStatuses = ['not_sent', 'queued', 'sent', 'failed', 'opted_out'] as const;
export type ContentEmailStatus = (typeof contentEmailStatuses)[number];

/**
 * Where one contact's invitation to a program session stands: invited, then
 * registered (or waitlisted when seats ran out), then attended or no-show;
 * or they declined, or cancelled after registering.
 */
export const invitationStatuses = ['invited', 'registered', 'waitlisted', 'attended', 'no_show', 'declined', 'cancelled'] as const;
export type InvitationStatus = (typeof invitationStatuses)[number];

/** The touch models a program kind can have: one-to-many (low) or community. */
export const programTouchModels = ['low', 'community'] as const;
export type ProgramTouchModel = (typeof programTouchModels)[number];

export const cadenceUnits = ['day', 'week', 'month'] as const;

/** What became of one playbook obligation (lib/coverage/obligations.ts). */
export const obligationStatuses = ['on_time', 'late', 'missed', 'overdue', 'not_yet_due', 'ended'] as const;
export type ObligationStatus = (typeof obligationStatuses)[number];

/** What a series does with an occurrence that falls on a closed day: keep it there, skip it, or move it to the next working day. */
export const closedDayChoices = ['keep', 'skip', 'move'] as const;
export type ClosedDayChoice = (typeof closedDayChoices)[number];
export type CadenceUnit = (typeof cadenceUnits)[number];

/** Only CSMs own accounts and run activities: a book belongs to a CSM. */
export const bookOwnerRole = 'csm' satisfies Role;
export const ownsBook = (role: Role) => role === bookOwnerRole;

/** A CSV import's batch: staged, then applied, then done; or failed (nothing applied). */
export const importStates = ['staging', 'applying', 'done', 'failed'] as const;

/** What a CSV import writes: its batch says so, so that recovery applies it with the right statement. */
export const importKinds = ['account', 'contact'] as const;
export type ImportKind = (typeof importKinds)[number];

/** How a tech-touch campaign reaches people. */
export const campaignChannels = ['email', 'in_app', 'product_tour', 'email_sequence', 'other'] as const;
export type CampaignChannel = (typeof campaignChannels)[number];

/** The tool that sends a campaign: a marketing or product tool, or Touchplan's own SMTP for simple emails. */
export const campaignTools = ['hubspot', 'marketo', 'intercom', 'pendo', 'touchplan_smtp', 'other'] as const;
export type CampaignTool = (typeof campaignTools)[number];

/**
 * What happened to one campaign message for one contact or account, as the
 * sending tool reports it: delivered, opened, clicked, bounced,
 * unsubscribed, or completed (a product tour finished).
 */
export const campaignOutcomes = ['delivered', 'opened', 'clicked', 'bounced', 'unsubscribed', 'completed'] as const;
export type CampaignOutcome = (typeof campaignOutcomes)[number];

/** Where a campaign outcome came from: a CSV import of the tool's export, or the events API. */
export const campaignOutcomeSources = ['import', 'api'] as const;
export type CampaignOutcomeSource = (typeof campaignOutcomeSources)[number];
