import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';

/** Debian's Chromium (`apt-get install chromium`); CHROMIUM_PATH overrides it. */
export const DEFAULT_CHROMIUM_PATH = '/usr/bin/chromium';

/**
 * Flags for a server: no sandbox (the server may run as root in a container), no GPU, /tmp instead
 * of a small /dev/shm, and none of Chromium's background traffic, which on a closed network floods
 * the logs with refused connections.
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/**
 * One headless Chromium shared by every print job of the process: launched on first use (a server
 * that never prints never starts it), relaunched if it crashed or was killed, closed by `close()`.
 */
export class ChromiumHost {
  private launching?: Promise<Browser>;
  private context?: { browser: Browser; context: Promise<BrowserContext> };
  private closed = false;

  constructor(private readonly executablePath = process.env.CHROMIUM_PATH || DEFAULT_CHROMIUM_PATH) {}

  /** The running browser, launching it if there is none or the last one died. */
  async browser(): Promise<Browser> {
    if (this.closed) throw new Error('Chromium a été arrêté.');
    const current = this.launching;
    if (current) {
      const browser = await current.catch(() => undefined);
      if (browser?.isConnected()) return browser;
      // Several jobs may find it dead at once: the first relaunches, the others await that launch.
      if (this.launching !== current) return this.browser();
      // A failed launch is not cached either: this job tries again.
      void browser?.close().catch(() => undefined);
    }
    const launching = chromium.launch({ executablePath: this.executablePath, args: CHROMIUM_ARGS });
    this.launching = launching;
    const browser = await launching;
    if (this.closed) {
      await browser.close();
      throw new Error('Chromium a été arrêté.');
    }
    return browser;
  }

  /**
   * A new tab for printing. All tabs share one browser context: no JavaScript (the templates need
   * none), no network. One context, not one per tab: headless Chromium starts a window, with its
   * own renderer process (~160 MB), for every context.
   */
  async newPage(): Promise<Page> {
    const browser = await this.browser();
    if (this.context?.browser !== browser) {
      const context = browser.newContext({ javaScriptEnabled: false, offline: true });
      this.context = { browser, context };
      context.catch(() => {
        if (this.context?.context === context) this.context = undefined;
      });
    }
    return (await this.context.context).newPage();
  }

  /** Stops Chromium for good (server shutdown); later calls to `browser()` fail. */
  async close(): Promise<void> {
    this.closed = true;
    const launching = this.launching;
    this.launching = undefined;
    this.context = undefined;
    const browser = await launching?.catch(() => undefined);
    await browser?.close().catch(() => undefined);
  }
}
