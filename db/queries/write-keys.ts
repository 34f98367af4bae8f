import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../client';
import { users, writeKeys } from '../schema';

export type WriteKeyRow = {
  id: number;
  name: string;
  prefix: string;
  ratePerMinute: number;
  createdByName: string | null;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
};

/** Every key, live ones first, newest first. */
export async function listWriteKeys(db: DbOrTx): Promise<WriteKeyRow[]> {
  return db
    .select({
      id: writeKeys.id,
      name: writeKeys.name,
      prefix: writeKeys.prefix,
      ratePerMinute: writeKeys.ratePerMinute,
      createdByName: users.name,
      createdAt: writeKeys.createdAt,
      lastUsedAt: writeKeys.lastUsedAt,
      revokedAt: writeKeys.revokedAt,
    })
    .from(writeKeys)
    .leftJoin(users, eq(users.id, writeKeys.createdBy))
    .orderBy(sql`${writeKeys.revokedAt} is not null`, desc(writeKeys.id));
}

export async function insertWriteKey(db: DbOrTx, k: { name: string; prefix: string; hash: string; ratePerMinute: number; createdBy: number }): Promise<number> {
  const [row] = await db
    .insert(writeKeys)
    .values({ name: k.name, prefix: k.prefix, keyHash: k.hash, ratePerMinute: k.ratePerMinute, createdBy: k.createdBy })
    .returning({ id: writeKeys.id });
  return row!.id;
}

/** Revokes a live key; its name, or null when there was no live key with that id. */
export async function revokeWriteKey(db: DbOrTx, id: number, by: number): Promise<{ name: string } | null> {
  const [row] = await db
    .update(writeKeys)
    .set({ revokedAt: sql`now()`, revokedBy: by })
    .where(and(eq(writeKeys.id, id), isNull(writeKeys.revokedAt)))
    .returning({ name: writeKeys.name });
  return row ?? null;
}
