import createNextIntlPlugin from 'next-intl/plugin';
import { pathsWithoutProxy, staticPolicy } from './lib/security/static-policy.js';

const withNextIntl = createNextIntlPlugin('./lib/i18n/request.ts');

// Sent on every response. X-Frame-Options stops click-jacking in old
// browsers (frame-ancestors in the CSP does in new ones); the rest keep
// browsers from guessing types and from leaking our URLs to other sites.
// The Content-Security-Policy of pages comes from proxy.ts (it needs a nonce
// per request); here only the paths the proxy skips get one.
const securityHeaders = [
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=()' },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  serverExternalPackages: ['@electric-sql/pglite', '@node-rs/argon2', 'pg-boss'],
  // Server actions take forms and small JSON (a plan of 5,000 rows is under
  // 1 MB); CSV files go to /accounts/import/upload, which checks the session
  // and the size before reading the body.
  // The proxy (proxy.ts) buffers the body of every path it covers and
  // silently cuts it at proxyClientMaxBodySize (10 MiB by default). It must
  // exceed the upload limit (20 MiB plus the multipart wrapping), so that the
  // upload route counts a too-large body rather than receiving a cut one.
  experimental: { authInterrupts: true, serverActions: { bodySizeLimit: '2mb' }, proxyClientMaxBodySize: '21mb' },
  async headers() {
    return [
      { source: '/:path*', headers: securityHeaders },
      ...pathsWithoutProxy.map((source) => ({ source, headers: [{ key: 'Content-Security-Policy', value: staticPolicy }] })),
    ];
  },
};

export default withNextIntl(nextConfig);
