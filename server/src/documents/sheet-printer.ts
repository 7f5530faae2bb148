import type { CDPSession, Page } from 'playwright-core';
import { ChromiumHost } from './chromium';
import { pagesPerChunk } from './chunk-size';
import { type ConnectionSheet, SHEETS_PER_PAGE, SheetLayout } from './connection-sheet';
import { PdfMerger } from './pdf-merge/pdf-merger';
import { stampCardQrCodes } from './qr-stamp/card-qr-stamp';
import { qrMatrix, type QrMatrix } from './qr-stamp/qr-code';
import { qrStampedOn, renderHtml, sheetsByPage } from './sheet-renderer';
import { sheetUrl } from './sheet-view';

export interface SheetPrinterOptions {
  /** Chromium's executable; default CHROMIUM_PATH, else /usr/bin/chromium. Ignored with `chromium`. */
  chromiumPath?: string;
  /** Share a browser between printers (e.g. PDF mailings and single sheets); closed by its owner. */
  chromium?: ChromiumHost;
  /** Préau's public address, printed on the sheets and behind their QR codes. */
  publicUrl: string;
  /** At most this many pages per Chromium call; default 200 (shorter jobs get smaller chunks: chunk-size.ts). */
  pagesPerChunk?: number;
  /** Chunks printed at the same time, each in its own tab; default 2 (see DEFAULT_CONCURRENCY). */
  concurrency?: number;
}

/** A chunk ready for Chromium, with the QR codes to draw onto its pages afterwards (cards). */
interface PreparedChunk {
  html: string;
  sheets: number;
  qrCodes?: QrMatrix[][];
}

/** The same chunk once Chromium has printed it. */
type PrintedChunk = Omit<PreparedChunk, 'html'> & { pdf: Uint8Array };

/** Gives the sheets `offset` to `offset + limit - 1` of the job, in print order. */
export type SheetLoader = (offset: number, limit: number) => Promise<ConnectionSheet[]>;

/**
 * At most 200 pages per Chromium call. A tab holds ~1 MB per page while it prints, and memory must
 * stay under 2 GB for Node and Chromium together; before the pages were laid out as closed boxes
 * (`contain: strict` in sheets.css), one big document also cost more per page the bigger it got
 * (bench/pdf, docs/performance.md). Shorter jobs get smaller chunks, for their progress
 * (chunk-size.ts).
 */
export const DEFAULT_PAGES_PER_CHUNK = 200;
/**
 * Two tabs print two chunks at once. On 2 cores, one tab leaves a core idle half of the time
 * (its renderer lays out, then the print compositor writes the PDF, one after the other), and
 * Node's share (QR codes, HTML, merge) fits in the gaps: two tabs printed two-thirds more sheets a
 * second for a few hundred MB more at the peak (bench/pdf, docs/performance.md). More tabs than
 * cores only add memory.
 */
export const DEFAULT_CONCURRENCY = 2;

/**
 * Prints connection sheets to one PDF through a headless Chromium. Long jobs are cut into chunks
 * of at most `pagesPerChunk` pages: each is loaded, rendered to HTML, printed by Chromium, then
 * appended to the result, so memory holds a few chunks, not the whole job, and no Chromium call
 * lays out an enormous document.
 */
export class SheetPrinter {
  readonly pagesPerChunk: number;
  readonly concurrency: number;
  private readonly chromium: ChromiumHost;
  private readonly ownsChromium: boolean;
  private readonly tabs = new Tabs(() => this.chromium.newPage());
  private jobsRunning = 0;

  constructor(private readonly options: SheetPrinterOptions) {
    this.pagesPerChunk = Math.max(1, Math.floor(options.pagesPerChunk ?? DEFAULT_PAGES_PER_CHUNK));
    this.concurrency = Math.max(1, Math.floor(options.concurrency ?? DEFAULT_CONCURRENCY));
    this.ownsChromium = !options.chromium;
    this.chromium = options.chromium ?? new ChromiumHost(options.chromiumPath);
  }

  /**
   * Prints `total` sheets in order. `load` is called once per chunk, in increasing offsets and never
   * twice at once (a keyset cursor can back it); it may return fewer sheets than asked (accounts
   * gone since `total` was counted). `onProgress` gets the number of sheets printed so far after each
   * chunk (about 8 times for a mid-size job, see chunk-size.ts). Rejects if nothing at all was printed.
   */
  async print(
    layout: SheetLayout,
    total: number,
    load: SheetLoader,
    onProgress?: (sheetsDone: number) => void,
  ): Promise<Uint8Array> {
    const parts: Uint8Array[] = [];
    await this.printTo(layout, total, load, async (bytes) => void parts.push(bytes), onProgress);
    return parts.length === 1 ? parts[0] : Buffer.concat(parts);
  }

  /**
   * As `print`, but the document goes to `write` as it is merged (after each chunk, then its end),
   * in order, each call awaited before the next chunk is merged: a large mailing is stored as it
   * grows instead of held whole in memory.
   */
  async printTo(
    layout: SheetLayout,
    total: number,
    load: SheetLoader,
    write: (bytes: Uint8Array) => Promise<void>,
    onProgress?: (sheetsDone: number) => void,
  ): Promise<void> {
    const perPage = SHEETS_PER_PAGE[layout];
    if (!perPage) throw new Error(`Modèle de publipostage inconnu : ${layout}`);
    const sheetsPerChunk = pagesPerChunk(Math.ceil(Math.max(0, total) / perPage), this.pagesPerChunk) * perPage;
    const chunks = Math.ceil(Math.max(0, total) / sheetsPerChunk);
    const merger = new PdfMerger();
    const tabs = new TabPool(this.concurrency, this.tabs);
    this.jobsRunning++;

    // Loads run one after the other, in order, whatever the number of tabs.
    let loading: Promise<unknown> = Promise.resolve();
    // Cards get their QR codes drawn onto Chromium's pages (card-qr-stamp.ts); letters keep them inline.
    const stampedQr = qrStampedOn(layout);
    const { publicUrl } = this.options;
    const prepare = (index: number): Promise<PreparedChunk | null> => {
      const offset = index * sheetsPerChunk;
      const limit = Math.min(sheetsPerChunk, total - offset);
      const loaded = loading.then(() => load(offset, limit));
      loading = loaded.catch(() => undefined);
      return loaded.then((sheets) => {
        const kept = sheets.slice(0, limit);
        if (kept.length === 0) return null;
        return {
          html: renderHtml(layout, kept, { publicUrl, stampedQr }),
          sheets: kept.length,
          qrCodes: stampedQr ? sheetsByPage(layout, kept).map((page) => page.map((sheet) => qrMatrix(sheetUrl(publicUrl, sheet)))) : undefined,
        };
      });
    };
    const printChunk = async (index: number): Promise<PrintedChunk | null> => {
      const chunk = await prepare(index);
      if (!chunk) return null;
      const pdf = await tabs.use((tab) => this.printOn(tab, chunk.html));
      return { pdf, sheets: chunk.sheets, qrCodes: chunk.qrCodes };
    };

    // Up to `concurrency` chunks in Chromium plus one loaded and rendered ahead, merged strictly in
    // order: memory holds at most concurrency + 1 chunks of HTML and PDF.
    const window = this.concurrency + 1;
    const pending: Promise<PrintedChunk | null>[] = [];
    const start = (index: number) => {
      if (index >= chunks) return;
      const promise = printChunk(index);
      promise.catch(() => undefined); // awaited below, in order; do not report it as unhandled meanwhile
      pending[index] = promise;
    };
    try {
      for (let index = 0; index < Math.min(window, chunks); index++) start(index);
      let done = 0;
      let printed = 0;
      for (let index = 0; index < chunks; index++) {
        const result = await pending[index];
        delete pending[index];
        start(index + window);
        if (!result) continue;
        const { qrCodes } = result;
        await merger.append(result.pdf, qrCodes && ((document) => stampCardQrCodes(document, qrCodes)));
        const written = merger.drain();
        if (written.length > 0) await write(written);
        printed++;
        done += result.sheets;
        onProgress?.(done);
      }
      if (printed === 0) throw new Error('Aucune fiche de connexion à imprimer.');
      await write(await merger.bytes());
    } finally {
      // After a failure, let the chunks still in flight settle before the job ends.
      await Promise.allSettled(pending.filter(Boolean));
      this.jobsRunning--;
      // After a job of several chunks, and when no other job is printing, the tabs are closed: their
      // renderer processes end and give their memory back. Kept, a renderer's heap grew from one
      // long job to the next (bench/pdf: 1.85 GB summed at the peak of a first 40,000-card job, 2.5 GB
      // for the same job printed after others). Short jobs (single sheets) keep the tabs warm.
      if (chunks > 1 && this.jobsRunning === 0) await this.tabs.closeAll();
    }
  }

  /** One document, one Chromium call: for single sheets, previews and the monolithic comparison. */
  async printHtml(html: string): Promise<Uint8Array> {
    const tabs = new TabPool(1, this.tabs);
    return tabs.use((tab) => this.printOn(tab, html));
  }

  /** Closes the tabs, and Chromium unless it was shared in through the options. */
  async close(): Promise<void> {
    await this.tabs.closeAll();
    if (this.ownsChromium) await this.chromium.close();
  }

  private async printOn(tab: Page, html: string): Promise<Uint8Array> {
    // setContent waits for 'load' only: the document has no external resource to wait for.
    await tab.setContent(html, { waitUntil: 'load', timeout: 120_000 });
    return tab.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
  }
}

/** Tries per chunk (and per tab opening), and the pause before the second and third. */
const ATTEMPTS = 3;
const RETRY_DELAY_MS = 500;

/**
 * Lends the printer's tabs to one job, at most `size` at a time. A tab is taken from the idle ones
 * (later jobs skip opening them) or opened; once its chunk is printed, the PDF goes back at once
 * while the tab is emptied in the background, then returned to the idle ones. A tab whose print
 * failed is closed instead; the chunk is retried on a fresh tab (twice at most), which relaunches
 * Chromium if it had crashed.
 */
class TabPool {
  private inUse = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    private readonly size: number,
    private readonly tabs: Tabs,
  ) {}

  async use<T>(work: (tab: Page) => Promise<T>): Promise<T> {
    while (this.inUse >= this.size) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.inUse++;
    let lent = false;
    try {
      for (let attempt = 1; ; attempt++) {
        let tab: Page | undefined;
        let result: T;
        try {
          tab = await this.tabs.take();
          result = await work(tab);
        } catch (error) {
          await tab?.close().catch(() => undefined);
          if (attempt >= ATTEMPTS) throw error;
          // A dying Chromium may still look connected for a moment: let it go before relaunching.
          await new Promise((resolve) => setTimeout(resolve, RETRY_DELAY_MS * attempt));
          continue;
        }
        lent = true;
        void this.tabs.giveBack(tab).finally(() => this.free());
        return result;
      }
    } finally {
      if (!lent) this.free();
    }
  }

  private free(): void {
    this.inUse--;
    this.waiting.shift()?.();
  }
}

/** The printer's tabs: idle ones ready for any job, and those being emptied after a chunk. */
class Tabs {
  private readonly idle: Page[] = [];
  private readonly cleaning = new Set<Promise<void>>();

  constructor(private readonly open: () => Promise<Page>) {}

  /**
   * An idle tab still alive (a crash of Chromium leaves dead ones behind); else, while tabs are
   * being emptied, the first of them; else a new one. Waiting beats opening: a tab costs a renderer
   * process, and the one being emptied is ready within ~100 ms.
   */
  async take(): Promise<Page> {
    for (;;) {
      for (let tab = this.idle.pop(); tab; tab = this.idle.pop()) {
        if (isAlive(tab)) return tab;
        void tab.close().catch(() => undefined);
      }
      if (this.cleaning.size === 0) return this.open();
      await Promise.race(this.cleaning);
    }
  }

  giveBack(tab: Page): Promise<void> {
    const cleaning = releaseDocument(tab).then(
      () => void this.idle.push(tab),
      () => tab.close().catch(() => undefined),
    );
    this.cleaning.add(cleaning);
    return cleaning.finally(() => this.cleaning.delete(cleaning));
  }

  async closeAll(): Promise<void> {
    await Promise.allSettled([...this.cleaning]);
    await Promise.all(this.idle.splice(0).map((tab) => tab.close().catch(() => undefined)));
  }
}

/**
 * Empties the tab and has its renderer collect the chunk it just printed. setContent reuses the
 * same document (document.open), and with no script running Chromium hardly ever collects the old
 * nodes by itself: a tab's memory grew by ~110 MB per 200-page chunk, without bound over a long
 * job. A forced collection (~100 ms, in the background) brings it back to ~50 MB each time.
 */
async function releaseDocument(tab: Page): Promise<void> {
  await tab.setContent('<!DOCTYPE html><title></title>', { waitUntil: 'load' });
  let session = cdpSessions.get(tab);
  if (!session) {
    session = await tab.context().newCDPSession(tab);
    cdpSessions.set(tab, session);
  }
  await session.send('HeapProfiler.collectGarbage');
}
const cdpSessions = new WeakMap<Page, CDPSession>();

function isAlive(tab: Page): boolean {
  return !tab.isClosed() && tab.context().browser()?.isConnected() === true;
}
