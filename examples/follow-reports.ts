/**
 * An école's day in one program, over graphql-ws: with --ecole, its accounts not activated yet;
 * then the reports of your structure waiting to be treated, and live, each new report
 * (`reportAdded`) and each report treated (`reportTreated`). One JSON line each, with `kind`.
 *
 *   PREAU_URL=… PREAU_TOKEN=preau_… npx tsx examples/follow-reports.ts [--ecole <id>] [--max 10]
 *   (or `node examples/follow-reports.ts` on Node 22.18 or later, which runs TypeScript as is)
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

/** A report as a token reads it: never who reported (only how many and when), never the body. */
interface Report {
  id: string;
  status: 'PENDING' | 'KEPT' | 'DELETED';
  text: string;
  createdAt: string;
  reporterCount: number;
  reportedAt: string[];
  author: { id: string; displayName: string; profile: string } | null;
  treatedAt: string | null;
  treatedBy: string | null;
}

const print = (kind: string, item: object): void => console.log(JSON.stringify({ kind, ...item }));

if (values.ecole) {
  for await (const account of notActivatedAccounts(config, values.ecole)) print('compte-non-activé', account);
}

const client = liveClient(config);
let received = 0;
const feeds: ReturnType<typeof follow>[] = [];
const stopAll = () => feeds.forEach((feed) => feed.stop());
const onLive = (kind: string, report: Report): void => {
  print(kind, report);
  if (++received >= max) stopAll();
};
// Live first, then the list: a report made meanwhile may show twice. What happened while the
// program was not running is in the event log (follow-events.mjs: no gap, no duplicate).
feeds.push(follow(client, `subscription { reportAdded { ${REPORT} } }`, (data: { reportAdded: Report }) => onLive('signalement', data.reportAdded)));
feeds.push(follow(client, `subscription { reportTreated { ${REPORT} } }`, (data: { reportTreated: Report }) => onLive('signalement-traité', data.reportTreated)));
try {
  const { reports }: { reports: { reports: Report[]; hasNextPage: boolean } } = await gql(config, `query { reports(status: PENDING, first: 100) { reports { ${REPORT} } hasNextPage } }`);
  for (const report of reports.reports) print('signalement-en-attente', report);
  console.error(`${reports.reports.length} signalement(s) en attente${reports.hasNextPage ? ' (les 100 plus récents)' : ''} ; suivi en direct…`);
  await Promise.all(feeds.map((feed) => feed.done));
} finally {
  stopAll();
  await client.dispose();
}
