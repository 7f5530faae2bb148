#!/usr/bin/env node
// @ts-check
/**
 * An école's day in one program, over graphql-ws: with --ecole, its accounts not activated yet;
 * then the reports of your structure waiting to be treated, and live, each new report
 * (`reportAdded`) and each report treated (`reportTreated`). One JSON line each, with `kind`.
 *
 *   PREAU_URL=… PREAU_TOKEN=preau_… node examples/follow-reports.mjs [--ecole <id>] [--max 10]
 *
 * Scope `reports:read` (and `directory:read` for --ecole; `directory:identity:read` for the names
 * of authors and accounts instead of pseudonyms). A token never reads who reported (only how many
 * and when) nor the body of a reported post. Needs `npm install graphql-ws ws`.
 */
import { parseArgs } from 'node:util';
import { follow, liveClient } from './lib/live.mjs';
import { notActivatedAccounts } from './lib/not-activated.mjs';
import { configFromEnv, gql } from './lib/preau.mjs';

const { values } = parseArgs({ options: { ecole: { type: 'string' }, max: { type: 'string' } } });
const max = values.max ? Number(values.max) : Infinity;
const config = configFromEnv();

const REPORT = 'id status text createdAt reporterCount reportedAt author { id displayName profile } treatedAt treatedBy';
/** @param {string} kind @param {Record<string, unknown>} report */
const print = (kind, report) => console.log(JSON.stringify({ kind, ...report }));

if (values.ecole) {
  for await (const account of notActivatedAccounts(config, values.ecole)) print('compte-non-activé', account);
}

const client = liveClient(config);
let received = 0;
/** @type {{ done: Promise<void>, stop: () => void }[]} */
const feeds = [];
const stopAll = () => feeds.forEach((feed) => feed.stop());
/** @param {string} kind @param {Record<string, unknown>} report */
const onLive = (kind, report) => {
  print(kind, report);
  if (++received >= max) stopAll();
};
// Live first, then the list: a report made meanwhile may show twice. What happened while the
// program was not running is in the event log (follow-events.mjs: no gap, no duplicate).
feeds.push(follow(client, `subscription { reportAdded { ${REPORT} } }`, (data) => onLive('signalement', data.reportAdded)));
feeds.push(follow(client, `subscription { reportTreated { ${REPORT} } }`, (data) => onLive('signalement-traité', data.reportTreated)));
try {
  const { reports } = await gql(config, `query { reports(status: PENDING, first: 100) { reports { ${REPORT} } hasNextPage } }`);
  for (const report of reports.reports) print('signalement-en-attente', report);
  console.error(`${reports.reports.length} signalement(s) en attente${reports.hasNextPage ? ' (les 100 plus récents)' : ''} ; suivi en direct…`);
  await Promise.all(feeds.map((feed) => feed.done));
} finally {
  stopAll();
  await client.dispose();
}
