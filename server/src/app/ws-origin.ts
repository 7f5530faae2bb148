import type { IncomingMessage } from 'node:http';
import type { Config } from '../platform/config/config';
import { logger } from '../platform/logging/logger';

type VerifyInfo = { origin: string; secure: boolean; req: IncomingMessage };
type VerifyDone = (accept: boolean, code?: number, message?: string) => void;

/**
 * `ws`'s verifyClient: refuses a WebSocket upgrade from a page of another site (HTTP 403, no socket),
 * since the browser attaches the session cookie whoever opens the socket (cross-site WebSocket
 * hijacking). Accepted: PUBLIC_URL's origin and ALLOWED_ORIGINS (config.allowedOrigins).
 *
 * A request without Origin is accepted: browsers always send it on a WebSocket handshake, so it comes
 * from a program (an integration, a test), which can only present a cookie it was given itself —
 * there is no third-party page whose visitor's cookie could ride along.
 */
export function verifyWebSocketOrigin(config: Pick<Config, 'allowedOrigins'>) {
  const allowed = new Set(config.allowedOrigins);
  return (info: VerifyInfo, done: VerifyDone): void => {
    const origin = info.req.headers.origin;
    if (origin === undefined || allowed.has(origin.toLowerCase())) return done(true);
    logger.warn('websocket refused: origin not allowed', { origin });
    done(false, 403, 'Forbidden');
  };
}
