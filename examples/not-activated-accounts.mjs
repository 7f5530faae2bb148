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
import { notActivatedAccounts } from './lib/not-activated.mjs';
import { configFromEnv } from './lib/preau.mjs';

const { values } = parseArgs({ options: { ecole: { type: 'string' }, profil: { type: 'string', multiple: true } } });
if (!values.ecole) {
  console.error("Usage : node examples/not-activated-accounts.mjs --ecole <id de l'école> [--profil STUDENT|RELATIVE|TEACHER|PERSONNEL|GUEST]");
  process.exit(2);
}

const config = configFromEnv();
for await (const account of notActivatedAccounts(config, values.ecole, values.profil ?? null)) {
  console.log(JSON.stringify(account));
}
