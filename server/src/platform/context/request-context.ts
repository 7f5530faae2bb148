import type { Actor } from '../auth/actor';
import type { Lang } from '../errors/messages';
import type { Services } from './services';

/** What every resolver receives, built the same way for HTTP requests and WebSocket connections (app/context.ts). */
export interface RequestContext {
  actor: Actor | null;
  lang: Lang;
  clientAddress: string | null;
  userAgent: string | null;
  services: Services;
  transport: 'http' | 'ws';
  /** Sets or clears the session cookie (HTTP only; a no-op on WebSocket). */
  setSessionCookie(token: string): void;
  clearSessionCookie(): void;
}
