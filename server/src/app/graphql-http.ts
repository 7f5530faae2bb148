import { ApolloServer, HeaderMap, HTTPGraphQLRequest } from '@apollo/server';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Lang, langFrom } from '../platform/errors/messages';
import { logger } from '../platform/logging/logger';
import type { RequestContext } from '../platform/context/request-context';
import { applySecurityHeaders } from './http';

/** Largest request body accepted on /graphql (a page of filters or a long message fits many times). */
export const MAX_BODY_BYTES = 256 * 1024;

const bodyErrors = {
  BAD_JSON: {
    status: 400,
    fr: "Le corps de la requête n'est pas un JSON valide.",
    en: 'The request body is not valid JSON.',
  },
  BODY_TOO_LARGE: {
    status: 413,
    fr: 'La requête est trop volumineuse (256 Ko au plus).',
    en: 'The request is too large (256 kB at most).',
  },
} as const;

class BodyError extends Error {
  constructor(readonly code: keyof typeof bodyErrors) {
    super(code);
  }
}

export function isGraphqlPath(url: string | undefined): boolean {
  if (!url?.startsWith('/graphql')) return false;
  const rest = url.slice('/graphql'.length);
  return rest === '' || rest[0] === '?' || rest === '/' || rest.startsWith('/?');
}

function readBody(req: IncomingMessage): Promise<string> {
  const declared = Number(req.headers['content-length']);
  if (declared > MAX_BODY_BYTES) return Promise.reject(new BodyError('BODY_TOO_LARGE'));
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    let size = 0;
    req.on('data', (part: Buffer) => {
      size += part.length;
      if (size > MAX_BODY_BYTES) {
        req.removeAllListeners('data');
        req.resume();
        reject(new BodyError('BODY_TOO_LARGE'));
        return;
      }
      parts.push(part);
    });
    req.on('end', () => resolve(parts.length === 1 ? parts[0]!.toString('utf8') : Buffer.concat(parts).toString('utf8')));
    req.on('error', reject);
    // A client that hangs up mid-body: nothing more will come, and nobody to answer.
    req.on('close', () => {
      if (!req.complete) reject(new Error('request aborted'));
    });
  });
}

/** JSON bodies are parsed; anything else reaches Apollo as text, which answers it with its own 400. */
async function parsedBody(req: IncomingMessage): Promise<unknown> {
  if (req.method !== 'POST') return undefined;
  const text = await readBody(req);
  const type = req.headers['content-type'] ?? '';
  if (!/^application\/(.+\+)?json\b/i.test(type)) return text;
  if (text === '') return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new BodyError('BAD_JSON');
  }
}

function sendBodyError(res: ServerResponse, error: BodyError, lang: Lang): void {
  const { status, ...texts } = bodyErrors[error.code];
  res.statusCode = status;
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('Connection', 'close');
  res.end(JSON.stringify({ errors: [{ message: texts[lang], extensions: { code: 'BAD_REQUEST' } }] }));
}

/**
 * /graphql straight on node:http, the way Apollo's express integration does it minus express: the
 * router, body-parser and ETag hashing were a seventh of the main thread's work per request, and
 * they bought nothing here (one path, JSON only, answers that are never cached). A body that is not
 * JSON or is too large gets a short French or English error instead of express's HTML page.
 */
export function graphqlHttpHandler(
  apollo: ApolloServer<RequestContext>,
  context: (req: IncomingMessage, res: ServerResponse) => Promise<RequestContext>,
): (req: IncomingMessage, res: ServerResponse) => void {
  apollo.assertStarted('graphqlHttpHandler()');
  return (req, res) => {
    applySecurityHeaders(res);
    void handle(req, res).catch((error: unknown) => {
      if (error instanceof BodyError) return sendBodyError(res, error, langFrom(req.headers['accept-language']));
      if (req.complete) logger.error('GraphQL over HTTP failed', { error: (error as Error).message, stack: (error as Error).stack });
      res.destroy();
    });
  };

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await parsedBody(req);
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    }
    const query = req.url!.indexOf('?');
    const request: HTTPGraphQLRequest = {
      method: req.method!.toUpperCase(),
      headers,
      search: query >= 0 ? req.url!.slice(query) : '',
      body,
    };
    const response = await apollo.executeHTTPGraphQLRequest({ httpGraphQLRequest: request, context: () => context(req, res) });
    for (const [key, value] of response.headers) res.setHeader(key, value);
    res.statusCode = response.status ?? 200;
    if (response.body.kind === 'complete') {
      res.end(response.body.string);
      return;
    }
    for await (const chunk of response.body.asyncIterator) res.write(chunk);
    res.end();
  }
}
