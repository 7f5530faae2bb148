import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';

export interface Argon2Options {
  algorithm: number;
  memoryCost: number;
  timeCost: number;
  parallelism: number;
}

type Job = { op: 'hash'; plain: string; options: Argon2Options } | { op: 'verify'; stored: string; plain: string };

interface Pending {
  resolve: (value: string | boolean) => void;
  reject: (error: Error) => void;
}

/**
 * The worker's whole program. Each job runs synchronously, so the messages queued meanwhile are the
 * worker's backlog: it goes from one hash to the next without waiting for the main thread. Kept as
 * source text (`eval`) so that it runs the same from the TypeScript sources and from dist; the
 * argon2 package is passed in by absolute path for the same reason.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const argon2 = require(workerData.argon2);
parentPort.on('message', (job) => {
  try {
    const value = job.op === 'verify' ? argon2.verifySync(job.stored, job.plain) : argon2.hashSync(job.plain, job.options);
    parentPort.postMessage({ id: job.id, value });
  } catch (error) {
    parentPort.postMessage({ id: job.id, error: String(error && error.message || error) });
  }
});
`;

/** A worker thread and the jobs posted to it that have not come back yet. */
interface Thread {
  worker: Worker;
  pending: Map<number, Pending>;
}

/** One slot of the pool: its thread, started on first use and again after it dies. */
class Argon2Worker {
  private thread: Thread | undefined;
  private nextId = 0;

  get load(): number {
    return this.thread?.pending.size ?? 0;
  }

  run(job: Job): Promise<string | boolean> {
    const { worker, pending } = (this.thread ??= this.start());
    const id = this.nextId++;
    // A worker with work in hand keeps the process alive, an idle one does not (CLI, tests).
    if (pending.size === 0) worker.ref();
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve, reject });
      worker.postMessage({ ...job, id });
    });
  }

  async close(): Promise<void> {
    const thread = this.thread;
    this.thread = undefined;
    await thread?.worker.terminate();
  }

  private start(): Thread {
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { argon2: require.resolve('@node-rs/argon2') } });
    const thread: Thread = { worker, pending: new Map() };
    const { pending } = thread;
    worker.unref();
    worker.on('message', ({ id, value, error }: { id: number; value?: string | boolean; error?: string }) => {
      const job = pending.get(id);
      if (!job) return;
      pending.delete(id);
      if (pending.size === 0) worker.unref();
      if (error === undefined) job.resolve(value!);
      else job.reject(new Error(error));
    });
    // A worker that dies takes its backlog with it: those jobs fail, the next one starts a new worker.
    const fail = (error: Error) => {
      if (this.thread === thread) this.thread = undefined;
      for (const job of pending.values()) job.reject(error);
      pending.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`argon2 worker exited (${code})`)));
    return thread;
  }
}

/**
 * argon2 on its own threads, one per core. Each hash holds 19 MiB that it reads over and over: more
 * of them at once than there are cores only evict each other (and the server's code and
 * PostgreSQL's) from the processor caches. A job goes to the worker with the shortest backlog and
 * waits there; a worker finishing one hash starts the next at once instead of sleeping until the
 * main thread, busy with HTTP and PostgreSQL, hands it one (bench/login). The libuv pool stays free
 * for files and DNS.
 */
export class Argon2Pool {
  private readonly workers: Argon2Worker[];

  constructor(size = availableParallelism()) {
    this.workers = Array.from({ length: Math.max(1, size) }, () => new Argon2Worker());
  }

  hash(plain: string, options: Argon2Options): Promise<string> {
    return this.leastLoaded().run({ op: 'hash', plain, options }) as Promise<string>;
  }

  verify(stored: string, plain: string): Promise<boolean> {
    return this.leastLoaded().run({ op: 'verify', stored, plain }) as Promise<boolean>;
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.close()));
  }

  private leastLoaded(): Argon2Worker {
    let best = this.workers[0];
    for (const worker of this.workers) if (worker.load < best.load) best = worker;
    return best;
  }
}
