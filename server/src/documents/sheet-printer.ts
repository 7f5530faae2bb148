import type { BrowserContext, Page } from 'playwright-core';
import { ChromiumHost } from './chromium';
import { type ConnectionSheet, SHEETS_PER_PAGE, SheetLayout } from './connection-sheet';
import { PdfMerger } from './pdf-merger';
import { renderHtml } from './sheet-renderer';

export interface SheetPrinterOptions {
  /** Chromium's executable; default CHROMIUM_PATH, else /usr/bin/chromium. Ignored with `chromium`. */
  chromiumPath?: string;
  /** Share a browser between printers (e.g. PDF mailings and single sheets); closed by its owner. */
  chromium?: ChromiumHost;
  /** Préau's public address, printed on the sheets and behind their QR codes. */
  publicUrl: string;
  /** At most this many pages per Chromium call; default 200. */
  pagesPerChunk?: number;
  /** Chunks printed at the same time, each in its own tab; default 1 (see DEFAULT_CONCURRENCY). */
  concurrency?: number;
  /** pdf-lib's object streams for the merged file; default off (faster to write). */
  useObjectStreams?: boolean;
}

/** Gives the sheets `offset` to `offset + limit - 1` of the job, in print order. */
export type SheetLoader = (offset: number, limit: number) => Promise<ConnectionSheet[]>;

/**
 * 200 pages per Chromium call: Chromium's print time per page stays flat up to a few hundred pages
 * and grows beyond (one huge layout and PDF in a single renderer), while each call has a fixed
 * cost of a few tens of milliseconds. See bench/pdf for the measurements.
 */
export const DEFAULT_PAGES_PER_CHUNK = 200;
/**
 * One tab at a time, measured on 2 cores: Chromium's renderer and print compositor already keep
 * both busy while Node loads, renders and merges the neighbouring chunks; a second tab only added
 * memory. The pipeline still overlaps work: the next chunk is loaded and rendered while one prints.
 */
export const DEFAULT_CONCURRENCY = 1;

/** A tab, in a context of its own: no JavaScript (templates need none), no network. */
interface Tab {
  context: BrowserContext;
  page: Page;
}

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
  private readonly idleTabs: Tab[] = [];

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
   * chunk. Rejects if nothing at all was printed.
   */
  async print(
    layout: SheetLayout,
    total: number,
    load: SheetLoader,
    onProgress?: (sheetsDone: number) => void,
  ): Promise<Uint8Array> {
    const perPage = SHEETS_PER_PAGE[layout];
    if (!perPage) throw new Error(`Modèle de publipostage inconnu : ${layout}`);
    const sheetsPerChunk = this.pagesPerChunk * perPage;
    const chunks = Math.ceil(Math.max(0, total) / sheetsPerChunk);
    const merger = new PdfMerger({ useObjectStreams: this.options.useObjectStreams });
    const tabs = new TabPool(this.concurrency, this.idleTabs, () => this.openTab());

    // Loads run one after the other, in order, whatever the number of tabs.
    let loading: Promise<unknown> = Promise.resolve();
    const prepare = (index: number): Promise<{ html: string; sheets: number } | null> => {
      const offset = index * sheetsPerChunk;
      const limit = Math.min(sheetsPerChunk, total - offset);
      const loaded = loading.then(() => load(offset, limit));
      loading = loaded.catch(() => undefined);
      return loaded.then((sheets) => {
        const kept = sheets.slice(0, limit);
        return kept.length === 0 ? null : { html: renderHtml(layout, kept, { publicUrl: this.options.publicUrl }), sheets: kept.length };
      });
    };
    const printChunk = async (index: number) => {
      const chunk = await prepare(index);
      if (!chunk) return null;
      const pdf = await tabs.use((tab) => this.printOn(tab, chunk.html));
      return { pdf, sheets: chunk.sheets };
    };

    // Up to `concurrency` chunks in Chromium plus one loaded and rendered ahead, merged strictly in
    // order: memory holds at most concurrency + 1 chunks of HTML and PDF.
    const window = this.concurrency + 1;
    const pending: Promise<{ pdf: Uint8Array; sheets: number } | null>[] = [];
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
        await merger.append(result.pdf);
        printed++;
        done += result.sheets;
        onProgress?.(done);
      }
      if (printed === 0) throw new Error('Aucune fiche de connexion à imprimer.');
      return await merger.bytes();
    } finally {
      // Let chunks still in flight (after a failure) settle before their tabs go back to the pool.
      await Promise.allSettled(pending.filter(Boolean));
      await tabs.release();
    }
  }

  /** One document, one Chromium call: for single sheets, previews and the monolithic comparison. */
  async printHtml(html: string): Promise<Uint8Array> {
    const tabs = new TabPool(1, this.idleTabs, () => this.openTab());
    try {
      return await tabs.use((tab) => this.printOn(tab, html));
    } finally {
      await tabs.release();
    }
  }

  /** Closes the tabs, and Chromium unless it was shared in through the options. */
  async close(): Promise<void> {
    const tabs = this.idleTabs.splice(0);
    await Promise.all(tabs.map((tab) => tab.context.close().catch(() => undefined)));
    if (this.ownsChromium) await this.chromium.close();
  }

  private async openTab(): Promise<Tab> {
    const browser = await this.chromium.browser();
    const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
    try {
      return { context, page: await context.newPage() };
    } catch (error) {
      await context.close().catch(() => undefined);
      throw error;
    }
  }

  private async printOn(tab: Tab, html: string): Promise<Uint8Array> {
    // setContent waits for 'load' only: the document has no external resource to wait for.
    await tab.page.setContent(html, { waitUntil: 'load', timeout: 120_000 });
    return tab.page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
  }
}

/**
 * At most `size` tabs of one job at a time, taken from (and given back to) the printer's idle tabs
 * so later jobs skip opening them. A tab whose print failed is closed instead of reused; the chunk
 * is then retried once on a fresh tab, which relaunches Chromium if it had crashed.
 */
class TabPool {
  private inUse = 0;
  private readonly waiting: (() => void)[] = [];
  private readonly mine: Tab[] = [];

  constructor(
    private readonly size: number,
    private readonly idle: Tab[],
    private readonly open: () => Promise<Tab>,
  ) {}

  async use<T>(work: (tab: Tab) => Promise<T>): Promise<T> {
    while (this.inUse >= this.size) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.inUse++;
    try {
      for (let attempt = 1; ; attempt++) {
        const tab = this.take() ?? (await this.open());
        try {
          const result = await work(tab);
          this.mine.push(tab);
          return result;
        } catch (error) {
          await tab.context.close().catch(() => undefined);
          if (attempt >= 2) throw error;
        }
      }
    } finally {
      this.inUse--;
      this.waiting.shift()?.();
    }
  }

  /** A tab still alive (a crash of Chromium leaves dead ones behind), else undefined. */
  private take(): Tab | undefined {
    for (let tab = this.mine.pop() ?? this.idle.pop(); tab; tab = this.mine.pop() ?? this.idle.pop()) {
      if (isAlive(tab)) return tab;
      void tab.context.close().catch(() => undefined);
    }
    return undefined;
  }

  /** Gives this job's healthy tabs back to the printer for the next job. */
  async release(): Promise<void> {
    for (const tab of this.mine.splice(0)) {
      if (isAlive(tab)) this.idle.push(tab);
      else await tab.context.close().catch(() => undefined);
    }
  }
}

function isAlive(tab: Tab): boolean {
  return !tab.page.isClosed() && tab.context.browser()?.isConnected() === true;
}
