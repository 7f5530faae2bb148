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

  /**
   * Before checking a password: refuses when blocked, waits when slowed down. Returns the recent
   * failures of this login (so a success only writes when there is something to forget).
   */
  async beforeAttempt(login: string, address: string | null): Promise<number> {
    // Both counters in one round trip, read straight from rate-limiter-flexible's table
    // (its keys are "<prefix>:<key>"; `expire` is in epoch milliseconds).
    const rows: { key: string; points: number; expire: string | null }[] = await this.dataSource.query(
      `SELECT key, points, expire FROM login_throttle
        WHERE key = ANY($1::text[]) AND (expire IS NULL OR expire > (extract(epoch FROM clock_timestamp()) * 1000)::bigint)`,
      [[`login:${login}`, ...(address ? [`addr:${address}`] : [])]],
    );
    const perLogin = rows.find((row) => row.key === `login:${login}`);
    const perAddress = rows.find((row) => row.key === `addr:${address}`);
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
