import { RateLimiterPostgres } from 'rate-limiter-flexible';
import { DataSource } from 'typeorm';
import { AppError } from '../errors/app-error';

export interface ThrottleLimits {
  /** Failures per login before it is refused for `blockMinutes`. */
  perLogin: number;
  /** Failures per client address before it is refused for `blockMinutes`. */
  perAddress: number;
  /** Failures per login after which each attempt is slowed down. */
  slowAfter: number;
  windowMinutes: number;
  blockMinutes: number;
}

export const defaultLimits: ThrottleLimits = { perLogin: 10, perAddress: 100, slowAfter: 3, windowMinutes: 15, blockMinutes: 15 };

/** One live counter of login_throttle. */
export interface ThrottleCounter {
  key: string;
  points: number;
  expire: string | number | null;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Repeated sign-in failures, counted in PostgreSQL (shared by every instance): first slowed down
 * (up to 2 s per attempt), then refused for a while with a clear message. Keyed by the login as
 * typed, whether or not it exists, so the throttle itself reveals nothing.
 */
export class LoginThrottle {
  private readonly byLogin: RateLimiterPostgres;
  private readonly byAddress: RateLimiterPostgres;

  constructor(
    private readonly dataSource: DataSource,
    private readonly limits: ThrottleLimits = defaultLimits,
  ) {
    const common = {
      storeClient: dataSource,
      storeType: 'typeorm',
      tableName: 'login_throttle',
      tableCreated: true, // by migration
      duration: limits.windowMinutes * 60,
      blockDuration: limits.blockMinutes * 60,
    };
    this.byLogin = new RateLimiterPostgres({ ...common, keyPrefix: 'login', points: limits.perLogin });
    this.byAddress = new RateLimiterPostgres({ ...common, keyPrefix: 'addr', points: limits.perAddress });
  }

  /** The counters' keys for this attempt (rate-limiter-flexible's "<prefix>:<key>"). */
  keysFor(login: string, address: string | null): string[] {
    return [`login:${login}`, ...(address ? [`addr:${address}`] : [])];
  }

  /**
   * A scalar subquery reading the live counters of `keysParam` (a text[] placeholder) straight from
   * rate-limiter-flexible's table, as JSON: the sign-in reads them in the same statement as the
   * account (one round trip). `expire` is in epoch milliseconds.
   */
  countersSql(keysParam: string): string {
    return `(SELECT COALESCE(json_agg(json_build_object('key', t.key, 'points', t.points, 'expire', t.expire)), '[]'::json)
               FROM login_throttle t
              WHERE t.key = ANY(${keysParam}) AND (t.expire IS NULL OR t.expire > (extract(epoch FROM clock_timestamp()) * 1000)::bigint))`;
  }

  /**
   * Before checking a password, with the counters read by `countersSql`: refuses when blocked,
   * waits when slowed down. Returns the recent failures of this login (so a success only writes
   * when there is something to forget).
   */
  async beforeAttempt(login: string, address: string | null, counters: ThrottleCounter[]): Promise<number> {
    const perLogin = counters.find((row) => row.key === `login:${login}`);
    const perAddress = address ? counters.find((row) => row.key === `addr:${address}`) : undefined;
    const refused = [
      perLogin && perLogin.points >= this.limits.perLogin ? perLogin : null,
      perAddress && perAddress.points >= this.limits.perAddress ? perAddress : null,
    ].filter((row): row is NonNullable<typeof row> => !!row);
    if (refused.length) {
      const msLeft = Math.max(...refused.map((row) => (row.expire ? Number(row.expire) - Date.now() : this.limits.blockMinutes * 60_000)));
      throw AppError.of('TOO_MANY_ATTEMPTS', { minutes: Math.max(1, Math.ceil(msLeft / 60_000)) });
    }
    const failures = perLogin?.points ?? 0;
    if (failures >= this.limits.slowAfter) await sleep(Math.min(2_000, (failures - this.limits.slowAfter + 1) * 400));
    return failures;
  }

  async failed(login: string, address: string | null): Promise<void> {
    await Promise.all([
      this.byLogin.consume(login).catch(() => undefined), // over the limit: the block is recorded, nothing to do
      address ? this.byAddress.consume(address).catch(() => undefined) : undefined,
    ]);
  }

  async succeeded(login: string): Promise<void> {
    await this.byLogin.delete(login);
  }
}
