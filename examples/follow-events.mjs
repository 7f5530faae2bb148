#!/usr/bin/env node
// @ts-check
/**
 * Follows the events of your scope live over graphql-ws (`eventsSince`), one JSON line each, and
 * keeps the cursor of the last one in a file: started again, it resumes right after it, with no
 * gap and no duplicate (events of the last 7 days; an older cursor answers CURSOR_EXPIRED: read the
 * data again, then start without a cursor).
 *
 *   PREAU_URL=… PREAU_TOKEN=preau_… node examples/follow-events.mjs --curseur curseur.txt [--type report.added] [--max 10]
 *
 * Scope `events:read`, plus `reports:read` for report.* and `directory:read` for account.*.
 * Needs `npm install graphql-ws ws`.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { liveClient } from './lib/live.mjs';
import { configFromEnv } from './lib/preau.mjs';

const { values } = parseArgs({ options: { curseur: { type: 'string' }, type: { type: 'string', multiple: true }, max: { type: 'string' } } });
const cursorFile = values.curseur;
const max = values.max ? Number(values.max) : Infinity;
const after = cursorFile && existsSync(cursorFile) ? readFileSync(cursorFile, 'utf8').trim() || null : null;

const config = configFromEnv();
const client = liveClient(config);

const QUERY = `subscription ($after: String, $types: [String!]) {
  eventsSince(after: $after, types: $types) { id type occurredAt subjectId cursor }
}`;

let received = 0;
const subscription = client.iterate({ query: QUERY, variables: { after, types: values.type ?? null } });
console.error(after ? `Reprise après le curseur enregistré.` : 'Lecture depuis le début du journal (7 jours).');
try {
  for await (const result of subscription) {
    if (result.errors?.length) throw new Error(result.errors.map((error) => error.message).join('; '));
    const event = /** @type {{ eventsSince: { id: string, type: string, occurredAt: string, subjectId: string, cursor: string } }} */ (result.data).eventsSince;
    console.log(JSON.stringify({ id: event.id, type: event.type, occurredAt: event.occurredAt, subjectId: event.subjectId }));
    // Written once the event is handled: a crash before this line sees the event again, never loses it.
    if (cursorFile) writeFileSync(cursorFile, event.cursor);
    if (++received >= max) break;
  }
} finally {
  await client.dispose();
}
