import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RunningServer, startServer } from '../app/server';
import { loadConfig } from '../platform/config/config';
import { ThrottleLimits } from '../platform/auth/login-throttle';
import { setLogLevel } from '../platform/logging/logger';
import { cloneTestDatabase } from './test-database';

const TEST_SECRET_KEY = 'a'.repeat(64);

export interface TestServer extends RunningServer {
  /** A fresh GraphQL client with its own cookie jar (one "browser"). */
  client(lang?: 'fr' | 'en'): GraphQLTestClient;
}

/** The real server (HTTP + WebSocket + database) on a free port, against this file's own database. */
export async function startTestServer(
  options: {
    jobs?: boolean;
    env?: Record<string, string>;
    throttleLimits?: ThrottleLimits;
    sharedDatabaseOf?: TestServer;
    /** A database made by the test (e.g. createCLocaleDatabase()), dropped on close; default a clone of the template. */
    database?: { url: string; drop: () => Promise<void> };
    /** The time the API clients' buckets refill by (default the real one). */
    clock?: () => number;
  } = {},
): Promise<TestServer> {
  setLogLevel((process.env.TEST_LOG_LEVEL as 'error') || 'error');
  // A second instance on the same database (cross-instance tests) reuses the first one's.
  const database = options.sharedDatabaseOf
    ? { url: options.sharedDatabaseOf.database.url, drop: async () => undefined }
    : (options.database ?? (await cloneTestDatabase()));
  const dataDir = mkdtempSync(join(tmpdir(), 'preau-test-data-'));
  const config = loadConfig({
    DATABASE_URL: database.url,
    PORT: '0',
    PREAU_DATA_DIR: dataDir,
    // Instances of one test share the key, as production instances share PREAU_SECRET_KEY.
    PREAU_SECRET_KEY: TEST_SECRET_KEY,
    DEMO_DATA: 'false',
    CLIENT_DIR: join(dataDir, 'no-client'),
    LOG_LEVEL: process.env.TEST_LOG_LEVEL || 'error',
    // Tests call the API faster than anyone types; cost-budget.int-spec.ts sets a real allowance.
    GRAPHQL_COST_PER_SECOND: '100000000',
    ...options.env,
  });
  const server = await startServer(config, {
    jobs: options.jobs ?? false,
    clock: options.clock,
    // Generous by default so that tests signing in many times are not throttled.
    throttleLimits: options.throttleLimits ?? {
      perPair: 1000,
      perPairUnderAttack: 1000,
      loginUnderAttack: 100_000,
      addressUnderAttack: 100_000,
      slowAfter: 1000,
      windowMinutes: 15,
    },
  });
  return {
    ...server,
    client: (lang = 'fr') => new GraphQLTestClient(server.url, lang),
    close: async () => {
      await server.close();
      await database.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface GraphQLResult<T = Record<string, unknown>> {
  status: number;
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string; [key: string]: unknown }; path?: string[] }[];
  /** What the operation cost (platform/graphql/cost-accounting.ts). */
  extensions?: { cost?: { requested: number; actual?: number } };
}

/** Speaks GraphQL over HTTP like a browser would: JSON POST, session cookie kept between calls. */
export class GraphQLTestClient {
  cookie: string | undefined;

  constructor(
    readonly baseUrl: string,
    readonly lang: 'fr' | 'en' = 'fr',
  ) {}

  async request<T = Record<string, any>>(query: string, variables: Record<string, unknown> = {}): Promise<GraphQLResult<T>> {
    const response = await fetch(`${this.baseUrl}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'accept-language': this.lang,
        ...(this.cookie ? { cookie: this.cookie } : {}),
      },
      body: JSON.stringify({ query, variables }),
    });
    for (const header of response.headers.getSetCookie()) {
      const [pair] = header.split(';');
      const [name, value] = pair.split('=');
      if (name === 'preau_session') this.cookie = value ? `${name}=${value}` : undefined;
    }
    const body = (await response.json()) as GraphQLResult<T>;
    return { ...body, status: response.status };
  }

  /** Data of a request that must succeed; fails the test with the server's errors otherwise. */
  async data<T = Record<string, any>>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const result = await this.request<T>(query, variables);
    if (result.errors?.length || !result.data) {
      throw new Error(`GraphQL errors: ${JSON.stringify(result.errors)}`);
    }
    return result.data;
  }

  async login(login: string, password: string): Promise<GraphQLResult<{ login: { status: string } }>> {
    return this.request(`mutation ($login: String!, $password: String!) { login(login: $login, password: $password) { status } }`, {
      login,
      password,
    });
  }

  async signIn(login: string, password: string): Promise<this> {
    const result = await this.login(login, password);
    if (result.data?.login.status !== 'SIGNED_IN') throw new Error(`sign-in of ${login} failed: ${JSON.stringify(result)}`);
    return this;
  }
}
