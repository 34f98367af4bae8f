import createNextIntlPlugin from 'next-intl/plugin';

const withNextIntl = createNextIntlPlugin('./lib/i18n/request.ts');

// Sent on every response. frame-ancestors (and X-Frame-Options for old
// browsers) stop click-jacking; the rest keep browsers from guessing types
// and from leaking our URLs to other sites.
const securityHeaders = [
  { key: 'Content-Security-Policy', value: "frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'" },
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=()' },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  serverExternalPackages: ['@electric-sql/pglite', '@node-rs/argon2'],
  // Server actions take forms and small JSON (a plan of 5,000 rows is under
  // 1 MB); CSV files go to /accounts/import/upload, which checks the session
  // and the size before reading the body.
  // The proxy (proxy.ts) buffers the body of every path it covers and
  // silently cuts it at proxyClientMaxBodySize (10 MiB by default). It must
  // exceed the upload limit (20 MiB plus the multipart wrapping), so that the
  // upload route counts a too-large body rather than receiving a cut one.
  experimental: { authInterrupts: true, serverActions: { bodySizeLimit: '2mb' }, proxyClientMaxBodySize: '21mb' },
  async headers() {
    return [{ source: '/:path*', headers: securityHeaders }];
  },
};

export default withNextIntl(nextConfig);
