import { RateLimiterMemory, RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import { DataSource } from 'typeorm';
import { AppError } from '../errors/app-error';

export interface ThrottleLimits {
  /** Failures of one login from one address before that pair is refused (until its window ends). */
  perPair: number;
  /** The same while the login or the address is under attack. */
  perPairUnderAttack: number;
  /** Failures of one login from all addresses that put it under attack: every attempt on it is slowed. */
  loginUnderAttack: number;
  /** Failures from one address on all logins that put it under attack. */
  addressUnderAttack: number;
  /** Failures of a pair after which each of its attempts waits. */
  slowAfter: number;
  windowMinutes: number;
}

export const defaultLimits: ThrottleLimits = {
  perPair: 10,
  perPairUnderAttack: 3,
  loginUnderAttack: 10,
  addressUnderAttack: 100,
  slowAfter: 3,
  windowMinutes: 15,
};

/** One live counter of login_throttle. */
export interface ThrottleCounter {
  key: string;
  points: number;
  expire: string | number | null;
}

/** The counters' keys of one attempt (rate-limiter-flexible's "<prefix>:<key>"). */
interface AttemptKeys {
  pair: string;
  login: string;
  address: string | null;
}

const MAX_WAIT_MS = 2_000;
const MAX_SUSPECTS_WAITING = 16;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Sign-in failures, counted in PostgreSQL (shared by every instance) per (login, address), per
 * login and per address. Only the pair that failed is ever refused: a correct password from an
 * address that has not failed for that login always gets checked, so an école behind one NAT
 * address is not refused because of one pupil, and a login attacked from many addresses is slowed
 * (at most 2 s per attempt) but never locked for its owner. The login and address counters only
 * make the pair's allowance smaller (10 → 3) and slow the login down. Refusals happen before
 * argon2, and once seen they are remembered in memory until they expire, so that an attacker's
 * refused attempts cost neither a verification nor a query. Keyed by the login as typed, whether
 * or not it exists, so the throttle itself reveals nothing.
 */
export class LoginThrottle {
  private readonly byPair: RateLimiterPostgres;
  private readonly byLogin: RateLimiterPostgres;
  private readonly byAddress: RateLimiterPostgres;
  /** Pairs known to be refused, until their refusal ends (this instance only: a shortcut). */
  private readonly refused = new RateLimiterMemory({ keyPrefix: 'refused', points: 1, duration: 1 });
  /** Pairs with a check running on this instance that was not counted beforehand (at most one each). */
  private readonly uncountedInFlight = new Set<string>();
  /** Whether a suspect check is running on this instance, and the suspect checks waiting for their turn. */
  private suspectRunning = false;
  private readonly suspectsWaiting: (() => void)[] = [];

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
    };
    // `points` only matters to consume()'s answer, which is ignored: the rules below read the counts.
    this.byPair = new RateLimiterPostgres({ ...common, keyPrefix: 'pair', points: limits.perPair });
    this.byLogin = new RateLimiterPostgres({ ...common, keyPrefix: 'login', points: limits.loginUnderAttack });
    this.byAddress = new RateLimiterPostgres({ ...common, keyPrefix: 'addr', points: limits.addressUnderAttack });
  }

  private static pairOf(login: string, address: string | null): string {
    return `${login}@${address ?? '-'}`;
  }

  private attemptKeys(login: string, address: string | null): AttemptKeys {
    return { pair: `pair:${LoginThrottle.pairOf(login, address)}`, login: `login:${login}`, address: address ? `addr:${address}` : null };
  }

  /** The counters' keys for this attempt, for `countersSql`. */
  keysFor(login: string, address: string | null): string[] {
    const keys = this.attemptKeys(login, address);
    return [keys.pair, keys.login, ...(keys.address ? [keys.address] : [])];
  }

  /**
   * Refuses at once, without reading anything, a pair this instance already saw refused. Call
   * before any query.
   */
  async refuseIfKnown(login: string, address: string | null): Promise<void> {
    const known = await this.refused.get(LoginThrottle.pairOf(login, address));
    if (known && known.msBeforeNext > 0) throw tooMany(known.msBeforeNext);
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
   * Before checking a password, with the counters read by `countersSql`: refuses the pair when it
   * has used its allowance, waits when the pair or the login has failed a lot. The answer records
   * how the check ended; `end()` it in any case.
   */
  async beforeAttempt(login: string, address: string | null, counters: ThrottleCounter[]): Promise<Attempt> {
    const keys = this.attemptKeys(login, address);
    const pairKey = LoginThrottle.pairOf(login, address);
    const live = (key: string | null) => (key ? counters.find((row) => row.key === key) : undefined);
    const pair = live(keys.pair);
    const byLogin = live(keys.login);
    const byAddress = live(keys.address);
    const pairFailures = pair?.points ?? 0;
    const loginFailures = byLogin?.points ?? 0;

    // Under attack, the pair's allowance is smaller for as long as the counter that says so lives.
    const attacks = [
      byLogin && byLogin.points >= this.limits.loginUnderAttack ? byLogin : null,
      byAddress && byAddress.points >= this.limits.addressUnderAttack ? byAddress : null,
    ].filter((row): row is ThrottleCounter => !!row);
    const allowance = attacks.length ? this.limits.perPairUnderAttack : this.limits.perPair;
    const allowanceEnds = attacks.length ? Math.max(...attacks.map(msLeft)) : Infinity;
    const refuse = async (msLeftOfPair: number): Promise<never> => {
      const ms = Math.min(msLeftOfPair, allowanceEnds);
      const seconds = Math.floor(ms / 1000);
      if (seconds > 0) await this.refused.block(pairKey, seconds);
      throw tooMany(ms);
    };
    if (pair && pairFailures >= allowance) await refuse(msLeft(pair));

    // A pair that has failed, or is being tried here at this very moment, is counted before its
    // check, atomically, and with the checks of it still running here that were not: concurrent
    // attempts cannot all pass on the same old count. A clean pair (nearly every sign-in) is
    // counted only if it fails.
    const counted = pairFailures > 0 || this.uncountedInFlight.has(pairKey);
    if (counted) {
      const res = await this.byPair.consume(pairKey).catch((outcome: unknown) => {
        if (outcome instanceof Error) throw outcome;
        return outcome as RateLimiterRes;
      });
      if (res.consumedPoints + (this.uncountedInFlight.has(pairKey) ? 1 : 0) > allowance) await refuse(res.msBeforeNext);
    } else {
      this.uncountedInFlight.add(pairKey);
    }
    // Suspect checks (the pair has failed, or the login or the address is under attack) take turns
    // for argon2, one at a time on this instance: during an attack's first minutes, before its
    // pairs are refused, it uses one worker at most and everyone else keeps the others. A retry
    // (the pair has failed) finding the line full is refused; anyone else waits, never refused.
    const suspect = counted || attacks.length > 0;
    if (counted && this.suspectsWaiting.length >= MAX_SUSPECTS_WAITING) throw tooMany(60_000);
    const attempt = new Attempt(this, login, address, pairFailures, counted, () => {
      if (!counted) this.uncountedInFlight.delete(pairKey);
      if (suspect) this.suspectDone();
    });

    const pairWait = pairFailures >= this.limits.slowAfter ? (pairFailures - this.limits.slowAfter + 1) * 400 : 0;
    // 200 ms once under attack, 200 ms more per 10 failures more.
    const loginWait =
      loginFailures >= this.limits.loginUnderAttack ? (Math.floor((loginFailures - this.limits.loginUnderAttack) / 10) + 1) * 200 : 0;
    const wait = Math.min(MAX_WAIT_MS, Math.max(pairWait, loginWait));
    if (wait > 0) await sleep(wait);
    if (suspect) await this.suspectTurn();
    return attempt;
  }

  private suspectTurn(): Promise<void> {
    if (!this.suspectRunning) {
      this.suspectRunning = true;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.suspectsWaiting.push(resolve));
  }

  private suspectDone(): void {
    const next = this.suspectsWaiting.shift();
    if (next) next();
    else this.suspectRunning = false;
  }

  /** Counts a failure; the pair's own count when the attempt was not counted before its check. */
  async failed(login: string, address: string | null, pairCounted: boolean): Promise<void> {
    await Promise.all([
      pairCounted ? undefined : this.byPair.consume(LoginThrottle.pairOf(login, address)).catch(() => undefined), // over `points`: the count is kept
      this.byLogin.consume(login).catch(() => undefined),
      address ? this.byAddress.consume(address).catch(() => undefined) : undefined,
    ]);
  }

  /** A success forgets this pair's failures only: the login and address counters still tell of an attack. */
  async succeeded(login: string, address: string | null): Promise<void> {
    await this.byPair.delete(LoginThrottle.pairOf(login, address));
  }
}

/** One password check let through by the throttle. */
export class Attempt {
  constructor(
    private readonly throttle: LoginThrottle,
    private readonly login: string,
    private readonly address: string | null,
    /** The pair's failures before this attempt. */
    readonly recentFailures: number,
    private readonly counted: boolean,
    readonly end: () => void,
  ) {}

  failed(): Promise<void> {
    return this.throttle.failed(this.login, this.address, this.counted);
  }

  /** Forgets the pair's failures, when there is something to forget (a clean pair writes nothing). */
  async succeeded(): Promise<void> {
    if (this.recentFailures > 0 || this.counted) await this.throttle.succeeded(this.login, this.address);
  }
}

function msLeft(row: ThrottleCounter): number {
  return row.expire ? Math.max(0, Number(row.expire) - Date.now()) : 60_000;
}

function tooMany(msLeftBeforeRetry: number): AppError {
  return AppError.of('TOO_MANY_ATTEMPTS', { minutes: Math.max(1, Math.ceil(msLeftBeforeRetry / 60_000)) });
}
