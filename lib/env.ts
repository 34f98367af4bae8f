import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

// Every environment variable the app reads, in one place (the README lists them).

export function databaseUrl(): string | undefined {
  return process.env.DATABASE_URL || undefined;
}

/** The embedded database's folder; `memory://` keeps it in memory (tests). */
export function dataDir(): string {
  return process.env.DATA_DIR || '.data';
}

/** Where program and content emails go (smtp://user:pass@host:port); unset: nothing is emailed, links go out by mail merge. */
export function smtpUrl(): string | undefined {
  return process.env.SMTP_URL || undefined;
}

/** The From address of content and program emails. */
export function smtpFrom(): string {
  return process.env.SMTP_FROM || `Touchplan <no-reply@${new URL(appUrl()).hostname}>`;
}

export function isEmbedded(): boolean {
  return !databaseUrl();
}

export function isInMemory(): boolean {
  return dataDir().startsWith('memory://');
}

let generatedSecret: string | undefined;

/**
 * NEXTAUTH_SECRET when set. The embedded demo generates one on first use and
 * keeps it in the data folder so sessions survive a restart; production
 * (DATABASE_URL set) must set it, see assertProductionConfig.
 */
export function authSecret(): string {
  const fromEnv = process.env.NEXTAUTH_SECRET;
  if (fromEnv) return fromEnv;
  if (!isEmbedded()) throw new ConfigError(missingSecretMessage);
  if (isInMemory()) return (generatedSecret ??= randomBytes(32).toString('base64url'));
  const dir = path.resolve(/*turbopackIgnore: true*/ dataDir());
  const file = path.join(dir, 'auth-secret');
  if (!existsSync(file)) {
    mkdirSync(dir, { recursive: true });
    writeFileSync(file, randomBytes(32).toString('base64url'), { mode: 0o600, flag: 'wx' });
  }
  return readFileSync(file, 'utf8').trim();
}

/** The public URL of the app. Cookies are Secure whenever it is https. */
export function appUrl(): string {
  return process.env.NEXTAUTH_URL || `http://localhost:${process.env.PORT || 3000}`;
}

export function secureCookies(): boolean {
  return appUrl().startsWith('https://');
}

/**
 * TRUST_PROXY: how many proxies in front of the app append the client's
 * address to X-Forwarded-For (1 for one load balancer). 0 or unset: the
 * header is not trusted (see lib/auth/client-address.ts).
 */
export function trustedProxyHops(): number {
  const v = (process.env.TRUST_PROXY ?? '').trim().toLowerCase();
  if (v === 'true') return 1;
  return /^\d{1,2}$/.test(v) ? Number(v) : 0;
}

export class ConfigError extends Error {}

const missingSecretMessage =
  'NEXTAUTH_SECRET is not set. With DATABASE_URL set the app runs in production mode and needs a long random ' +
  'secret shared by every app instance, e.g. NEXTAUTH_SECRET=$(openssl rand -base64 32).';

/** Called once at server start: production refuses to run half-configured. */
export function assertProductionConfig(): void {
  if (isEmbedded()) return;
  const problems: string[] = [];
  if (!process.env.NEXTAUTH_SECRET) problems.push(missingSecretMessage);
  else if (process.env.NEXTAUTH_SECRET.length < 32) problems.push('NEXTAUTH_SECRET must be at least 32 characters.');
  const url = process.env.NEXTAUTH_URL;
  if (!url) {
    problems.push('NEXTAUTH_URL is not set: set it to the public URL users open, e.g. https://touchplan.example.com.');
  } else if (!url.startsWith('https://') && !/^http:\/\/(localhost|127\.0\.0\.1)(:|\/|$)/.test(url)) {
    problems.push('NEXTAUTH_URL must be an https:// URL (plain http is allowed only for localhost).');
  }
  const trust = (process.env.TRUST_PROXY ?? '').trim();
  if (trust && !/^(\d{1,2}|true)$/i.test(trust)) problems.push('TRUST_PROXY must be the number of proxies in front of the app (e.g. 1), or unset.');
  if (problems.length) throw new ConfigError(`Touchplan cannot start:\n- ${problems.join('\n- ')}`);
}
