/**
 * A small structured logger. It never receives secrets: callers pass ids, never codes or passwords,
 * and `redact` strips the known secret keys from any object handed to it.
 */
type Level = 'debug' | 'info' | 'warn' | 'error';
const order: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40 };

/**
 * The keys whose values never reach the log, matched whole (case, `-` and `_` ignored, so SQL rows'
 * `activation_code` and the `Set-Cookie` header count too). Whole keys, not substrings: a pattern
 * like /code/ also ate SMTP's `responseCode`, the one figure that explains a refused e-mail.
 */
export const SECRET_KEYS = [
  'password',
  'passwordConfirmation',
  'newPassword',
  'currentPassword',
  'passwordHash',
  'code',
  'activationCode',
  'renewalCode',
  'codeHash',
  'token',
  'sessionToken',
  'secret',
  'secretKey',
  'cookie',
  'setCookie',
  'authorization',
  'smtpUrl',
] as const;

const normalize = (key: string) => key.replace(/[-_]/g, '').toLowerCase();
const secretKeys = new Set<string>(SECRET_KEYS.map(normalize));

let threshold: Level = (process.env.LOG_LEVEL as Level) || 'info';

export function setLogLevel(level: Level): void {
  threshold = level;
}

export function redact(value: unknown): unknown {
  if (!value || typeof value !== 'object') return value;
  if (value instanceof Error) return { name: value.name, message: value.message };
  if (Array.isArray(value)) return value.map(redact);
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
    out[key] = secretKeys.has(normalize(key)) ? '[redacted]' : redact(item);
  }
  return out;
}

function write(level: Level, message: string, data?: Record<string, unknown>): void {
  if (order[level] < order[threshold]) return;
  const line = { t: new Date().toISOString(), level, msg: message, ...(data ? (redact(data) as object) : {}) };
  const stream = level === 'error' || level === 'warn' ? process.stderr : process.stdout;
  stream.write(JSON.stringify(line) + '\n');
}

export const logger = {
  debug: (message: string, data?: Record<string, unknown>) => write('debug', message, data),
  info: (message: string, data?: Record<string, unknown>) => write('info', message, data),
  warn: (message: string, data?: Record<string, unknown>) => write('warn', message, data),
  error: (message: string, data?: Record<string, unknown>) => write('error', message, data),
};
