#!/usr/bin/env node
// @ts-check
/**
 * The pupils of a class, page by page, one JSON line each.
 *
 *   PREAU_URL=https://ent.example.fr PREAU_TOKEN=preau_… node examples/class-pupils.mjs --classe <id> [--par-page 50]
 *
 * Scope `directory:read`. Without `directory:identity:read` the names are pseudonyms proper to your
 * client (the same person always gets the same one); with it, the real names.
 */
import { parseArgs } from 'node:util';
import { allNodes, configFromEnv } from './lib/preau.mjs';

const { values } = parseArgs({ options: { classe: { type: 'string' }, 'par-page': { type: 'string', default: '50' } } });
if (!values.classe) {
  console.error('Usage : node examples/class-pupils.mjs --classe <id de la classe> [--par-page 50]');
  process.exit(2);
}

const QUERY = `query ($classId: ID!, $first: Int!, $after: String) {
  users(first: $first, after: $after, filter: { classIds: [$classId], profiles: [STUDENT] }) {
    edges { node { id displayName activated } }
    pageInfo { endCursor hasNextPage }
  }
}`;

const config = configFromEnv();
for await (const pupil of allNodes(config, QUERY, { classId: values.classe, first: Number(values['par-page']) }, (data) => data.users)) {
  console.log(JSON.stringify(pupil));
}
