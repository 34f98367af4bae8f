/**
 * Every action name written to the audit log. `writeAudit` and friends take
 * only these, so a new kind of audit row is added here first; the audit log
 * then needs a sentence for it in both languages (audit-actions.test.ts).
 */
export const auditActions = [
  'auth.sign_in',
  'auth.sign_in_failed',
  'auth.sign_in_throttled',
  'auth.sign_out',
  'access.denied',
  'user.create',
  'user.update',
  'user.deactivate',
  'user.reactivate',
  'user.reset_password',
  'user.change_password',
  'user.update_profile',
  'workspace.update',
  'account.create',
  'account.update',
  'account.reassign',
  'account.pulse',
  'account.override',
  'account.clear_override',
  'account.request_override',
  'account.approve_override',
  'account.reject_override',
  'account.import',
  'account.export',
  'tier_policy.apply',
  'playbook.save',
  'activity_type.create',
  'activity_type.update',
  'activity.schedule',
  'activity.reschedule',
  'activity.complete',
  'activity.cancel',
  'activity.no_show',
  'activity.plan',
  'series.schedule',
  'series.edit',
  'series.cancel_rest',
  'calendar_feed.create',
  'calendar_feed.revoke',
  'contact.create',
  'contact.update',
  'contact.import',
  'content.create',
  'content.update',
  'content.add_version',
  'content.share',
  'content_kind.create',
  'content_kind.update',
  'content_kind.deactivate',
  'content_kind.reactivate',
  'program_kind.create',
  'program_kind.update',
  'program_kind.deactivate',
  'program_kind.reactivate',
  'job.retry',
  'time_off.create',
  'time_off.delete',
  'program.create',
  'program.add_session',
  'program.invite',
  'program.attendance',
  'program.import_attendance',
  'program.add_attendee_contact',
  'program.match_attendee',
  'program.dismiss_attendee',
  'program.remind',
  'write_key.create',
  'write_key.revoke',
] as const;
export type AuditAction = (typeof auditActions)[number];

export const isAuditAction = (s: string): s is AuditAction => (auditActions as readonly string[]).includes(s);

/** The catalog key part for an action: dots are path separators in the catalogs. */
export const auditActionKey = (action: string) => action.replace(/\./g, '_');

/** The groups the audit log filters by: an action's first word. */
export const auditGroups = [...new Set(auditActions.map((a) => a.split('.')[0]!))];
