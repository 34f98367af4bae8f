/** The sign-in fields a submission left empty, each with the catalog key that asks for it. */
export const missingFieldMessages = { email: 'login.emailRequired', password: 'login.passwordRequired' } as const;
export type SignInField = keyof typeof missingFieldMessages;

/**
 * Which sign-in fields are empty. Checked by the form before it sends
 * anything and again by the server, so an empty submit never reaches the
 * password check and never counts as a failed attempt. An email of spaces
 * is empty; a password is taken as typed.
 */
export function missingSignInFields(email: string | null | undefined, password: string | null | undefined): SignInField[] {
  const missing: SignInField[] = [];
  if (!email?.trim()) missing.push('email');
  if (!password) missing.push('password');
  return missing;
}

// How the server names missing fields to the form through next-auth's error code, e.g. "MISSING:email,password".
export const missingPrefix = 'MISSING:';

export function missingFromCode(code: string): SignInField[] {
  if (!code.startsWith(missingPrefix)) return [];
  return code
    .slice(missingPrefix.length)
    .split(',')
    .filter((f): f is SignInField => f in missingFieldMessages);
}
