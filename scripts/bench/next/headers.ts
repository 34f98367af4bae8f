import { cookieJar } from '@/tests/request-context';

// next/headers for a benchmark that calls server actions and route handlers
// in its own process, outside a Next request (scripts/tsconfig.bench-actions.json
// maps the module here), as tests/setup-integration.ts does for the tests:
// the session cookie is a real next-auth token, read by the real session code.

export const cookies = async () => cookieJar;
export const headers = async () => new Headers({ 'accept-language': 'en' });
