import type { Actor } from '../auth/actor';
import type { Lang } from '../errors/messages';
import type { CostRecord } from '../graphql/cost-accounting';
import type { Services } from './services';

/** What every resolver receives, built the same way for HTTP requests and WebSocket connections (app/context.ts). */
export interface RequestContext {
  actor: Actor | null;
  lang: Lang;
  clientAddress: string | null;
  userAgent: string | null;
  services: Services;
  transport: 'http' | 'ws';
  /** What the operation costs and what its caller may still spend (set before execution). */
  cost?: CostRecord;
  /** Sets or clears the session cookie (HTTP only; a no-op on WebSocket). */
  setSessionCookie(token: string): void;
  clearSessionCookie(): void;
}
