// bench/client's page: the built server on the bench database, Chromium signed in as the département
// admin on /admin, and the two ways to run one search from it (through the zone, and by bare fetch).
// Shared by run.mjs (the figures) and trace.mjs (where the time goes).
import pg from 'pg';
import { chromium } from 'playwright';
import { benchDatabase, dist, startServer } from '../support/bench-env.mjs';

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

/**
 * Opens the page and returns `terms` (search texts as an admin types them: the first four letters
 * of sampled surnames), `throughUi(term)`, `bare(term)` and `close()`.
 */
export async function openSearchPage({ users, terms: termCount, pauseMs }) {
  const db = await benchDatabase(users);
  dist('../../node_modules/reflect-metadata/Reflect.js');
  const { SecretBox } = dist('platform/crypto/secret-box.js');
  const { findDemoAccounts } = dist('demo/demo-accounts.js');
  const { DEMO_PASSWORD } = dist('demo/demo-loader.js');
  const server = await startServer(db.env);
  const pool = new pg.Pool({ connectionString: db.url, max: 2 });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  const close = async () => {
    await browser.close();
    await pool.end();
    await server.stop();
  };
  try {
    const demo = await findDemoAccounts((sql, params) => pool.query(sql, params).then((r) => r.rows), SecretBox.fromConfig(undefined, db.dataDir));
    const account = demo.byRole.DEPARTEMENT_ADMIN;
    const { rows } = await pool.query(
      `SELECT DISTINCT left(last_name, 4) AS term FROM app_user TABLESAMPLE SYSTEM (1) WHERE length(last_name) >= 4 LIMIT $1`,
      [termCount * 2],
    );
    const terms = rows.map((row) => row.term).slice(0, termCount);

    const page = await browser.newPage({ locale: 'fr-FR' });
    await page.goto(`${server.url}/connexion`);
    await page.getByLabel('Identifiant').fill(account.login);
    await page.getByLabel('Mot de passe', { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.waitForURL(/\/admin$/);
    const field = page.locator('#user-search-input');
    await field.waitFor();

    /** Types `term` into the emptied field after a pause of `pauseMs` (longer than the zone's burst
     * of typing, so the text is a keystroke after a pause), resolves with the time from the input
     * event to the frame after the first result row was added. The steps are marked (`bench:*`)
     * for a performance trace. */
    const throughUi = async (term) => {
      await field.fill('');
      await page.locator('#user-search-results a').first().waitFor({ state: 'detached' }).catch(() => undefined);
      await page.waitForTimeout(pauseMs);
      const painted = page.evaluate(
        () =>
          new Promise((resolve) => {
            const input = document.getElementById('user-search-input');
            let start = 0;
            input.addEventListener(
              'input',
              (event) => {
                start = event.timeStamp;
                performance.mark('bench:input', { startTime: start });
              },
              { once: true },
            );
            const observer = new MutationObserver(() => {
              if (!document.querySelector('#user-search-results a')) return;
              observer.disconnect();
              performance.mark('bench:rows');
              // Painted: the next frame has been drawn once a task after it runs.
              requestAnimationFrame(() => {
                performance.mark('bench:frame');
                const channel = new MessageChannel();
                channel.port1.onmessage = () => {
                  const end = performance.now();
                  performance.mark('bench:end', { startTime: end });
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

    return { page, terms, throughUi, bare, close };
  } catch (error) {
    await close();
    throw error;
  }
}
