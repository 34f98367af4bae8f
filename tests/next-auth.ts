import NextAuth from 'next-auth';
import { authOptions } from '@/lib/auth/options';
import { cookieJar } from './request-context';

export type NextAuthReply = { status: number; body: unknown; cookies: Map<string, string>; location?: string };

/**
 * Calls next-auth's own request handler (the one behind /api/auth/*) with
 * the jar's cookies, as a browser would: `session` renews the token,
 * `callback/credentials` signs in through `authorize`. Cookies it sets go
 * back into the jar.
 */
export async function callNextAuth(
  path: string[],
  init: { method?: 'GET' | 'POST'; body?: Record<string, string>; headers?: Record<string, string> } = {},
): Promise<NextAuthReply> {
  const headers: Record<string, string | string[]> = { host: 'localhost:3000', ...init.headers };
  let status = 200;
  let body: unknown;
  const req = {
    query: { nextauth: path },
    method: init.method ?? 'GET',
    body: init.body,
    headers,
    cookies: Object.fromEntries(cookieJar.getAll().map((c) => [c.name, c.value])),
  };
  const res = {
    status(s: number) {
      status = s;
      return res;
    },
    setHeader(name: string, value: string | string[]) {
      headers[`res:${name.toLowerCase()}`] = value;
    },
    getHeader(name: string) {
      return headers[`res:${name.toLowerCase()}`];
    },
    send(b: unknown) {
      body = b;
    },
    json(b: unknown) {
      body = b;
    },
    end() {},
  };
  await (NextAuth as unknown as (req: unknown, res: unknown, options: unknown) => Promise<void>)(req, res, authOptions());
  const cookies = new Map<string, string>();
  const setCookie = headers['res:set-cookie'];
  for (const line of Array.isArray(setCookie) ? setCookie : setCookie ? [setCookie] : []) {
    const [pair] = line.split(';');
    const eq = pair!.indexOf('=');
    const name = pair!.slice(0, eq);
    const value = decodeURIComponent(pair!.slice(eq + 1));
    cookies.set(name, value);
    if (value && !/Max-Age=0|Expires=Thu, 01 Jan 1970/i.test(line)) cookieJar.set(name, value);
    else cookieJar.delete(name);
  }
  const location = headers['res:location'];
  return { status, body, cookies, location: typeof location === 'string' ? location : undefined };
}

/** Signs in through next-auth's credentials callback (CSRF token and all), leaving the session cookie in the jar. */
export async function signInThroughNextAuth(email: string, password: string, headers: Record<string, string> = {}) {
  const csrf = await callNextAuth(['csrf']);
  const csrfToken = (csrf.body as { csrfToken: string }).csrfToken;
  return callNextAuth(['callback', 'credentials'], {
    method: 'POST',
    body: { email, password, csrfToken, json: 'true' },
    headers,
  });
}
