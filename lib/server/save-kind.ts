import 'server-only';
import type { Tx } from '@/db/client';
import type { AuditEntry } from '@/db/queries/audit';
import { ActionError, conflictError, notFoundError } from '@/lib/actions/result';

// Content kinds and program kinds are administered alike: add, rename (a
// built-in kind may fall back to its name in each language), deactivate and
// reactivate, from the version the admin saw, audited, with one kind always
// active. What differs is the table (the queries in `store`), the audit
// names and any fields of their own (a program kind's touch model).

type KindRow = { id: number; key: string | null; name: string | null; active: boolean };

export type KindStore<Extra extends object> = {
  /** Audit entity and action prefix, e.g. "content_kind". */
  entity: 'content_kind' | 'program_kind';
  /** Catalog keys of the refusals, in the kind's own words. */
  messages: { nameTaken: string; lastActive: string };
  nameTaken: (tx: Tx, name: string, exceptId: number | null) => Promise<boolean>;
  insert: (tx: Tx, values: { name: string } & Extra) => Promise<number>;
  /** Every kind, locked until the transaction ends, with its own fields. */
  lockAll: (tx: Tx) => Promise<(KindRow & Extra)[]>;
  /** Saves only if nobody saved since `version`; undefined when they did (or it is gone). */
  update: (tx: Tx, id: number, version: number, values: { name: string | null; active: boolean } & Extra) => Promise<unknown>;
};

export type SaveKindInput = { id: number | null; version: number; name: string | null; active: boolean };

export async function saveKind<Extra extends object>(
  tx: Tx,
  store: KindStore<Extra>,
  input: SaveKindInput,
  extra: Extra,
  audit: (entry: Omit<AuditEntry, 'actorId'>) => Promise<void>,
): Promise<{ id: number }> {
  const { entity } = store;
  if (input.name && (await store.nameTaken(tx, input.name, input.id))) throw new ActionError({ key: store.messages.nameTaken }, 'name');
  if (input.id === null) {
    if (!input.name) throw new ActionError({ key: 'validation.required' }, 'name');
    const id = await store.insert(tx, { name: input.name, ...extra });
    await audit({ action: `${entity}.create` as const, entity, entityId: id, after: { key: null, name: input.name, ...extra } });
    return { id };
  }
  // Locked, so two admins cannot each deactivate one of the last two kinds.
  const kinds = await store.lockAll(tx);
  const before = kinds.find((k) => k.id === input.id);
  if (!before) throw notFoundError();
  // Kinds the product ships with may fall back to their default name; others need one.
  if (!input.name && !before.key) throw new ActionError({ key: 'validation.required' }, 'name');
  if (before.active && !input.active && !kinds.some((k) => k.active && k.id !== before.id)) throw new ActionError({ key: store.messages.lastActive }, 'active');
  const values = { name: input.name, active: input.active, ...extra };
  if (!(await store.update(tx, input.id, input.version, values))) throw conflictError();
  const action = before.active === input.active ? (`${entity}.update` as const) : input.active ? (`${entity}.reactivate` as const) : (`${entity}.deactivate` as const);
  const was = Object.fromEntries(Object.keys(values).map((k) => [k, before[k as keyof typeof before]]));
  await audit({ action, entity, entityId: input.id, before: { key: before.key, ...was }, after: { key: before.key, ...values } });
  return { id: input.id };
}
