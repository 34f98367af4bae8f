// What every server action returns: plain data the client can render.
// Messages are catalog keys (with values); the door adds their text in the
// caller's language on the way out (lib/i18n/message-text.ts).

export type Message = { key: string; values?: Record<string, string | number>; text?: string };

export type ActionResult<T = undefined> =
  | { ok: true; data: T; message?: Message }
  | { ok: false; error?: Message; fieldErrors?: Record<string, Message>; warnings?: Message[] };

export type ActionState<T = undefined> = ActionResult<T> | null;

/** A failure the user can act on; thrown inside an action, it rolls back the transaction. */
export class ActionError extends Error {
  constructor(
    readonly error: Message,
    readonly field?: string,
  ) {
    super(error.key);
  }
}

/** Stops an action to show warnings; nothing is written until the user confirms. */
export class NeedsConfirmation extends ActionError {
  constructor(readonly warnings: Message[]) {
    super({ key: 'errors.confirm' });
  }
}

export const conflictError = () => new ActionError({ key: 'errors.conflict' });
export const notFoundError = () => new ActionError({ key: 'errors.notFound' });
