/**
 * Where to go after sign-in: only a path on this site. Anything else
 * (another origin, protocol-relative //host, backslash tricks) goes home.
 */
export function safeCallbackUrl(value: string | null | undefined): string {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.includes('\\')) return '/';
  if (/[\u0000-\u001f]/.test(value)) return '/';
  if (value.startsWith('/login')) return '/';
  return value;
}
