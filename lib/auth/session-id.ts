/**
 * The session a token belongs to: its `sid` claim (set at sign-in, kept by
 * renewals), or for a token issued before sessions had ids, its own `jti`.
 * Revocation is keyed by this.
 */
export function sessionIdOf(token: Record<string, unknown> | null | undefined): string | undefined {
  if (typeof token?.sid === 'string' && token.sid) return token.sid;
  if (typeof token?.jti === 'string' && token.jti) return token.jti;
  return undefined;
}
