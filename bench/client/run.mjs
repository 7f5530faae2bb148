// bench/client: « Rechercher un utilisateur » in Chromium on the million-account département, as its
// admin: from the keystroke that completes the search text to the results painted, against the bare
// HTTP round trip of the same search (the same GraphQL document Apollo sends, fetch() from the same
// page), in the same run. The zone searches a text typed after a pause at once, and waits for a
// pause of BURST_MS when keys come faster than that (searchAsYouType): the text is typed here after
// a pause; the last key of a fast burst waits BURST_MS more, by design, and is given as such.
//
//   npm run build && DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres node bench/client/run.mjs [--users 1000000] [--terms 30]
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fmt, option, percentile, root } from '../support/bench-env.mjs';
import { openSearchPage } from './search-page.mjs';

const USERS = Number(option('users', 1_000_000));
const TERMS = Number(option('terms', 30));
/** The zone's burst of typing, read from its source so the bench follows it. */
const ZONE = 'client/src/app/admin/home/user-search-zone.ts';
const BURST_MS = Number(/const BURST_MS = (\d+);/.exec(readFileSync(join(root, ZONE), 'utf8'))?.[1]);
if (!BURST_MS) throw new Error(`no BURST_MS in ${ZONE}`);

const { terms, throughUi, bare, close } = await openSearchPage({ users: USERS, terms: TERMS, pauseMs: BURST_MS + 50 });
try {
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
  console.log(`    keystroke → request sent    p50 ${fmt(p(beforeRequest, 50)).padStart(9)}  (after a pause the zone asks at once: Angular, Apollo)`);
  console.log(`    request → response          p50 ${fmt(p(request, 50)).padStart(9)}`);
  console.log(`    response → painted          p50 ${fmt(p(afterResponse, 50)).padStart(9)}  (Apollo, rendering, the next frame)`);
  console.log(`  baseline: bare HTTP round trip p50 ${fmt(p(http, 50)).padStart(9)}  p95 ${fmt(p(http, 95)).padStart(9)}  (fetch from the same page)`);
  console.log(
    `  ratio p50: ${(p(total, 50) / p(http, 50)).toFixed(2)}× for a keystroke after a pause (no typing wait); ` +
      `${((p(total, 50) + BURST_MS) / p(http, 50)).toFixed(2)}× for the last key of a burst faster than ${BURST_MS} ms (the same plus the ${BURST_MS} ms wait)`,
  );
} finally {
  await close();
}
