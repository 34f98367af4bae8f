import { secureCookies } from '@/lib/env';

// next-auth's own cookie name; the __Secure- prefix comes with https.
export function sessionCookieName(): string {
  return `${secureCookies() ? '__Secure-' : ''}next-auth.session-token`;
}
