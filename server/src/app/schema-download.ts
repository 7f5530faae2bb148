import type { Express } from 'express';
import type { GraphQLSchema } from 'graphql';
import { printContract } from './schema';

/**
 * `GET /schema.graphql`: the published contract (the same text as schema.graphql in the
 * repository), for integrators to browse or feed to their code generators. Public: it names
 * types and fields, no data; the « Développeurs » page links to it.
 */
export function mountSchemaDownload(app: Express, schema: GraphQLSchema): void {
  const text = printContract(schema);
  app.get('/schema.graphql', (_req, res) => {
    res.type('text/plain; charset=utf-8').setHeader('Cache-Control', 'no-cache');
    res.send(text);
  });
}
