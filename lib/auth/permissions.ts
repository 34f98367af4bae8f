import { roles, type Role } from './roles';

// Who may do what: the one table. Actions, pages, the layout's section
// guard, the navigation and route handlers all read it; nothing else names
// roles to decide access. What a user may do to one particular object (an
// account they own, an activity they run) is in access.ts, built on these.

const everyone = roles;
const managers = ['manager', 'admin'] as const satisfies readonly Role[];
const admins = ['admin'] as const satisfies readonly Role[];

export const permissions = {
  // Every signed-in user: the book, their activities, their own settings.
  'accounts.read': everyone,
  'accounts.export': everyone,
  /** CSMs create into their own book and edit the accounts they own. */
  'accounts.write': everyone,
  'activities.schedule': everyone,
  /** CSMs on the accounts they own; managers and admins on any (access.ts). */
  'contacts.write': everyone,
  'content.read': everyone,
  /** Add items and versions; edit and archive the items one added (managers and admins any, access.ts). */
  'content.write': everyone,
  /** CSMs with their own accounts; managers and admins with any. */
  'content.share': everyone,
  'programs.read': everyone,
  /** Tech-touch campaigns: their funnel, goal conversion and imports. */
  'campaigns.read': everyone,
  /** Create programs; add sessions and record attendance for the ones they host (managers and admins any, access.ts). */
  'programs.write': everyone,
  /** CSMs invite their own accounts' contacts; managers and admins anyone's. */
  'programs.invite': everyone,
  'activities.plan': everyone,
  /** CSMs read their own book's coverage; managers and admins everyone's (the page scopes it). */
  'coverage.read': everyone,
  /** CSMs read their own hours; managers and admins everyone's and the what-if (the page scopes it). */
  'capacity.read': everyone,
  // The capacity what-if: trying moves, capacity and cadences (applying a move is accounts.reassign).
  'capacity.plan': managers,
  'profile.edit': everyone,
  'calendarFeed.manage': everyone,
  /** One's own notifications (the bell): read them, mark them read. */
  'notifications.read': everyone,

  /** Edit any account, choose any CSM as owner, schedule and plan for any CSM. */
  'accounts.manageAll': managers,
  'accounts.reassign': managers,
  /** Work one's tasks (complete, snooze); managers and admins any (access.ts). */
  'tasks.work': everyone,
  /** Give a task to someone else, and see the team's task load. */
  'tasks.assign': managers,
  'accounts.import': managers,
  /** Create and edit tech-touch campaigns and import their tools' exports. */
  'campaigns.manage': managers,
  'tier.override': managers,
  'tier.requestOverride': ['csm'],
  'overrideRequests.decide': managers,
  'team.view': managers,
  /** Cost to serve against ARR per tier and account. */
  'economics.read': managers,

  'users.manage': admins,
  'workspace.manage': admins,
  'tierPolicy.manage': admins,
  'playbooks.manage': admins,
  'contentKinds.manage': admins,
  'programKinds.manage': admins,
  /** Write keys for the ingestion API, the event mapping, the debugger. */
  'signals.manage': admins,
  /** The health model: its components, weights and bands, previewed before applying. */
  'health.manage': admins,
  /** Alert rules: their conditions, scope and the task they raise, previewed while editing. */
  'alerts.manage': admins,
  /** See the background job queues and send failed jobs back to run again. */
  'jobs.manage': admins,
  'audit.read': admins,
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof permissions;

export function can(user: { role: Role }, permission: Permission): boolean {
  return (permissions[permission] as readonly Role[]).includes(user.role);
}

/** The roles a permission allows, for tests and documentation. */
export function rolesWith(permission: Permission): readonly Role[] {
  return permissions[permission];
}
