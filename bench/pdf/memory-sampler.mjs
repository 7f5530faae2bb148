// bench/pdf's memory sampler, run as a child process of the bench (`fork`): it reads /proc on its
// own thread of execution, so that reading Chromium's page tables (smaps_rollup, several ms per
// renderer) never stalls the event loop of the pipeline being measured. In the bench's own
// process it cost ~1 s of a 16 s run, during which Chromium waited for Node.
//
// Messages: { start: pid } begins sampling pid and all its descendants; { stop: true } answers
// { peakRss, peakPss } (bytes) and sampling ends.
//
// RSS summed over the processes every 100 ms, as the goal asks; it counts the pages they share
// (Chromium's binary and fonts, mapped by every one of its ~10 processes) once per process, so it
// overstates the real footprint. PSS (shared pages split between their users) is summed every
// second, as the closer measure of what the job really uses.
import { readdirSync, readFileSync } from 'node:fs';

const PAGE_SIZE = 4096;

/** `root` and every process descended from it. */
function processTree(root) {
  const parents = new Map();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'latin1');
      parents.set(Number(name), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {} // exited meanwhile
  }
  const tree = new Set([root]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const [pid, ppid] of parents) if (!tree.has(pid) && tree.has(ppid)) tree.add(pid), (grew = true);
  }
  tree.delete(process.pid); // the sampler itself is no part of the job
  return [...tree];
}
function sum(pids, read) {
  let bytes = 0;
  for (const pid of pids) {
    try {
      bytes += read(pid);
    } catch {}
  }
  return bytes;
}
const rss = (pids) => sum(pids, (pid) => Number(readFileSync(`/proc/${pid}/statm`, 'latin1').split(' ')[1]) * PAGE_SIZE);
const pss = (pids) => sum(pids, (pid) => Number(readFileSync(`/proc/${pid}/smaps_rollup`, 'latin1').match(/^Pss:\s+(\d+)/m)[1]) * 1024);

/** The job being sampled: its root pid, its processes as last listed, and the peaks so far. */
let job;
process.on('message', (message) => {
  if (message.start) {
    const pids = processTree(message.start);
    job = { root: message.start, pids, peakRss: rss(pids), peakPss: pss(pids), ticks: 0 };
    job.timer = setInterval(() => {
      if (++job.ticks % 10 === 0) {
        job.pids = processTree(job.root); // Chromium may start processes (renderers, print compositor) mid-job
        job.peakPss = Math.max(job.peakPss, pss(job.pids));
      }
      job.peakRss = Math.max(job.peakRss, rss(job.pids));
    }, 100);
    process.send({ started: true });
  } else if (message.stop && job) {
    clearInterval(job.timer);
    process.send({ peakRss: Math.max(job.peakRss, rss(job.pids)), peakPss: job.peakPss });
    job = undefined;
  }
});
process.on('disconnect', () => process.exit(0));
