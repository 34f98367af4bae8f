import { dictionary } from '@zxcvbn-ts/language-common';

export const passwordMinLength = 8;
export const passwordMaxLength = 128;

// ~49,000 passwords seen most often in public breaches (from zxcvbn-ts).
const common = new Set(dictionary.passwords.map((p) => p.toLowerCase()));

export type PasswordProblem = 'tooShort' | 'tooLong' | 'common' | 'sameAsEmail';

/** Why a new password is refused, or null when it is acceptable. */
export function passwordProblem(password: string, email?: string): PasswordProblem | null {
  const length = [...password].length;
  if (length < passwordMinLength) return 'tooShort';
  if (length > passwordMaxLength) return 'tooLong';
  const lower = password.toLowerCase();
  if (common.has(lower)) return 'common';
  if (email && (lower === email.toLowerCase() || lower === email.split('@')[0]?.toLowerCase())) return 'sameAsEmail';
  return null;
}
