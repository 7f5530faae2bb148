// bench/client/trace.mjs: where the time of « Rechercher un utilisateur » goes, from a Chromium
// performance trace (CDP Tracing, devtools.timeline) and a sampling CPU profile (CDP Profiler, 50 µs)
// of a few searches on bench/client's page. Prints, per phase from the keystroke to the frame
// after the rows, the main thread's time by kind (script, style, layout, paint, idle) and the
// script's self time by package (through the bundle's source maps when the client was built with
// them: `ng build --source-map --output-path …`, served with CLIENT_DIR=…/browser).
//
//   DATABASE_URL=… [CLIENT_DIR=…] node bench/client/trace.mjs [--users 100000] [--searches 10] [--out .tmp/trace]
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SourceMapConsumer } from 'source-map-js';
import { option } from '../support/bench-env.mjs';
import { openSearchPage } from './search-page.mjs';

const USERS = Number(option('users', 100_000));
const SEARCHES = Number(option('searches', 10));
const OUT = option('out', '.tmp/trace');
const CLIENT_DIR = process.env.CLIENT_DIR;
// `--profile off`: the trace alone, for the durations without the sampling profiler's overhead.
const PROFILE = option('profile', 'on') !== 'off';

// The timeline's own categories only: 'blink', 'v8' or 'netlog' double the main thread's time.
const CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'disabled-by-default-devtools.timeline.frame',
  'blink.user_timing',
  'toplevel',
  'v8.execute',
];

const { page, terms, throughUi, close } = await openSearchPage({ users: USERS, terms: SEARCHES + 5, pauseMs: 300 });
let trace;
let profile;
try {
  for (const term of terms.slice(0, 5)) await throughUi(term);
  const cdp = await page.context().newCDPSession(page);
  if (PROFILE) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
  }
  const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.start', { transferMode: 'ReturnAsStream', traceConfig: { includedCategories: CATEGORIES } });
  if (PROFILE) await cdp.send('Profiler.start');
  for (const term of terms.slice(5, 5 + SEARCHES)) {
    await throughUi(term);
  }
  profile = PROFILE ? (await cdp.send('Profiler.stop')).profile : { nodes: [], samples: [], timeDeltas: [], startTime: 0 };
  await cdp.send('Tracing.end');
  const { stream } = await complete;
  let text = '';
  for (;;) {
    const chunk = await cdp.send('IO.read', { handle: stream, size: 1 << 20 });
    text += chunk.base64Encoded ? Buffer.from(chunk.data, 'base64').toString() : chunk.data;
    if (chunk.eof) break;
  }
  await cdp.send('IO.close', { handle: stream });
  trace = JSON.parse(text);
} finally {
  await close();
}

mkdirSync(OUT, { recursive: true });
writeFileSync(join(OUT, 'search.trace.json'), JSON.stringify(trace));
writeFileSync(join(OUT, 'search.cpuprofile'), JSON.stringify(profile));
const events = trace.traceEvents ?? trace;

// The page's main thread: where the bench's marks were made.
const firstMark = events.find((e) => e.name === 'bench:input');
if (!firstMark) throw new Error('no bench:input mark in the trace');
const { pid, tid } = firstMark;
const main = events.filter((e) => e.pid === pid && e.tid === tid);
const marks = (name) => main.filter((e) => e.name === name).map((e) => e.ts).sort((a, b) => a - b);
const [inputs, rowsMarks, frames, ends] = ['bench:input', 'bench:rows', 'bench:frame', 'bench:end'].map(marks);

// GraphQL requests: sent, response end (finishTime, seconds on the trace clock).
const sends = events.filter((e) => e.name === 'ResourceSendRequest' && e.args?.data?.url?.endsWith('/graphql'));
const finishes = new Map(events.filter((e) => e.name === 'ResourceFinish').map((e) => [e.args.data.requestId, e]));

/** Complete events on the main thread (X, or B/E paired), with their self time. */
function completeEvents() {
  const list = [];
  const open = [];
  for (const e of [...main].sort((a, b) => a.ts - b.ts)) {
    if (e.ph === 'X') list.push({ name: e.name, ts: e.ts, end: e.ts + (e.dur ?? 0), args: e.args });
    else if (e.ph === 'B') open.push(e);
    else if (e.ph === 'E') {
      const begin = open.pop();
      if (begin) list.push({ name: begin.name, ts: begin.ts, end: e.ts, args: begin.args });
    }
  }
  list.sort((a, b) => a.ts - b.ts || b.end - a.end);
  // Self time: each event's duration minus its direct children's.
  const stack = [];
  for (const event of list) {
    event.self = event.end - event.ts;
    while (stack.length && stack.at(-1).end <= event.ts) stack.pop();
    const parent = stack.at(-1);
    if (parent && event.end <= parent.end) {
      parent.self -= event.end - event.ts;
      event.parent = parent;
    }
    stack.push(event);
  }
  return list;
}
const timeline = completeEvents();

// An event's kind: its own when its name tells, else its parent's (Blink's nested phases).
const KIND = [
  [/GC|GarbageCollection|Scavenge|MinorMS|MajorGC|MinorGC/, 'GC'],
  [/^(UpdateLayoutTree|Blink\.Style\.UpdateTime|ParseAuthorStyleSheet|RecalculateStyles)$/, 'style'],
  [/^(Layout|Blink\.Layout\.UpdateTime|LocalFrameView::layout)$/, 'layout'],
  [/^(PrePaint|Paint|Layerize|Commit|UpdateLayer|UpdateLayerTree|PaintImage|Blink\.(PrePaint|Paint|CompositingInputs|Layerize|Commit)\.UpdateTime)$/, 'paint'],
  [/^(HitTest|EventHandler::|LayoutView::HitTest)/, 'hit test'],
  [/^(FunctionCall|TimerFire|FireAnimationFrame|RunMicrotasks|EventDispatch|EvaluateScript|HandlePostMessage|v8\.|V8\.)/, 'script'],
  [/URLLoader|mojo|ResourceReceivedData|ResourceFinish|ResponseBodyLoader|TextResourceDecoder/, 'network plumbing'],
];
const ownKind = (name) => KIND.find(([re]) => re.test(name))?.[1];
for (const event of timeline) event.kind = ownKind(event.name) ?? event.parent?.kind ?? 'other';

/** Main-thread time in [from, to) by kind; 'idle' is the part no top-level task covers. */
function mainThread(from, to) {
  const byKind = {};
  let busy = 0;
  for (const event of timeline) {
    const start = Math.max(event.ts, from);
    const end = Math.min(event.end, to);
    if (end <= start) continue;
    const share = event.end - event.ts > 0 ? (end - start) / (event.end - event.ts) : 0;
    const { kind } = event;
    byKind[kind] = (byKind[kind] ?? 0) + event.self * share;
    if (!event.parent) busy += end - start;
  }
  byKind.idle = Math.max(0, to - from - busy);
  return byKind;
}

// CPU profile: sample times on the trace clock (both are base::TimeTicks in µs), deepest frame's
// source (through the source maps), self time by package.
const consumers = new Map();
function consumerFor(url) {
  if (!CLIENT_DIR || !url.startsWith('http')) return null;
  if (consumers.has(url)) return consumers.get(url);
  const file = join(CLIENT_DIR, new URL(url).pathname);
  const map = existsSync(`${file}.map`) ? new SourceMapConsumer(JSON.parse(readFileSync(`${file}.map`, 'utf8'))) : null;
  consumers.set(url, map);
  return map;
}
function originOf(callFrame) {
  const { url, functionName, lineNumber, columnNumber } = callFrame;
  if (!url) return functionName ? `(${functionName})` : '(native)';
  const consumer = consumerFor(url);
  if (!consumer) return url.startsWith('http') ? 'page script (no source map)' : url;
  const position = consumer.originalPositionFor({ line: lineNumber + 1, column: columnNumber });
  return position.source ?? 'page script (unmapped)';
}
function packageOf(source) {
  const module = /node_modules\/((?:@[^/]+\/)?[^/]+)(\/[^/]+)?/.exec(source);
  if (module) return module[1] === '@angular/common' && module[2] === '/http' ? '@angular/common/http' : module[1];
  const app = /(?:^|\/)src\/app\/(.+)$/.exec(source);
  return app ? `app: ${app[1]}` : source;
}
const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
const samples = [];
{
  let time = profile.startTime;
  for (const [i, id] of profile.samples.entries()) {
    time += profile.timeDeltas[i];
    samples.push({ time, id });
  }
}
const originCache = new Map();
function scriptByPackage(from, to) {
  const totals = {};
  for (let i = 0; i < samples.length - 1; i++) {
    const { time, id } = samples[i];
    const end = samples[i + 1].time;
    const start = Math.max(time, from);
    const stop = Math.min(end, to);
    if (stop <= start) continue;
    const node = nodes.get(id);
    if (node.callFrame.functionName === '(idle)') continue;
    let name = originCache.get(id);
    if (!name) {
      name = packageOf(originOf(node.callFrame));
      originCache.set(id, name);
    }
    totals[name] = (totals[name] ?? 0) + (stop - start);
  }
  return totals;
}

// Per search: the phases, averaged.
const phases = {
  'keystroke → request sent': [],
  'request sent → response end': [],
  'response end → rows in the DOM': [],
  'rows in the DOM → frame (rAF)': [],
  'frame → task after it (end)': [],
};
const kinds = Object.fromEntries(Object.keys(phases).map((phase) => [phase, {}]));
const scripts = Object.fromEntries(Object.keys(phases).map((phase) => [phase, {}]));
const tasks = [];
// Steps after the answer, per search: the answer's microtasks (HttpClient's JSON, Apollo, the
// outcome signal), the task that added the rows (Angular's change detection, run by its zoneless
// scheduler from a setTimeout or a requestAnimationFrame, whichever comes first), and the frame's
// rendering phases between the rows and the end.
const FRAME_PHASES = ['UpdateLayoutTree', 'Layout', 'PrePaint', 'Paint', 'Layerize', 'Commit'];
const steps = Object.fromEntries(['answer microtasks', 'rows task', ...FRAME_PHASES].map((step) => [step, []]));
const rowsMadeIn = { setTimeout: 0, requestAnimationFrame: 0 };
let counted = 0;
for (const [i, input] of inputs.entries()) {
  const end = ends.find((t) => t > input);
  const rows = rowsMarks.find((t) => t > input);
  const frame = frames.find((t) => t > input);
  const send = sends.find((e) => e.ts > input && e.ts < end);
  const finish = send && finishes.get(send.args.data.requestId);
  if (!end || !send || !finish) continue;
  const responseEnd = finish.args.data.finishTime * 1e6;
  const bounds = [input, send.ts, responseEnd, rows, frame, end];
  Object.keys(phases).forEach((phase, k) => {
    const [from, to] = [bounds[k], bounds[k + 1]];
    phases[phase].push((to - from) / 1000);
    for (const [kind, us] of Object.entries(mainThread(from, to))) kinds[phase][kind] = (kinds[phase][kind] ?? 0) + us / 1000;
    for (const [name, us] of Object.entries(scriptByPackage(from, to))) scripts[phase][name] = (scripts[phase][name] ?? 0) + us / 1000;
  });
  if (i === 0) {
    // The first search's main-thread tasks from the response to the end, with what they did.
    const SHOWN = /^(TimerFire|FunctionCall|RunMicrotasks|FireAnimationFrame|HandlePostMessage|UpdateLayoutTree|Layout|PrePaint|Paint|Layerize|Commit|ResourceFinish|EventDispatch)$/;
    const topOf = (event) => (event.parent ? topOf(event.parent) : event);
    for (const event of timeline) {
      if (event.parent || event.end <= responseEnd || event.ts >= end || event.end - event.ts < 50) continue;
      const inside = timeline.filter((child) => SHOWN.test(child.name) && child.ts >= event.ts && child.end <= event.end && topOf(child) === event);
      const outer = inside.filter((child) => !inside.some((other) => other !== child && other.ts <= child.ts && other.end >= child.end && SHOWN.test(other.name) && other.name !== 'RunMicrotasks' && child.name !== 'RunMicrotasks' && (other.end - other.ts) > (child.end - child.ts)));
      const what = outer.map((child) => `${child.name} ${((child.end - child.ts) / 1000).toFixed(2)}`);
      tasks.push(`    +${((event.ts - responseEnd) / 1000).toFixed(2)} ms  task ${((event.end - event.ts) / 1000).toFixed(2)} ms: ${what.slice(0, 10).join(', ')}`);
    }
    const at = (t) => `+${((t - responseEnd) / 1000).toFixed(2)} ms`;
    tasks.push(`    marks: rows in the DOM ${at(rows)}, frame (rAF) ${at(frame)}, end ${at(end)}`);
  }
  const rowsTask = timeline.find((event) => (event.name === 'TimerFire' || event.name === 'FireAnimationFrame') && event.ts <= rows && event.end >= rows);
  if (rowsTask) {
    rowsMadeIn[rowsTask.name === 'TimerFire' ? 'setTimeout' : 'requestAnimationFrame']++;
    steps['rows task'].push((rowsTask.end - rowsTask.ts) / 1000);
  }
  const answer = timeline.filter((event) => event.name === 'RunMicrotasks' && event.ts >= responseEnd - 1000 && event.end <= (rowsTask?.ts ?? rows));
  steps['answer microtasks'].push(answer.reduce((sum, event) => sum + event.end - event.ts, 0) / 1000);
  for (const phase of FRAME_PHASES) {
    const inFrame = timeline.filter((event) => event.name === phase && event.ts >= rows && event.end <= end);
    steps[phase].push(inFrame.reduce((sum, event) => sum + event.end - event.ts, 0) / 1000);
  }
  counted++;
}
const mean = (list) => list.reduce((a, b) => a + b, 0) / list.length;
const fmtMs = (ms) => `${ms.toFixed(2)} ms`;
console.log(`\nbench/client trace — ${counted} searches (${USERS.toLocaleString('en')} accounts); trace and profile in ${OUT}/`);
for (const [phase, list] of Object.entries(phases)) {
  console.log(`\n  ${phase}: mean ${fmtMs(mean(list))}`);
  const byKind = Object.entries(kinds[phase]).map(([kind, ms]) => `${kind} ${fmtMs(ms / counted)}`);
  console.log(`    main thread: ${byKind.join(', ')}`);
  const byPackage = Object.entries(scripts[phase])
    .map(([name, ms]) => [name, ms / counted])
    .filter(([, ms]) => ms >= 0.05)
    .sort((a, b) => b[1] - a[1]);
  if (byPackage.length) console.log(`    script self time: ${byPackage.map(([name, ms]) => `${name} ${fmtMs(ms)}`).join(', ')}`);
}
const median = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)] ?? NaN;
console.log(`\n  after the answer, medians: ${Object.entries(steps).map(([step, list]) => `${step} ${fmtMs(median(list))}`).join(', ')}`);
console.log(`    rows added from a setTimeout ${rowsMadeIn.setTimeout}, from a requestAnimationFrame ${rowsMadeIn.requestAnimationFrame} times`);
console.log('\n  first search, main-thread tasks after the response:');
console.log(tasks.join('\n'));
