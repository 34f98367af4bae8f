import { NextResponse, type NextRequest } from 'next/server';
import { sessionCookieName } from '@/lib/auth/cookie';
import { secureCookies } from '@/lib/env';
import { newNonce, pagePolicy } from '@/lib/security/csp';

// Reachable without a session cookie. /feeds/<token>.ics is fetched by
// calendar servers, and /u/<token> (unsubscribe) and /r/<token> (an
// invitation) opened by customers' contacts, who have none: their handlers
// check the secret token. (/c/<token>, tracked links, never reach the proxy.)
const publicPaths = ['/login', '/feeds', '/u', '/r'];

/**
 * Sets each page's Content-Security-Policy with a fresh nonce: on the
 * response, and on the request, where Next reads the nonce to put it on its
 * own scripts. Visitors with no session cookie go to sign-in and come back
 * after; that is only a convenience, not an access check: every page, action
 * and route handler checks the session itself (lib/auth/current-user.ts).
 */
export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const policy = pagePolicy({ nonce: newNonce(), dev: process.env.NODE_ENV === 'development', https: secureCookies() });
  const isPublic = publicPaths.some((p) => pathname === p || pathname.startsWith(p + '/'));
  let response: NextResponse;
  if (!isPublic && !request.cookies.has(sessionCookieName())) {
    const url = request.nextUrl.clone();
    url.pathname = '/login';
    url.search = `?callbackUrl=${encodeURIComponent(pathname + search)}`;
    response = NextResponse.redirect(url);
  } else {
    const headers = new Headers(request.headers);
    headers.set('x-touchplan-path', pathname + search);
    headers.set('Content-Security-Policy', policy);
    response = NextResponse.next({ request: { headers } });
  }
  response.headers.set('Content-Security-Policy', policy);
  return response;
}

// Skips route handlers under api/ and static files; next.config.js gives
// exactly these paths their policy (lib/security/static-policy.js). Skips the
// tracked links under c/ too, the busiest public path: their route sets each
// answer's policy itself (a served file has its own).
export const config = {
  matcher: ['/((?!api/|c/|_next/static|_next/image|favicon.ico|icon.svg).*)'],
};
