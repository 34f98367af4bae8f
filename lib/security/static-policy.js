// The policy of responses the proxy does not see (route handlers under
// /api, static files). They are not pages: nothing may run or load. Plain
// JavaScript because next.config.js imports it.
export const staticPolicy = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'; object-src 'none'";

// The paths proxy.ts's matcher skips (keep the two lists the same): these,
// and only these, get staticPolicy, so no response carries two policies.
export const pathsWithoutProxy = ['/api/:path*', '/_next/static/:path*', '/_next/image', '/favicon.ico', '/icon.svg'];
