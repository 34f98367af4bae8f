import { NextResponse, type NextRequest } from 'next/server';
import { sessionCookieName } from '@/lib/auth/cookie';

// Reachable without a session cookie. /feeds/<token>.ics is fetched by
// calendar servers, which have none: its handler checks the secret token.
const publicPaths = ['/login', '/feeds'];

/**
 * Only a convenience: visitors with no session cookie go to sign-in and come
 * back after. It is not an access check: every page, action and route
 * handler checks the session itself (lib/auth/current-user.ts).
 */
export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const headers = new Headers(request.headers);
  headers.set('x-touchplan-path', pathname + search);
  const isPublic = publicPaths.some((p) => pathname === p || pathname.startsWith(p + '/'));
  if (!isPublic && !request.cookies.has(sessionCookieName())) {
    const url = request.nextUrl.clone();
    url.pathname = '/login';
    url.search = `?callbackUrl=${encodeURIComponent(pathname + search)}`;
    return NextResponse.redirect(url);
  }
  return NextResponse.next({ request: { headers } });
}

export const config = {
  matcher: ['/((?!api/|_next/static|_next/image|favicon.ico|icon.svg).*)'],
};
