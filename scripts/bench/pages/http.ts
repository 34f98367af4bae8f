// Signing in through next-auth's credentials flow and timing page requests,
// with Node's fetch (keep-alive, like a browser) over 127.0.0.1.

/** Signs in as a browser does; returns the Cookie header of the session. */
export async function signIn(baseUrl: string, email: string, password: string): Promise<string> {
  const jar = new Map<string, string>();
  const keep = (res: Response) => {
    for (const c of res.headers.getSetCookie()) {
      const [pair = ''] = c.split(';');
      const eq = pair.indexOf('=');
      jar.set(pair.slice(0, eq), pair.slice(eq + 1));
    }
  };
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
  const csrfRes = await fetch(`${baseUrl}/api/auth/csrf`);
  keep(csrfRes);
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const res = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookie() },
    body: new URLSearchParams({ csrfToken, email, password, json: 'true' }),
  });
  keep(res);
  if (![...jar.keys()].some((k) => k.endsWith('next-auth.session-token'))) throw new Error(`Signing in as ${email} failed (HTTP ${res.status})`);
  return cookie();
}

export type Sample = { ms: number; status: number; bytes: number };

/** One request, timed until the whole body has arrived. Redirects are not followed: they count as failures. */
export async function timeRequest(url: string, cookie: string): Promise<Sample> {
  const start = performance.now();
  const res = await fetch(url, { headers: { cookie }, redirect: 'manual' });
  const body = await res.arrayBuffer();
  return { ms: performance.now() - start, status: res.status, bytes: body.byteLength };
}

/** `count` requests, `concurrency` at a time (1: one after another). */
export async function timeRequests(url: string, cookie: string, count: number, concurrency: number): Promise<Sample[]> {
  const samples: Sample[] = [];
  let started = 0;
  const worker = async () => {
    while (started < count) {
      started++;
      samples.push(await timeRequest(url, cookie));
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
  return samples;
}
