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

/** High-touch (people's time), low-touch (one-to-many), tech-touch (automation). */
export const touchModels = ['high', 'low', 'tech'] as const;
export type TouchModel = (typeof touchModels)[number];

export const cadenceUnits = ['day', 'week', 'month'] as const;

/** What a series does with an occurrence that falls on a closed day: keep it there, skip it, or move it to the next working day. */
export const closedDayChoices = ['keep', 'skip', 'move'] as const;
export type ClosedDayChoice = (typeof closedDayChoices)[number];
export type CadenceUnit = (typeof cadenceUnits)[number];

/** Only CSMs own accounts and run activities: a book belongs to a CSM. */
export const bookOwnerRole = 'csm' satisfies Role;
export const ownsBook = (role: Role) => role === bookOwnerRole;
