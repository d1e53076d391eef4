// The shared e2e fixture: Chromium with the built extension on a fresh profile, fixtures served
// at their real addresses, and helpers to click the toolbar button on a tab, open the popup for
// it and read IndexedDB from the extension's own service worker.
import { type BrowserContext, type CDPSession, type Page, type Request, type Worker, test as base, chromium } from '@playwright/test';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { EXTENSION_DIR, chromiumExecutable, extensionArgs } from '../../scripts/chromium.mjs';

export const FIXTURES_DIR = resolve('tests/fixtures');

/** What the popup marks when its first real screen is drawn (components/Popup.tsx). */
export const POPUP_READY_MARK = 'kith:popup-ready';

// Playwright reports (and routes) requests made by service workers only when asked: without
// this the privacy watch below would not see requests from Kith's own worker.
process.env.PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS = '1';

/** `timeZone`: the IANA zone the browser finds itself in, as after a flight; the machine's if not given. */
export async function launchWithExtension(userDataDir: string, extensionDir = EXTENSION_DIR, { timeZone }: { timeZone?: string } = {}): Promise<BrowserContext> {
  if (!existsSync(join(extensionDir, 'manifest.json'))) {
    throw new Error(`No built extension at ${extensionDir}: run \`npm run build\` first`);
  }
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumExecutable(),
    headless: true,
    ...(timeZone && { env: { ...process.env, TZ: timeZone } }),
    args: [
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      // For `Kith.clickToolbarButton`: CDP's Extensions domain is only offered to a client on a
      // debugging port (Playwright's own pipe does not get it) with this switch on.
      '--enable-unsafe-extension-debugging',
      '--remote-debugging-port=0',
      ...extensionArgs(extensionDir),
    ],
  });
  // Nothing here reaches the internet: anything a test did not serve is refused. Routes added
  // later take precedence, so fixtures served by tests win over this.
  await context.route(/^https?:\/\//, (route) => route.abort('blockedbyclient'));
  return context;
}

/** The extension page or worker that made a request, if it was one of Kith's own. */
function extensionInitiator(request: Request): string | undefined {
  const worker = request.serviceWorker();
  let origin: string | undefined;
  try {
    origin = worker ? worker.url() : request.frame().url();
  } catch {
    origin = undefined;
  }
  return origin?.startsWith('chrome-extension://') ? origin : undefined;
}

/**
 * Record every network request Kith's own pages or worker make; the fixture fails a test that
 * made any. Loading the extension's own files is not the network.
 */
export function watchOwnNetworkRequests(context: BrowserContext, log: string[]): void {
  context.on('request', (request) => {
    if (!/^(https?|wss?|ftp):/i.test(request.url())) return;
    const initiator = extensionInitiator(request);
    if (initiator) log.push(`${initiator} → ${request.url()}`);
  });
}

export async function extensionWorker(context: BrowserContext): Promise<Worker> {
  const existing = context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://'));
  return existing ?? context.waitForEvent('serviceworker', { timeout: 15_000 });
}

export class Kith {
  /** Network requests made by Kith itself during the test; must stay empty. */
  readonly ownNetworkRequests: string[] = [];

  constructor(
    public context: BrowserContext,
    public worker: Worker,
    public readonly userDataDir: string,
    /** The build under test: the shipped one, or the benchmarks' copy of it. */
    public readonly extensionDir = EXTENSION_DIR,
  ) {
    watchOwnNetworkRequests(context, this.ownNetworkRequests);
  }

  get extensionId(): string {
    return new URL(this.worker.url()).host;
  }

  url(page: string): string {
    return `chrome-extension://${this.extensionId}/${page}`;
  }

  /** Serve a fixture file (or literal HTML) at a real address, e.g. a LinkedIn profile URL. */
  async serve(url: string | RegExp, fixture: { file: string } | { html: string }, headers?: Record<string, string>): Promise<void> {
    const body = 'file' in fixture ? readFileSync(join(FIXTURES_DIR, fixture.file), 'utf8') : fixture.html;
    await this.context.route(url, (route) =>
      route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body, headers }),
    );
  }

  /** Open a served page in a new tab and wait for it to load. */
  async open(url: string): Promise<Page> {
    const page = await this.context.newPage();
    await page.goto(url);
    return page;
  }

  /**
   * The browser's tab id of a page, as the extension sees it. Kith sees the address only where it
   * has host permission, or once `clickToolbarButton` granted activeTab on that tab.
   */
  async tabIdOf(page: Page): Promise<number> {
    const url = page.url();
    const id = await this.worker.evaluate(async (target) => {
      const tabs = await chrome.tabs.query({});
      return tabs.find((tab) => tab.url === target)?.id;
    }, url);
    if (id === undefined) throw new Error(`No tab found for ${url}`);
    return id;
  }

  /**
   * Click Kith's toolbar button on `page`'s tab, as the user does: Chromium grants activeTab for
   * that tab (until it navigates), which is what lets Kith read a page it has no host permission
   * for, and opens the action popup. The test then opens its own `popup.html?tabId=N`, or reads
   * the action popup itself with `readToolbarPopup`.
   */
  async clickToolbarButton(page: Page): Promise<void> {
    await this.withBrowserSession((session) => this.triggerAction(session, page));
  }

  private async triggerAction(session: CDPSession, page: Page): Promise<void> {
    // The button acts on the tab in front; on a background tab Chromium grants nothing.
    await page.bringToFront();
    // The action runs on a tab target, which is listed only when asked for by type.
    const { targetInfos } = await session.send('Target.getTargets', { filter: [{ type: 'tab' }] });
    const tab = targetInfos.find((target) => target.url === page.url());
    if (!tab) throw new Error(`No tab target for ${page.url()}`);
    await session.send('Extensions.triggerAction', { id: this.extensionId, targetId: tab.targetId });
  }

  /**
   * Click Kith's toolbar button on `page`'s tab and read the action popup it opens, as the user
   * sees it: `expression`'s value in the popup's page once the popup has marked its first real
   * screen (`POPUP_READY_MARK`), then the popup is closed. The test's own context does not see
   * that page, so it is reached as one of the browser's targets, through `session`
   * (`withBrowserSession`). `path`: the page the action shows, popup.html unless the test set
   * another with `chrome.action.setPopup`. `untouchedMs`: how long the page is left alone first.
   */
  async readToolbarPopup<T>(
    session: CDPSession,
    page: Page,
    expression: string,
    { path = 'popup.html', untouchedMs = 0 }: { path?: string; untouchedMs?: number } = {},
  ): Promise<T> {
    await this.triggerAction(session, page);
    let popupId = '';
    await expect
      .poll(async () => {
        const { targetInfos } = await session.send('Target.getTargets');
        popupId = targetInfos.find((target) => target.type === 'page' && target.url === this.url(path))?.targetId ?? '';
        return popupId;
      })
      .not.toBe('');
    await new Promise((settled) => setTimeout(settled, untouchedMs));
    const whenReady = `new Promise((done, fail) => {
      const read = () => {
        if (performance.getEntriesByName(${JSON.stringify(POPUP_READY_MARK)}).length) done(${expression});
        else if (performance.now() > 15000) fail(new Error('The popup never marked its first screen ready: ' + document.body.innerText));
        else setTimeout(read, 20);
      };
      read();
    })`;
    const { sessionId } = await session.send('Target.attachToTarget', { targetId: popupId, flatten: false });
    try {
      type Evaluated = { result: { value: T }; exceptionDetails?: { text: string; exception?: { description?: string } } };
      const reply = new Promise<{ result: Evaluated }>((done) => {
        const listener = (event: { sessionId: string; message: string }) => {
          if (event.sessionId !== sessionId) return;
          session.off('Target.receivedMessageFromTarget', listener);
          done(JSON.parse(event.message));
        };
        session.on('Target.receivedMessageFromTarget', listener);
      });
      const message = { id: 1, method: 'Runtime.evaluate', params: { expression: whenReady, returnByValue: true, awaitPromise: true } };
      await session.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify(message) });
      const { result, exceptionDetails } = (await reply).result;
      if (exceptionDetails) throw new Error(exceptionDetails.exception?.description ?? exceptionDetails.text);
      return result.value;
    } finally {
      await session.send('Target.detachFromTarget', { sessionId });
      await session.send('Target.closeTarget', { targetId: popupId });
    }
  }

  /**
   * Load the build again, as an update does: a new worker, and open tabs keep only the old
   * content scripts, cut off from the extension.
   */
  async updateExtension(): Promise<void> {
    const restarted = this.context.waitForEvent('serviceworker', { timeout: 15_000 });
    await this.withBrowserSession((session) => session.send('Extensions.loadUnpacked', { path: this.extensionDir }));
    this.worker = await restarted;
  }

  /**
   * A CDP session on the whole browser, as a client on the debugging port: the only one offered
   * the Extensions domain, and one that sees every target, the toolbar popup's among them. As it
   * leaves, this second client deletes the folder the browser saves downloads into: a test
   * downloads before it, not after.
   */
  async withBrowserSession<T>(use: (session: CDPSession) => Promise<T>): Promise<T> {
    // Chromium writes the port it picked for `--remote-debugging-port=0` into the profile.
    const port = readFileSync(join(this.userDataDir, 'DevToolsActivePort'), 'utf8').split('\n')[0];
    const browser = await chromium.connectOverCDP(`http://127.0.0.1:${port}`);
    try {
      return await use(await browser.newBrowserCDPSession());
    } finally {
      // Disconnects this second client only; the browser and the test's context stay.
      await browser.close();
    }
  }

  /** The popup as it would show for `page`'s tab (`popup.html?tabId=N`), or with no tab. */
  async openPopup(page?: Page): Promise<Page> {
    const query = page ? `?tabId=${await this.tabIdOf(page)}` : '';
    const popup = await this.context.newPage();
    await popup.goto(this.url(`popup.html${query}`));
    return popup;
  }

  async openDashboard(hash = ''): Promise<Page> {
    const dashboard = await this.context.newPage();
    await dashboard.goto(this.url(`dashboard.html${hash}`));
    return dashboard;
  }

  /**
   * From now on, each page opened counts the records IndexedDB hands it, per store
   * (`recordsRead`): what a page reads to open, which a time limit cannot tell apart at the sizes
   * tests seed.
   */
  async countRecordsRead(): Promise<void> {
    await this.context.addInitScript(() => {
      const read: Record<string, number> = {};
      Object.defineProperty(window, 'kithRecordsRead', { get: () => read });
      for (const proto of [IDBObjectStore.prototype, IDBIndex.prototype] as unknown as Record<string, unknown>[]) {
        for (const method of ['get', 'getAll', 'openCursor']) {
          const original = proto[method] as (...args: unknown[]) => IDBRequest;
          proto[method] = function (this: IDBObjectStore | IDBIndex, ...args: unknown[]) {
            const request = original.apply(this, args);
            const store = (this instanceof IDBIndex ? this.objectStore : this).name;
            request.addEventListener('success', () => {
              read[store] = (read[store] ?? 0) + (Array.isArray(request.result) ? request.result.length : request.result ? 1 : 0);
            });
            return request;
          };
        }
      }
    });
  }

  /** Every record in a store of the extension's IndexedDB, read inside the service worker. */
  async readStore<T = Record<string, unknown>>(store: 'contacts' | 'interactions' | 'reminders'): Promise<T[]> {
    return this.worker.evaluate(async (name) => {
      const db = await new Promise<IDBDatabase | undefined>((resolve, reject) => {
        const request = indexedDB.open('kith');
        // Opening without a version must never create the database in the extension's place.
        request.onupgradeneeded = () => request.transaction?.abort();
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => (request.error?.name === 'AbortError' ? resolve(undefined) : reject(request.error));
      });
      if (!db || !db.objectStoreNames.contains(name)) return [];
      try {
        return await new Promise<unknown[]>((resolve, reject) => {
          const request = db.transaction(name).objectStore(name).getAll();
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        });
      } finally {
        db.close();
      }
    }, store) as Promise<T[]>;
  }

  /** Put records into a store of the extension's IndexedDB as they are (seeding a test). */
  async putRecords(store: 'contacts' | 'interactions' | 'reminders', records: unknown[]): Promise<void> {
    await this.worker.evaluate(
      async ({ name, records }) => {
        const open = () =>
          new Promise<IDBDatabase>((resolve, reject) => {
            const request = indexedDB.open('kith');
            request.onsuccess = () => resolve(request.result);
            request.onerror = () => reject(request.error);
          });
        // The worker makes the database as it starts: a test that seeds at once may be first.
        let db = await open();
        for (let tries = 0; !db.objectStoreNames.contains(name) && tries < 50; tries++) {
          db.close();
          await new Promise((wait) => setTimeout(wait, 100));
          db = await open();
        }
        try {
          const tx = db.transaction(name, 'readwrite');
          for (const record of records) tx.objectStore(name).put(record);
          await new Promise((resolve, reject) => {
            tx.oncomplete = resolve;
            tx.onerror = () => reject(tx.error);
          });
        } finally {
          db.close();
        }
      },
      { name: store, records },
    );
  }

  async badgeText(): Promise<string> {
    return this.worker.evaluate(() => chrome.action.getBadgeText({}));
  }

  /**
   * Kill the browser at once, as a crash or a power cut does (no page hears it close), then
   * launch it again on the same profile.
   */
  async crash(): Promise<void> {
    // The browser's own crash, from a second CDP client: the test's connection goes with it.
    await this.withBrowserSession((session) => session.send('Browser.crash').catch(() => undefined)).catch(() => undefined);
    await this.context.close().catch(() => undefined);
    this.context = await launchWithExtension(this.userDataDir, this.extensionDir);
    watchOwnNetworkRequests(this.context, this.ownNetworkRequests);
    this.worker = await extensionWorker(this.context);
  }

  /** Quit and relaunch the browser on the same profile, as a user restarting Chrome (in `timeZone`, if given). */
  async restart(options: { timeZone?: string } = {}): Promise<void> {
    await this.context.close();
    this.context = await launchWithExtension(this.userDataDir, this.extensionDir, options);
    watchOwnNetworkRequests(this.context, this.ownNetworkRequests);
    this.worker = await extensionWorker(this.context);
  }
}

export const test = base.extend<{ kith: Kith }>({
  kith: async ({}, use) => {
    const userDataDir = mkdtempSync(join(tmpdir(), 'kith-e2e-'));
    const context = await launchWithExtension(userDataDir);
    const kith = new Kith(context, await extensionWorker(context), userDataDir);
    await use(kith);
    await kith.context.close();
    rmSync(userDataDir, { recursive: true, force: true });
    // Privacy: Kith never phones home, in any test.
    expect(kith.ownNetworkRequests, 'network requests made by Kith itself').toEqual([]);
  },
});

export const expect = test.expect;

/** The address a fixture says it is served at (its first line: `<!-- url: … -->`). */
export function fixtureUrl(file: string): string {
  const url = /^<!-- url: (\S+) -->/.exec(readFileSync(join(FIXTURES_DIR, file), 'utf8'))?.[1];
  if (!url) throw new Error(`${file} does not say its URL`);
  return url;
}

/** Serve a fixture at its real address (or `url`) and open it in a new tab. */
export async function openFixture(kith: Kith, file: string, url = fixtureUrl(file)): Promise<Page> {
  // Requests carry no fragment (Gmail's thread is in it), so the route is the address without it.
  await kith.serve(url.split('#')[0], { file });
  return kith.open(url);
}

/** A form field of an extension page, by its label. */
/** The page's local date `days` from today, as a date input holds it (`YYYY-MM-DD`). */
export const localDateIn = (page: Page, days = 0) =>
  page.evaluate((n) => {
    const d = new Date();
    d.setDate(d.getDate() + n);
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  }, days);

export const field = (page: Page, label: string) => page.getByLabel(label, { exact: true });

/** Records of `store` the page has read since it opened (after `Kith.countRecordsRead`). */
export const recordsRead = (page: Page, store: 'contacts' | 'interactions' | 'reminders') =>
  page.evaluate((name) => (window as unknown as { kithRecordsRead: Record<string, number> }).kithRecordsRead[name] ?? 0, store);

/** The popup's form shows exactly these values (an empty string: the field is empty). */
export async function expectPrefilled(popup: Page, values: Record<string, string>): Promise<void> {
  for (const [label, value] of Object.entries(values)) await expect(field(popup, label)).toHaveValue(value);
}
