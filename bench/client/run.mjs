// bench/client: « Rechercher un utilisateur » in Chromium on the million-account département, as its
// admin: from the keystroke that completes the search text to the results painted, against the bare
// HTTP round trip of the same search (the same GraphQL document Apollo sends, fetch() from the same
// page), in the same run. The zone waits DEBOUNCE_MS after the last keystroke before it asks (so
// typing does not send a search per letter): the ratio is given with and without that wait.
//
//   npm run build && DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres node bench/client/run.mjs [--users 1000000] [--terms 30]
import pg from 'pg';
import { chromium } from 'playwright';
import { benchDatabase, dist, fmt, option, percentile, startServer } from '../support/bench-env.mjs';

const USERS = Number(option('users', 1_000_000));
const TERMS = Number(option('terms', 30));
/** The zone's wait after the last keystroke (client/src/app/admin/home/user-search-zone.ts). */
const DEBOUNCE_MS = 250;
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--no-first-run'];
// What Apollo sends for SEARCH_USERS_QUERY (it adds __typename), so both sides ask the same work.
const SEARCH = `query SearchUsers($query: String!, $first: Int!) {
  searchUsers(query: $query, first: $first) {
    id
    displayName
    login
    profile
    activated
    classes
    schools
    __typename
  }
}`;

const db = await benchDatabase(USERS);
dist('../../node_modules/reflect-metadata/Reflect.js');
const { SecretBox } = dist('platform/crypto/secret-box.js');
const { findDemoAccounts } = dist('demo/demo-accounts.js');
const { DEMO_PASSWORD } = dist('demo/demo-loader.js');
const server = await startServer(db.env);
const pool = new pg.Pool({ connectionString: db.url, max: 2 });
const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
try {
  const demo = await findDemoAccounts((sql, params) => pool.query(sql, params).then((r) => r.rows), SecretBox.fromConfig(undefined, db.dataDir));
  const account = demo.byRole.DEPARTEMENT_ADMIN;
  // Search texts as an admin types them: the first letters of surnames spread over the alphabet.
  const { rows } = await pool.query(
    `SELECT DISTINCT left(last_name, 4) AS term FROM app_user TABLESAMPLE SYSTEM (1) WHERE length(last_name) >= 4 LIMIT $1`,
    [TERMS * 2],
  );
  const terms = rows.map((row) => row.term).slice(0, TERMS);

  const page = await browser.newPage({ locale: 'fr-FR' });
  await page.goto(`${server.url}/connexion`);
  await page.getByLabel('Identifiant').fill(account.login);
  await page.getByLabel('Mot de passe', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.waitForURL(/\/admin$/);
  const field = page.locator('#user-search-input');
  await field.waitFor();

  /** Types `term` (the field empty before), resolves with the time from the input event to the
   * frame after the first result row was added. */
  const throughUi = async (term) => {
    await field.fill('');
    await page.locator('#user-search-results a').first().waitFor({ state: 'detached' }).catch(() => undefined);
    const painted = page.evaluate(
      () =>
        new Promise((resolve) => {
          const input = document.getElementById('user-search-input');
          let start = 0;
          input.addEventListener('input', (event) => (start = event.timeStamp), { once: true });
          const observer = new MutationObserver(() => {
            if (!document.querySelector('#user-search-results a')) return;
            observer.disconnect();
            // Painted: the next frame has been drawn once a task after it runs.
            requestAnimationFrame(() => {
              const channel = new MessageChannel();
              channel.port1.onmessage = () => {
                const end = performance.now();
                // The search's request, as the browser's resource timing saw it.
                const request = performance
                  .getEntriesByType('resource')
                  .filter((entry) => entry.name.endsWith('/graphql') && entry.startTime >= start)
                  .at(-1);
                resolve({
                  total: end - start,
                  beforeRequest: request ? request.startTime - start : NaN,
                  request: request ? request.responseEnd - request.startTime : NaN,
                  afterResponse: request ? end - request.responseEnd : NaN,
                });
              };
              channel.port2.postMessage(null);
            });
          });
          observer.observe(document.body, { childList: true, subtree: true });
        }),
    );
    await field.fill(term);
    return painted;
  };
  /** The same search by fetch() from the same page and session: request to parsed answer. */
  const bare = (term) =>
    page.evaluate(
      async ({ query, term }) => {
        const start = performance.now();
        const response = await fetch('/graphql', {
          method: 'POST',
          credentials: 'same-origin',
          headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json,application/json;q=0.9', 'accept-language': 'fr' },
          body: JSON.stringify({ operationName: 'SearchUsers', query, variables: { query: term, first: 20 } }),
        });
        const body = await response.json();
        if (!body.data?.searchUsers?.length) throw new Error(`no result for ${term}`);
        return performance.now() - start;
      },
      { query: SEARCH, term },
    );

  // Warm both paths (the server's prepared statements, V8, the lazy chunks).
  for (const term of terms.slice(0, 5)) {
    await throughUi(term);
    await bare(term);
  }
  const ui = [];
  const http = [];
  for (const [i, term] of terms.entries()) {
    // Each term both ways, alternating which goes first, so neither always meets warm buffers.
    if (i % 2 === 0) {
      ui.push(await throughUi(term));
      http.push(await bare(term));
    } else {
      http.push(await bare(term));
      ui.push(await throughUi(term));
    }
  }
  const part = (key) => ui.map((sample) => sample[key]).sort((a, b) => a - b);
  const [total, beforeRequest, request, afterResponse] = ['total', 'beforeRequest', 'request', 'afterResponse'].map(part);
  http.sort((a, b) => a - b);
  const p = (list, q) => percentile(list, q);
  console.log(`\nbench/client — ${USERS.toLocaleString('en')} accounts, département admin, « Rechercher un utilisateur », ${terms.length} terms`);
  console.log(`  keystroke → results painted   p50 ${fmt(p(total, 50)).padStart(9)}  p95 ${fmt(p(total, 95)).padStart(9)}`);
  console.log(`    keystroke → request sent    p50 ${fmt(p(beforeRequest, 50)).padStart(9)}  (the ${DEBOUNCE_MS} ms typing wait, Angular, Apollo)`);
  console.log(`    request → response          p50 ${fmt(p(request, 50)).padStart(9)}`);
  console.log(`    response → painted          p50 ${fmt(p(afterResponse, 50)).padStart(9)}  (Apollo, rendering, the next frame)`);
  console.log(`  baseline: bare HTTP round trip p50 ${fmt(p(http, 50)).padStart(9)}  p95 ${fmt(p(http, 95)).padStart(9)}  (fetch from the same page)`);
  console.log(`  ratio p50: ${(p(total, 50) / p(http, 50)).toFixed(2)}× with the ${DEBOUNCE_MS} ms typing wait; ${((p(total, 50) - DEBOUNCE_MS) / p(http, 50)).toFixed(2)}× without it`);
} finally {
  await browser.close();
  await pool.end();
  await server.stop();
}
