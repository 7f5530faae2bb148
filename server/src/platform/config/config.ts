import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** Everything Préau reads from its environment, parsed once at start. */
export interface Config {
  /** Set: use this PostgreSQL server. Unset: start the embedded one in `dataDir`. */
  databaseUrl?: string;
  port: number;
  host: string;
  publicUrl: string;
  /**
   * Origins (scheme://host[:port]) whose pages may open the WebSocket: PUBLIC_URL's, then
   * ALLOWED_ORIGINS (comma-separated); without PUBLIC_URL, also http://127.0.0.1:PORT (a local run).
   */
  allowedOrigins: string[];
  /** Git-ignored folder holding the embedded database, generated keys and the demo outbox. */
  dataDir: string;
  smtpUrl?: string;
  mailFrom: string;
  chromiumPath?: string;
  /** 32-byte key (hex or base64) encrypting activation codes; generated into dataDir when unset. */
  secretKey?: string;
  sessionTtlHours: number;
  /** How long a signed-in actor may be served from memory at most (0: never); see ActorCache. */
  actorCacheSeconds: number;
  secureCookies: boolean;
  /** Load the demo département when the database is empty. */
  demoData: boolean;
  /** Embedded database or DEMO_DATA: without SMTP_URL, e-mail goes to the demo outbox. */
  demoMode: boolean;
  clientDir: string;
  renewalCodeTtlHours: number;
  predeleteGraceDays: number;
  requireEmailForRelatives: boolean;
  logLevel: 'debug' | 'info' | 'warn' | 'error';
  /** Publipostage jobs on pg-boss: expiry of an e-mail batch, SMTP retries (modules/mailings/mailing-jobs.ts). */
  mailing: { jobExpireSeconds: number; retryDelaySeconds: number; maxAttempts: number };
  /** Behind a reverse proxy: trust X-Forwarded-For for client addresses (express "trust proxy"). */
  trustProxy: boolean;
  /** GraphQL cost one person (or one address, signed out) may spend: a bucket of `burst`, refilled at `perSecond` (platform/graphql/cost-budget.ts). */
  costBudget: { perSecond: number; burst: number };
}

function intFrom(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) {
    throw new Error(`${name} doit être un entier positif (reçu « ${raw} »).`);
  }
  return value;
}

function boolFrom(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  return ['1', 'true', 'yes', 'oui'].includes(raw.toLowerCase());
}

/** `https://Ent.example.fr/path` → `https://ent.example.fr`; throws on anything that is not an http(s) URL. */
function originOf(name: string, raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`${name} doit contenir des adresses http(s) (reçu « ${raw} »).`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`${name} doit contenir des adresses http(s) (reçu « ${raw} »).`);
  return url.origin;
}

function allowedOriginsFrom(env: NodeJS.ProcessEnv, publicUrl: string, port: number): string[] {
  const origins = [originOf('PUBLIC_URL', publicUrl)];
  if (!env.PUBLIC_URL) origins.push(`http://127.0.0.1:${port}`);
  for (const entry of (env.ALLOWED_ORIGINS ?? '').split(',')) {
    if (entry.trim()) origins.push(originOf('ALLOWED_ORIGINS', entry.trim()));
  }
  return [...new Set(origins)];
}

export function projectRoot(): string {
  // dist/server/platform/config → project root, and server/src/platform/config → project root.
  return resolve(__dirname, '../../../..');
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const root = projectRoot();
  const port = intFrom(env, 'PORT', 4300);
  const host = env.HOST || '127.0.0.1';
  const dataDir = resolve(env.PREAU_DATA_DIR || join(root, '.data'));
  if (!existsSync(dataDir)) mkdirSync(dataDir, { recursive: true });
  const publicUrl = (env.PUBLIC_URL || `http://localhost:${port}`).replace(/\/$/, '');
  const logLevel = (env.LOG_LEVEL || 'info') as Config['logLevel'];
  return {
    databaseUrl: env.DATABASE_URL || undefined,
    port,
    host,
    publicUrl,
    allowedOrigins: allowedOriginsFrom(env, publicUrl, port),
    dataDir,
    smtpUrl: env.SMTP_URL || undefined,
    mailFrom: env.MAIL_FROM || 'Préau <no-reply@preau.localhost>',
    chromiumPath: env.CHROMIUM_PATH || undefined,
    secretKey: env.PREAU_SECRET_KEY || undefined,
    sessionTtlHours: intFrom(env, 'SESSION_TTL_HOURS', 12),
    actorCacheSeconds: intFrom(env, 'ACTOR_CACHE_SECONDS', 60),
    secureCookies: boolFrom(env, 'SECURE_COOKIES', publicUrl.startsWith('https://')),
    demoData: boolFrom(env, 'DEMO_DATA', !env.DATABASE_URL),
    demoMode: !env.DATABASE_URL || boolFrom(env, 'DEMO_DATA', false),
    clientDir: resolve(env.CLIENT_DIR || join(root, 'dist/client/browser')),
    renewalCodeTtlHours: intFrom(env, 'RENEWAL_CODE_TTL_HOURS', 24),
    predeleteGraceDays: intFrom(env, 'PREDELETE_GRACE_DAYS', 90),
    requireEmailForRelatives: boolFrom(env, 'REQUIRE_EMAIL_FOR_RELATIVES', true),
    trustProxy: boolFrom(env, 'TRUST_PROXY', false),
    // The bucket holds at least one operation at the cost limit (10,000).
    costBudget: { perSecond: Math.max(1, intFrom(env, 'GRAPHQL_COST_PER_SECOND', 2_000)), burst: Math.max(10_000, intFrom(env, 'GRAPHQL_COST_BURST', 20_000)) },
    mailing: {
      jobExpireSeconds: Math.max(1, intFrom(env, 'MAILING_JOB_EXPIRE_SECONDS', 120)),
      retryDelaySeconds: Math.max(1, intFrom(env, 'MAILING_RETRY_DELAY_SECONDS', 60)),
      maxAttempts: Math.max(1, intFrom(env, 'MAILING_MAX_ATTEMPTS', 5)),
    },
    logLevel: ['debug', 'info', 'warn', 'error'].includes(logLevel) ? logLevel : 'info',
  };
}
