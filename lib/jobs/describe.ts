// A failed job shown to an admin: why it failed in a sentence, and what it
// was about in a line, never a raw dump of its row. Pure, so the page and the
// tests read jobs the same way.

export type FailureReason = { kind: 'timeout' } | { kind: 'heartbeat' } | { kind: 'error'; message: string } | { kind: 'unknown' };

const maxMessage = 300;

/** pg-boss keeps a thrown error as `{ name, message, stack }`, and its own timeouts as `{ value: { message } }`. */
export function failureReason(output: unknown): FailureReason {
  const o = record(output);
  const inner = record(o?.value);
  const message = [o?.message, inner?.message, o?.value].find((v): v is string => typeof v === 'string' && v.trim() !== '');
  if (message === 'job timed out') return { kind: 'timeout' };
  if (message === 'job heartbeat timeout') return { kind: 'heartbeat' };
  if (!message) return { kind: 'unknown' };
  return { kind: 'error', message: readable(message) };
}

/** The first line of an error, without credentials in any address it names, cut to a readable length. */
function readable(message: string): string {
  const firstLine = message.trim().split(/\r?\n/)[0]!;
  const safe = redactAddresses(firstLine);
  return safe.length > maxMessage ? `${safe.slice(0, maxMessage - 1)}…` : safe;
}

/** `smtp://user:secret@host` → `smtp://•••@host`: an error may quote the address it could not reach. */
function redactAddresses(text: string): string {
  return text.replace(/([a-z][a-z0-9+.-]*:\/\/)[^\s/@]+@/gi, '$1•••@');
}

// Field names that may carry something secret (a token, a password, a key): their values are never shown.
const secretName = /token|secret|password|passwd|pass$|credential|auth|cookie|session(?!id)|key$|apikey|signature/i;
const maxFields = 6;
const maxValue = 60;

export type DataField = { name: string; value: string };

/** A job's data as a few "name: value" pairs: scalars only, secrets hidden, long values cut. */
export function summariseJobData(data: unknown): DataField[] {
  const o = record(data);
  if (!o) return [];
  const fields: DataField[] = [];
  for (const [name, value] of Object.entries(o)) {
    if (fields.length === maxFields) break;
    if (secretName.test(name)) {
      fields.push({ name, value: '•••' });
      continue;
    }
    if (value === null || value === undefined) continue;
    const text = typeof value === 'object' ? (Array.isArray(value) ? `[${value.length}]` : '{…}') : redactAddresses(String(value));
    fields.push({ name, value: text.length > maxValue ? `${text.slice(0, maxValue - 1)}…` : text });
  }
  return fields;
}

function record(v: unknown): Record<string, unknown> | null {
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
}
