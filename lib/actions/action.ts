import 'server-only';
import { revalidatePath } from 'next/cache';
import { unstable_rethrow } from 'next/navigation';
import type { z } from 'zod';
import { getDb, type Tx } from '@/db/client';
import { writeAudit, type AuditEntry } from '@/db/queries/audit';
import { auditDenied, getCurrentUser, type CurrentUser } from '@/lib/auth/current-user';
import { can, type Permission } from '@/lib/auth/permissions';
import { withMessageText } from '@/lib/i18n/translator';
import { readerLocale } from '@/lib/server/working-calendar';
import { pgErrorCode } from '@/lib/pg-error';
import { ActionError, NeedsConfirmation, type ActionResult } from './result';
import { formDataToObject, invalidInput } from './validation';

export type ActionContext<I, P = undefined> = {
  user: CurrentUser;
  input: I;
  tx: Tx;
  /** What `prepare` returned. */
  prepared: P;
  /** Writes an audit row as this user, in this transaction. */
  audit: (entry: Omit<AuditEntry, 'actorId'>) => Promise<void>;
};

type Spec<S extends z.ZodType, R, P> = {
  /** Names the action in audit rows, e.g. "user.create". */
  name: string;
  /** Who may call it, from the permission table; ownership of one object is checked in `run`. */
  permission: Permission;
  input: S;
  /**
   * Long work (seconds of parsing and checking) done after the checks but
   * before the transaction: on the embedded database a transaction holds the
   * only connection, so every other request would wait. Writes here must be
   * short transactions of their own that stay correct if the process stops
   * between two of them (the CSV import's staged batches); `run` ends them.
   */
  prepare?: (ctx: { user: CurrentUser; input: z.output<S> }) => Promise<P>;
  run: (ctx: ActionContext<z.output<S>, P>) => Promise<R>;
  revalidate?: readonly string[];
};

export type Payload = FormData | Record<string, unknown>;

/**
 * The one door for every server action. In order: who is calling (a revoked
 * or deactivated session counts as signed out), may their role do this, is
 * the input valid; then the work and its audit rows in one transaction, and
 * a stable result for useActionState. Ownership of a particular object is
 * checked inside `run`, which throws ActionError to refuse and roll back.
 */
export function action<S extends z.ZodType, R = undefined, P = undefined>(spec: Spec<S, R, P>) {
  return async function serverAction(_prev: unknown, payload: Payload): Promise<ActionResult<R>> {
    const user = await getCurrentUser();
    // Each message leaves with its text in the user's language: pages do not carry the catalog.
    return withMessageText(await answer(user, payload), await readerLocale({ locale: user?.locale ?? null }));
  };

  async function answer(user: CurrentUser | null, payload: Payload): Promise<ActionResult<R>> {
    if (!user) {
      await auditDenied(null, `action:${spec.name}`, 'signed_out');
      return { ok: false, error: { key: 'errors.signedOut' } };
    }
    if (!can(user, spec.permission)) {
      await auditDenied(user.id, `action:${spec.name}`, 'role');
      return { ok: false, error: { key: 'errors.forbidden' } };
    }
    const parsed = spec.input.safeParse(payload instanceof FormData ? formDataToObject(payload) : payload);
    if (!parsed.success) return invalidInput(parsed.error);
    try {
      const db = await getDb();
      const prepared = (spec.prepare ? await spec.prepare({ user, input: parsed.data }) : undefined) as P;
      const data = await db.transaction((tx) =>
        spec.run({
          user,
          input: parsed.data,
          tx,
          prepared,
          audit: (entry) => writeAudit(tx, { ...entry, actorId: user.id }),
        }),
      );
      for (const path of spec.revalidate ?? []) revalidatePath(path, 'layout');
      return { ok: true, data };
    } catch (e) {
      unstable_rethrow(e);
      if (e instanceof NeedsConfirmation) return { ok: false, warnings: e.warnings };
      if (e instanceof ActionError) {
        if (e.error.key === 'errors.forbidden') await auditDenied(user.id, `action:${spec.name}`, 'ownership');
        return e.field ? { ok: false, fieldErrors: { [e.field]: e.error } } : { ok: false, error: e.error };
      }
      // Serialization failures, deadlocks, and a unique key someone else took
      // between our check and our write: the user's save met another one.
      if (['40001', '40P01', '23505'].includes(pgErrorCode(e) ?? '')) return { ok: false, error: { key: 'errors.conflict' } };
      console.error(`[action ${spec.name}]`, e);
      return { ok: false, error: { key: 'errors.unexpected' } };
    }
  }
}
