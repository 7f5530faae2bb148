#!/usr/bin/env node
// @ts-check
/**
 * An école's accounts not activated yet (« Utilisateurs non activés »), one JSON line each: the
 * list to chase before the back-to-school meeting.
 *
 *   PREAU_URL=… PREAU_TOKEN=preau_… node examples/not-activated-accounts.mjs --ecole <id> [--profil RELATIVE]
 *
 * Scope `directory:read` (and `directory:identity:read` for the names).
 */
import { parseArgs } from 'node:util';
import { allNodes, configFromEnv } from './lib/preau.mjs';

const { values } = parseArgs({ options: { ecole: { type: 'string' }, profil: { type: 'string', multiple: true } } });
if (!values.ecole) {
  console.error("Usage : node examples/not-activated-accounts.mjs --ecole <id de l'école> [--profil STUDENT|RELATIVE|TEACHER|PERSONNEL|GUEST]");
  process.exit(2);
}

const QUERY = `query ($ecole: ID!, $profiles: [Profile!], $first: Int!, $after: String) {
  users(first: $first, after: $after, filter: { structureId: $ecole, activated: false, profiles: $profiles }) {
    edges { node { id displayName profile } }
    pageInfo { endCursor hasNextPage }
  }
}`;

const config = configFromEnv();
const variables = { ecole: values.ecole, profiles: values.profil ?? null, first: 100 };
for await (const account of allNodes(config, QUERY, variables, (data) => data.users)) {
  console.log(JSON.stringify(account));
}
