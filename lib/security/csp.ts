// The Content-Security-Policy of every page (set by proxy.ts with a fresh
// nonce per request, as Next's CSP guide describes) and the policy of the
// responses the proxy does not see (next.config.js: route handlers under
// /api and static files). One policy per response: two headers would both
// be enforced, and the stricter would silently win.

/** A fresh, unguessable nonce (128 random bits, base64). */
export function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

/**
 * Scripts run only with this response's nonce (Next puts it on its own
 * scripts by reading it from the request's Content-Security-Policy header);
 * 'strict-dynamic' lets those scripts load the page's chunks. An injected
 * inline script or event handler has no nonce and is refused.
 *
 * Styles allow 'unsafe-inline': React writes style attributes into the
 * server HTML (the progress bars on accounts, plan and team) and Radix's
 * menu inserts a <style> element without a nonce. Styles cannot run script;
 * the XSS defence is script-src.
 */
export function pagePolicy({ nonce, dev, https }: { nonce: string; dev: boolean; https: boolean }): string {
  return [
    "default-src 'self'",
    // React rebuilds server error stacks with eval in development only.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self'",
    "connect-src 'self'",
    ...commonDirectives,
    // Only when served over https: on plain http it would point the browser at a port that does not answer.
    ...(https ? ['upgrade-insecure-requests'] : []),
  ].join('; ');
}

// Kept in every policy: no framing (click-jacking), no <base> rewriting,
// forms post only here, no plugins.
const commonDirectives = ["frame-ancestors 'none'", "base-uri 'self'", "form-action 'self'", "object-src 'none'"];
