import express, { Express, NextFunction, Request, Response } from 'express';
import { existsSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { Config } from '../platform/config/config';

/**
 * The client address as the audit log records it. Behind a reverse proxy (TRUST_PROXY=1) the
 * left-most X-Forwarded-For entry the proxy appended; otherwise the socket peer.
 */
export function clientAddressOf(req: IncomingMessage, config: Pick<Config, 'trustProxy'>): string | null {
  if (config.trustProxy) {
    const forwarded = req.headers['x-forwarded-for'];
    const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(',')[0]?.trim();
    if (first) return first;
  }
  return req.socket.remoteAddress ?? null;
}

/** Sent with every answer (/graphql included). */
function applySecurityHeaders(res: ServerResponse): void {
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('Referrer-Policy', 'same-origin');
  res.setHeader(
    'Content-Security-Policy',
    "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; script-src 'self'; connect-src 'self' ws: wss:; frame-ancestors 'none'; base-uri 'self'; form-action 'self'",
  );
}

function securityHeaders(_req: Request, res: Response, next: NextFunction): void {
  applySecurityHeaders(res);
  next();
}

/** The express app: health check, then /graphql, downloads and the Angular client (mounted by server.ts). */
export function createHttpApp(config: Config): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', config.trustProxy);
  app.use(securityHeaders);
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  return app;
}

/** Serves the built client with SPA fallback: any non-API GET returns index.html. */
export function serveClient(app: Express, config: Config): void {
  const index = join(config.clientDir, 'index.html');
  if (!existsSync(index)) {
    app.get(/^\/(?!graphql).*/, (_req, res) => {
      res
        .status(503)
        .type('text/plain; charset=utf-8')
        .send("L'interface de Préau n'est pas construite. Lancez « npm start » (qui la construit) ou « npx nx run client:build ».");
    });
    return;
  }
  app.use(express.static(config.clientDir, { index: false, maxAge: '1h', setHeaders: (res, path) => {
    if (path.endsWith('.html')) res.setHeader('Cache-Control', 'no-cache');
  } }));
  app.get(/^\/(?!graphql).*/, (_req, res) => {
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
}
