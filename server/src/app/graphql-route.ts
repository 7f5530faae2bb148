import type { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import express, { Express, NextFunction, Request, Response } from 'express';
import { langFrom } from '../platform/errors/messages';
import type { RequestContext } from '../platform/context/request-context';

/** Largest request body accepted on /graphql (a page of filters or a long message fits many times). */
export const MAX_BODY_BYTES = 256 * 1024;

const bodyErrors = {
  'entity.parse.failed': {
    status: 400,
    fr: "Le corps de la requête n'est pas un JSON valide.",
    en: 'The request body is not valid JSON.',
  },
  'entity.too.large': {
    status: 413,
    fr: 'La requête est trop volumineuse (256 Ko au plus).',
    en: 'The request is too large (256 kB at most).',
  },
} as const;

/**
 * A body that is not JSON, or too large, gets a short French or English error instead of express's
 * HTML page; a client that hung up mid-body gets nothing (nobody is there to read it).
 */
function answerBodyErrors(error: { type?: string } & Error, req: Request, res: Response, next: NextFunction): void {
  const known = bodyErrors[error.type as keyof typeof bodyErrors];
  if (error.type === 'request.aborted') {
    req.socket.destroy();
    return;
  }
  if (!known) return next(error);
  res.setHeader('Connection', 'close');
  res.status(known.status).json({ errors: [{ message: known[langFrom(req.headers['accept-language'])], extensions: { code: 'BAD_REQUEST' } }] });
}

/**
 * GraphQL over HTTP on /graphql through Apollo's express integration. JSON bodies are parsed with a
 * size limit; any other body reaches Apollo as text, which answers it with its own 400 (CSRF
 * prevention, or "not JSON").
 */
export function mountGraphql(app: Express, apollo: ApolloServer<RequestContext>, context: (req: Request, res: Response) => Promise<RequestContext>): void {
  app.use(
    '/graphql',
    express.json({ limit: MAX_BODY_BYTES, type: ['application/json', 'application/*+json'] }),
    express.text({ limit: MAX_BODY_BYTES, type: () => true }),
    answerBodyErrors,
    expressMiddleware(apollo, { context: ({ req, res }) => context(req, res) }),
  );
}
