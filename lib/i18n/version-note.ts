/** The note the setup migrations give the first tier policy and playbooks; shown in the reader's language. */
export const setupDefaultsNote = 'Setup defaults';

/** A version's note as shown: the setup note translated, an admin's own note as written. */
export function versionNote(note: string | null, setupDefaultsLabel: string): string | null {
  return note === setupDefaultsNote ? setupDefaultsLabel : note;
}
