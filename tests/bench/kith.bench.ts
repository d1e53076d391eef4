// `npm run bench`: Kith's speed in the real browser, each measure beside the browser's own floor
// where there is one. Runs the built extension the way the e2e tests do (tests/e2e/harness.ts),
// prints a table and writes bench-results.json at the repository root. See BENCHMARKS.md.
import type { CDPSession, Page } from '@playwright/test';
import { test as base, expect } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { EXTENSION_DIR, chromiumExecutable } from '../../scripts/chromium.mjs';
import { connectionsCsv } from '../e2e/connections-csv';
import { Kith, POPUP_READY_MARK, extensionWorker, fixtureUrl, launchWithExtension } from '../e2e/harness';
import { seedNotebook, seededId } from './seed';

// ——— the build under test ———

/**
 * The shipped build plus one page the shipped build must not have: `bench-floor.html`, an
 * extension page that draws one heading and marks itself ready exactly as the popup does (after
 * the next frame, as Preact runs effects). Loading it costs what any extension page costs, which
 * is the floor under "popup ready". It lives only in this copy, never in what users install.
 * Beside it, `bench-asking.html`: the same page, but it first asks what the popup must ask before
 * it can draw anything (the tab's capture, the database open, the settings), with nothing of
 * Kith's code loaded: how much of the popup's time is the browser answering, not Kith. And
 * `bench-card.html`, written once the popup has drawn its card in the run (`writeCardFloor`): the
 * least any popup could do to show that card. Each is opened both ways the popup is: in a tab,
 * and set as the action's popup for one toolbar click.
 */
const BENCH_EXTENSION_DIR = resolve('.output/bench-chrome-mv3');

/**
 * `bench-capture-page.js`: the shipped capture script, compile hint and all, timing its own run:
 * from its first statement (the script is compiled by then) to its answer. The copy's manifest
 * grants the hosts of the pages it reads, so the worker can inject it as the popup does after a
 * click grants activeTab; no other host, so nothing else the bench measures is changed.
 */
const TIMED_CAPTURE_SCRIPT = 'bench-capture-page.js';
/**
 * `bench-capture-floor.js`: the capture script's floor. It touches what the generic readers read
 * (the JSON-LD blocks' text, the cards' text, the Open Graph tags, the mailto links) with none of
 * Kith's code: no parsing, cleaning or choosing. Timed the same way, in a fresh page of its own:
 * what reading that markup costs a script's first run in a fresh isolated world, whoever wrote it.
 */
const FLOOR_CAPTURE_SCRIPT = 'bench-capture-floor.js';
const FLOOR_CAPTURE_CODE = `var kithBenchStart = performance.now();
var read = [];
for (const block of document.querySelectorAll('script[type="application/ld+json"]')) read.push(block.textContent);
for (const card of document.querySelectorAll('.h-card, .vcard')) read.push(card.textContent);
for (const meta of document.querySelectorAll('meta[property^="og:"]')) read.push(meta.getAttribute('content'));
for (const link of document.querySelectorAll('a[href^="mailto:"]')) read.push(link.getAttribute('href'), link.textContent);
for (const property of document.querySelectorAll('[itemscope] [itemprop]')) read.push(property.getAttribute('content') ?? property.textContent);
({ answer: { people: read }, ms: performance.now() - kithBenchStart });
`;
/** Fixtures of pages with no reader of their own, read by the capture script. */
const OTHER_PAGES = ['json-ld.html', 'microdata.html', 'h-card.html', 'open-graph.html', 'mailto.html'];

function timedCaptureScript(): string {
  const [hint, ...rest] = readFileSync(join(EXTENSION_DIR, 'capture-page.js'), 'utf8').split('\n');
  const code = rest.join('\n');
  const answer = /\ncapturePage;\s*$/;
  if (!hint.startsWith('//# ') || !answer.test(code)) throw new Error('capture-page.js is not shaped as the bench expects');
  return `${hint}\nvar kithBenchStart = performance.now();\n${code.replace(answer, '\n({ answer: capturePage, ms: performance.now() - kithBenchStart });')}`;
}

function prepareBenchBuild(): void {
  rmSync(BENCH_EXTENSION_DIR, { recursive: true, force: true });
  cpSync(EXTENSION_DIR, BENCH_EXTENSION_DIR, { recursive: true });
  writeFileSync(join(BENCH_EXTENSION_DIR, TIMED_CAPTURE_SCRIPT), timedCaptureScript());
  writeFileSync(join(BENCH_EXTENSION_DIR, FLOOR_CAPTURE_SCRIPT), FLOOR_CAPTURE_CODE);
  const manifest = JSON.parse(readFileSync(join(BENCH_EXTENSION_DIR, 'manifest.json'), 'utf8'));
  manifest.host_permissions.push(...OTHER_PAGES.map((file) => `${new URL(fixtureUrl(file)).origin}/*`));
  writeFileSync(join(BENCH_EXTENSION_DIR, 'manifest.json'), JSON.stringify(manifest));
  writeFileSync(join(BENCH_EXTENSION_DIR, 'bench-floor.html'), barePage('/bench-floor.js'));
  writeFileSync(
    join(BENCH_EXTENSION_DIR, 'bench-floor.js'),
    `const heading = document.createElement('h1');
heading.textContent = 'Kith';
document.body.append(heading);
requestAnimationFrame(() => setTimeout(() => performance.mark(${JSON.stringify(POPUP_READY_MARK)})));
`,
  );
  writeFileSync(join(BENCH_EXTENSION_DIR, 'bench-asking.html'), barePage('/bench-asking.js'));
  writeFileSync(
    join(BENCH_EXTENSION_DIR, 'bench-asking.js'),
    askingFirst(`db.close();
  const heading = document.createElement('h1');
  heading.textContent = 'Kith';
  document.body.append(heading);
  markReadyAfterNextFrame();`),
  );
}

/** An extension page with nothing in it but `script`. */
const barePage = (script: string) =>
  '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Kith</title>' +
  `<script type="module" src="${script}"></script></head><body></body></html>`;

/**
 * A page script that asks what the popup must ask before it can draw anything (the tab's capture,
 * the database open, the settings), as plainly as the browser allows, then runs `then` with the
 * open database as `db`.
 */
function askingFirst(then: string): string {
  return `// As the popup finds its tab: from ?tabId=N in a tab, else the active tab of its window.
const param = new URLSearchParams(location.search).get('tabId');
const tabId = param ? Promise.resolve(Number(param)) : chrome.tabs.query({ active: true, currentWindow: true }).then(([tab]) => tab.id);
const opened = new Promise((resolve, reject) => {
  const request = indexedDB.open('kith');
  request.onsuccess = () => resolve(request.result);
  request.onerror = () => reject(request.error);
});
const markReadyAfterNextFrame = () => requestAnimationFrame(() => setTimeout(() => performance.mark(${JSON.stringify(POPUP_READY_MARK)})));
Promise.all([
  opened,
  chrome.storage.local.get('settings'),
  tabId.then((id) => chrome.tabs.sendMessage(id, { type: 'capture:get', payload: {} }, { frameId: 0 })),
]).then(([db]) => {
  ${then}
});
`;
}

/** The saved person whose card the popup is timed on: their profile fixture is served there. */
const TIMED_PROFILE = { index: 7777, url: 'https://www.linkedin.com/in/rosa-lindqvist/' };

/**
 * `bench-card.html`: the least any popup could do to show this card, with none of Kith's code.
 * The popup's own page (its stylesheet too) whose script asks what the popup asks, reads the
 * person, their interactions and reminders in one transaction, and draws `markup`, the popup's
 * own screen of that card as it was drawn in this run, focusing the field the popup focuses. No
 * framework, no schemas, no cleaning: whatever the popup takes beyond it is Kith's to cut; what
 * it takes beyond the empty page is the browser's.
 */
function writeCardFloor(markup: string, focusedId: string): void {
  const popupPage = readFileSync(join(BENCH_EXTENSION_DIR, 'popup.html'), 'utf8');
  const script = /<script type="module"[^>]*><\/script>/;
  if (!script.test(popupPage)) throw new Error('popup.html is not shaped as the bench expects');
  writeFileSync(join(BENCH_EXTENSION_DIR, 'bench-card.html'), popupPage.replace(script, '<script type="module" src="/bench-card.js"></script>'));
  writeFileSync(
    join(BENCH_EXTENSION_DIR, 'bench-card.js'),
    askingFirst(`const tx = db.transaction(['contacts', 'interactions', 'reminders']);
  const contact = tx.objectStore('contacts').index('byProfileUrl').get(${JSON.stringify(TIMED_PROFILE.url)});
  contact.onsuccess = () => {
    let left = 2;
    const drawn = () => {
      if (--left) return;
      db.close();
      document.getElementById('app').innerHTML = ${JSON.stringify(markup)};
      document.getElementById(${JSON.stringify(focusedId)}).focus();
      markReadyAfterNextFrame();
    };
    tx.objectStore('interactions').index('byContact').getAll(contact.result.id).onsuccess = drawn;
    tx.objectStore('reminders').index('byContact').getAll(contact.result.id).onsuccess = drawn;
  };`),
  );
}

/** Kith in a browser profile of its own, made for `use` and deleted after it. */
async function inFreshProfile<T>(use: (kith: Kith) => Promise<T>): Promise<T> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'kith-bench-'));
  const context = await launchWithExtension(userDataDir, BENCH_EXTENSION_DIR);
  const kith = new Kith(context, await extensionWorker(context), userDataDir, BENCH_EXTENSION_DIR);
  try {
    return await use(kith);
  } finally {
    await kith.context.close();
    rmSync(userDataDir, { recursive: true, force: true });
    expect(kith.ownNetworkRequests, 'network requests made by Kith itself').toEqual([]);
  }
}

const test = base.extend<{ kith: Kith }>({
  kith: async ({}, use) => inFreshProfile(use),
});
test.describe.configure({ mode: 'serial' });
test.beforeAll(prepareBenchBuild);

// ——— results ———

type Results = {
  popupReady: { contacts: number; p50: number; floorP50: number; askingP50: number; cardFloorP50: number };
  popupReadyInTab: { p50: number; floorP50: number; askingP50: number; cardFloorP50: number };
  search: { '1000': number; '10000': number; '100000': number; floor100000: number };
  importMs: { '10000': number };
  /** Not asked for by the issue: the import's floor, IndexedDB alone writing what it wrote (timeWriteFloor). */
  importWriteFloorMs: number;
  exportMs: { '10000': number };
  extractMs: { linkedin: number; gmail: number; outlook: number };
  contentScriptGzipBytes: Record<string, number>;
  badgeAfterSaveMs: number;
  /** Not asked for by the issue: the capture script's floor on each page it reads (FLOOR_CAPTURE_SCRIPT). */
  captureFloorMs: Record<string, number>;
  /** Not asked for by the issue: a contact's page in the dashboard, by notebook size. */
  contactPage: Record<string, { drawn: number; whole: number; save: number }>;
};
const results: Partial<Results> = {};
type Row = { measure: string; value: string; floor?: string; target: string; ok?: boolean };
const rows: Row[] = [];

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((values.length * p) / 100))];
const round = (ms: number) => Math.round(ms * 100) / 100;

/**
 * How far the ratio of two medians could move on another run of the same opens: the 2.5th and
 * 97.5th percentiles of that ratio over 2,000 resamplings of the paired runs (run i of `a` stays
 * with run i of `b`, as they were measured side by side). Seeded, so a table is reproducible.
 */
function ratioInterval(a: number[], b: number[]): [number, number] {
  let seed = 0x9e3779b9;
  const random = () => {
    seed = (seed * 1_664_525 + 1_013_904_223) >>> 0;
    return seed / 2 ** 32;
  };
  const ratios = Array.from({ length: 2_000 }, () => {
    const picks = a.map(() => Math.floor(random() * a.length));
    return median(picks.map((i) => a[i])) / median(picks.map((i) => b[i]));
  });
  return [percentile(ratios, 2.5), percentile(ratios, 97.5)];
}
const ms = (value: number) => `${value.toFixed(value < 10 ? 2 : 1)} ms`;

// ——— page helpers ———

const SETTLE_IN_PAGE = () => new Promise<void>((done) => requestAnimationFrame(() => setTimeout(done)));

/**
 * Arm a timer in `page`: from the first `startEvent` (its timeStamp: when the browser received
 * the input) until `doneText` is in the page and the frame showing it has been produced.
 * Collect with `elapsed(page)` after triggering the event.
 */
async function arm(page: Page, startEvent: string, doneText: string): Promise<void> {
  await page.evaluate(
    ([eventType, text]) => {
      const w = window as unknown as { benchElapsed?: Promise<number> };
      w.benchElapsed = new Promise<number>((done) => {
        let start: number | undefined;
        const check = () => {
          if (start === undefined || !document.body.textContent?.includes(text)) return;
          observer.disconnect();
          const began = start;
          requestAnimationFrame(() => setTimeout(() => done(performance.now() - began)));
        };
        const observer = new MutationObserver(check);
        observer.observe(document.body, { subtree: true, childList: true, characterData: true });
        document.addEventListener(
          eventType,
          (event) => {
            start ??= event.timeStamp;
            check();
          },
          { capture: true, once: true },
        );
      });
    },
    [startEvent, doneText],
  );
}

const elapsed = (page: Page) => page.evaluate(() => (window as unknown as { benchElapsed: Promise<number> }).benchElapsed);

/**
 * How long a page just navigated is left alone before its ready mark is read. Reading it sooner
 * runs Playwright's evaluate (its utility script first) on the page's main thread while the page
 * is still loading: in paired runs of 80 opens that slowed the popup by 4–7 ms and the empty page
 * by ~1, so the bench was timing itself as much as the popup.
 */
const UNTOUCHED_MS = 300;

async function readyMark(page: Page): Promise<number> {
  await new Promise((settled) => setTimeout(settled, UNTOUCHED_MS));
  await expect.poll(() => page.evaluate((mark) => performance.getEntriesByName(mark).length, POPUP_READY_MARK)).toBe(1);
  return page.evaluate((mark) => performance.getEntriesByName(mark)[0].startTime, POPUP_READY_MARK);
}

/**
 * Until the site's content script has done what it does while the page is idle (two steps, each
 * in an idle period of its own: lib/site-content-script.ts). Idle callbacks run in the order they
 * were asked for, and the script asks for its first as it loads (document_idle, which Chrome
 * reaches by the load event `kith.open` waits for), so waiting out as many idle periods as it has
 * steps, and one more, waits it out.
 */
async function afterContentScriptIdle(page: Page): Promise<void> {
  for (let period = 0; period < 3; period++) await page.evaluate(() => new Promise<void>((done) => requestIdleCallback(() => done())));
}

/** Chromium's trace events of `page` (its renderer's timeline) while `action` runs. */
async function traced(kith: Kith, page: Page, action: () => Promise<unknown>): Promise<Record<string, unknown>[]> {
  const cdp = await kith.context.newCDPSession(page);
  // Typed as strings by Playwright; durations arrive as numbers of microseconds.
  const events: Record<string, unknown>[] = [];
  cdp.on('Tracing.dataCollected', ({ value }) => events.push(...value));
  const complete = new Promise((done) => cdp.once('Tracing.tracingComplete', done));
  await cdp.send('Tracing.start', { traceConfig: { includedCategories: ['devtools.timeline'] }, transferMode: 'ReportEvents' });
  await action();
  await cdp.send('Tracing.end');
  await complete;
  await cdp.detach();
  return events;
}

/** One traced task: milliseconds from its start to its end, and of them, those its thread ran. */
type TaskTime = { wall: number; cpu: number };

/**
 * A site's page opened fresh, traced until its content script has done its idle work: how long
 * each of the script's idle callbacks took in its own world, as Chromium ran them, in order (the
 * bench's own idle callbacks, which wait for them, are told apart by the script they call into).
 * On a busy host the script may be injected after the bench's idle periods have passed, and its
 * second step falls outside the trace: then the page is opened afresh, up to three times.
 */
async function openTracingIdleWork(kith: Kith, url: string): Promise<{ page: Page; idleSteps: TaskTime[] }> {
  for (let attempt = 1; ; attempt++) {
    const page = await kith.context.newPage();
    const events = await traced(kith, page, async () => {
      await page.goto(url);
      await afterContentScriptIdle(page);
    });
    const span = (event: Record<string, unknown>) => [Number(event.ts), Number(event.ts) + Number(event.dur)];
    const scriptCalls = events.filter(
      (event) => event.name === 'FunctionCall' && String((event.args as { data?: { url?: string } })?.data?.url).includes('/content-scripts/'),
    );
    const idleSteps = events
      .filter((event) => event.name === 'FireIdleCallback' && event.ph === 'X')
      .filter((idle) => scriptCalls.some((call) => span(call)[0] >= span(idle)[0] && span(call)[1] <= span(idle)[1]))
      .sort((a, b) => Number(a.ts) - Number(b.ts))
      .map((idle) => ({ wall: Number(idle.dur) / 1000, cpu: Number(idle.tdur) / 1000 }));
    if (idleSteps.length < 2 && attempt < 3) {
      await page.close();
      continue;
    }
    expect(idleSteps.length, "the content script's idle steps").toBe(2);
    expect(idleSteps.every((step) => step.cpu > 0), 'thread times in the trace').toBe(true);
    return { page, idleSteps };
  }
}

/**
 * The popup's ask answered by the tab's content script, as the tab's renderer spent it: the
 * listener's call (the longest `FunctionCall` around the worker's `capture:get`), messaging
 * included.
 */
async function tracedAsk(kith: Kith, page: Page): Promise<number> {
  const tabId = await kith.tabIdOf(page);
  let answered = false;
  const events = await traced(kith, page, async () => {
    const answer = await kith.worker.evaluate(
      (id) => chrome.tabs.sendMessage(id, { type: 'capture:get', payload: {} }, { frameId: 0 }) as Promise<{ ok: boolean }>,
      tabId,
    );
    answered = answer.ok;
  });
  expect(answered, 'the content script answered').toBe(true);
  const calls = events.filter((event) => event.name === 'FunctionCall' && event.ph === 'X').map((event) => Number(event.dur) / 1000);
  expect(calls.length, 'the trace holds the listener call').toBeGreaterThan(0);
  return Math.max(...calls);
}

async function seed(kith: Kith, from: number, count: number, now: number) {
  await expect.poll(() => kith.worker.evaluate(async () => (await indexedDB.databases()).some((db) => db.name === 'kith'))).toBe(true);
  return kith.worker.evaluate(seedNotebook, {
    from,
    count,
    now,
    dueEvery: 250,
    profile: TIMED_PROFILE,
  });
}

async function count(kith: Kith, store: 'contacts' | 'interactions' | 'reminders'): Promise<number> {
  return kith.worker.evaluate(async (name) => {
    const db = await new Promise<IDBDatabase>((done, fail) => {
      const request = indexedDB.open('kith');
      request.onsuccess = () => done(request.result);
      request.onerror = () => fail(request.error);
    });
    const total = await new Promise<number>((done) => {
      const request = db.transaction(name).objectStore(name).count();
      request.onsuccess = () => done(request.result);
    });
    db.close();
    return total;
  }, store);
}

/** Ask the background to recount (the seeding bypassed the app) and wait for the badge to agree. */
async function recount(kith: Kith, page: Page, expected: string) {
  await page.evaluate(() => chrome.runtime.sendMessage({ type: 'data:changed', payload: {} }));
  await expect.poll(() => kith.badgeText()).toBe(expected);
}

// ——— measures ———

test('content script sizes', () => {
  const dir = join(EXTENSION_DIR, 'content-scripts');
  const sizes: Record<string, number> = {};
  for (const file of readdirSync(dir).filter((name) => name.endsWith('.js')).sort()) {
    const code = readFileSync(join(dir, file));
    const name = file.replace(/\.js$/, '');
    sizes[name] = gzipSync(code, { level: 9 }).length;
    rows.push({
      measure: `content script ${name} (raw ${(code.length / 1024).toFixed(1)} KB)`,
      value: `${(sizes[name] / 1024).toFixed(1)} KB gzip`,
      target: '< 15 KB gzip',
      ok: sizes[name] < 15 * 1024,
    });
  }
  results.contentScriptGzipBytes = sizes;
});

test('extraction in the page, per fixture', async ({ kith }) => {
  // Any other page is read by the shipped capture script, injected by the worker as the popup
  // does, and timed in its own world (the isolated world the browser makes for it): its first
  // run is what a popup opening there waits for, beside the whole trip from the worker.
  // On the three sites with a content script of their own, that script reads the page once as soon
  // as it is idle (lib/site-content-script.ts), so that the popup's ask finds it warm: the row is
  // that read, traced in the script's own world, as the CPU time its thread spent on it. The read
  // holds nothing up the user waits for, so what it costs is the CPU it takes from the page; on a
  // shared 2-core host, its start-to-end time (beside it) also counts whenever another process
  // had the core, which swung a median of 15 from 2.2 to 4.7 ms between runs while the CPU time
  // stayed at ~2. Beside it too, the rest of its idle work (the site's sample patterns) and the
  // popup's first ask, traced there as well, messaging included.
  // Beside each, warm runs of the extractors bundled on their own and run in the page, and the
  // first parse of the page's answer (PageCapture), which the popup or worker that asked runs when
  // it arrives: measured in the page after one extraction, so the text cleaning it shares with the
  // extractors is already compiled; the popup pays more.
  const bundle = await build({
    stdin: {
      contents:
        "import { GMAIL, LINKEDIN, OUTLOOK, capturePage, captureSite } from './lib/extract/page';\n" +
        "import { PageCapture } from './lib/capture-model';\n" +
        'globalThis.kithBench = { capturePage, captureSite, PageCapture, sites: { linkedin: LINKEDIN, gmail: GMAIL, outlook: OUTLOOK } };',
      resolveDir: resolve('.'),
      loader: 'ts',
    },
    bundle: true,
    minify: true,
    format: 'iife',
    write: false,
  });
  const script = bundle.outputFiles[0].text;
  const FIXTURES: [file: string, site?: 'linkedin' | 'gmail' | 'outlook'][] = [
    ['linkedin-public.html', 'linkedin'],
    ['linkedin-2023.html', 'linkedin'],
    ['linkedin-2026.html', 'linkedin'],
    ['gmail-single.html', 'gmail'],
    ['gmail-thread.html', 'gmail'],
    ['outlook-en.html', 'outlook'],
    ['outlook-de.html', 'outlook'],
    ...OTHER_PAGES.map((file): [string] => [file]),
  ];
  const LOADS = 15;
  // Cross-origin isolated, a page's clock reads to 5 µs instead of 100 µs: a 2 ms target needs
  // finer steps than a twentieth of itself. The headers change nothing the extractors read.
  const ISOLATED = { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' };
  const WARM_RUNS = 40;
  const worst: Record<string, number> = {};
  const captureFloors: Record<string, number> = {};
  /** A script of the bench's copy injected from the worker as the popup injects the capture script: its own time, and the whole trip. */
  const injectTimed = async (page: Page, file: string) =>
    kith.worker.evaluate(
      async ([tabId, file]) => {
        const start = performance.now();
        // A file of the bench's copy only, which the shipped build's path types do not list.
        const [frame] = await chrome.scripting.executeScript({ target: { tabId }, files: [file as never] });
        const { answer, ms } = frame.result as { answer: { people: unknown[] }; ms: number };
        return { ms, trip: performance.now() - start, found: answer.people.length };
      },
      [await kith.tabIdOf(page), file] as const,
    );
  for (const [file, site] of FIXTURES) {
    const cold: number[] = [];
    const coldWall: number[] = [];
    const parse: number[] = [];
    const warm: number[] = [];
    const url = fixtureUrl(file);
    await kith.serve(url.split('#')[0], { file }, ISOLATED);
    const trips: number[] = [];
    const asks: number[] = [];
    const laterIdleSteps: number[] = [];
    const floors: number[] = [];
    for (let load = 0; load < LOADS; load++) {
      let page: Page;
      if (site) {
        const opened = await openTracingIdleWork(kith, url);
        page = opened.page;
        const [read, ...later] = opened.idleSteps;
        cold.push(read.cpu);
        coldWall.push(read.wall);
        laterIdleSteps.push(later.reduce((sum, step) => sum + step.cpu, 0));
        asks.push(await tracedAsk(kith, page));
      } else {
        // The floor in a fresh page of its own, before the capture script's or after, by turns.
        const floorFirst = load % 2 === 0;
        const readFloor = async () => {
          const floorPage = await kith.open(url);
          floors.push((await injectTimed(floorPage, FLOOR_CAPTURE_SCRIPT)).ms);
          await floorPage.close();
        };
        if (floorFirst) await readFloor();
        page = await kith.open(url);
        const injected = await injectTimed(page, TIMED_CAPTURE_SCRIPT);
        expect(injected.found, `${file}: people found by the capture script`).toBeGreaterThan(0);
        cold.push(injected.ms);
        trips.push(injected.trip);
        if (!floorFirst) await readFloor();
      }
      if (load === 0) expect(await page.evaluate(() => crossOriginIsolated), `${file}: isolated`).toBe(true);
      await page.addScriptTag({ content: script });
      const timing = await page.evaluate(
        ([siteName, runs]) => {
          type Bench = {
            capturePage: (d: Document, u: string) => unknown;
            captureSite: (s: unknown, d: Document, u: string) => unknown;
            PageCapture: { parse: (capture: unknown) => { people: unknown[] } };
            sites: Record<string, unknown>;
          };
          const bench = (globalThis as unknown as { kithBench: Bench }).kithBench;
          const capture = () =>
            siteName ? bench.captureSite(bench.sites[siteName], document, location.href) : bench.capturePage(document, location.href);
          const answer = capture();
          let start = performance.now();
          const found = bench.PageCapture.parse(answer).people.length;
          const parse = performance.now() - start;
          const times: number[] = [];
          for (let i = 0; i < runs; i++) {
            start = performance.now();
            capture();
            times.push(performance.now() - start);
          }
          return { parse, times, found };
        },
        [site, WARM_RUNS] as const,
      );
      expect(timing.found, `${file}: people found`).toBeGreaterThan(0);
      parse.push(timing.parse);
      warm.push(...timing.times);
      await page.close();
    }
    const coldP50 = median(cold);
    if (site) worst[site] = Math.max(worst[site] ?? 0, coldP50);
    else captureFloors[file] = round(median(floors));
    rows.push({
      measure: `extract ${file} (${site ? "content script's first read, at idle, in its world, CPU" : "capture script's first run, in its world"}, p50 of ${LOADS})`,
      value: ms(coldP50),
      floor: `${site ? `${ms(median(coldWall))} start to end; then the sample patterns ${ms(median(laterIdleSteps))} CPU; the popup's first ask answered in ${ms(median(asks))}` : `the same markup read with none of Kith's code ${ms(median(floors))}; injected from the worker and answered ${ms(median(trips))}`}; warm p50 ${ms(median(warm))}; receiver's first parse ${ms(median(parse))}`,
      target: '< 2 ms',
      ok: coldP50 < 2,
    });
  }
  results.extractMs = { linkedin: round(worst.linkedin), gmail: round(worst.gmail), outlook: round(worst.outlook) };
  results.captureFloorMs = captureFloors;
});

/**
 * Each run imports into a browser profile of its own: an empty notebook as a user has one. Until
 * 03:15 on 2026-11-25 the runs shared one, emptied between them, and writing into a database that
 * had just deleted 10,000 records was slower (an import after a clear against one into a new
 * profile, 6 pairs: 783 against 720 ms, slower in 5).
 */
test('import 10,000 LinkedIn connections', async () => {
  const csv = Buffer.from(connectionsCsv(10_000));
  const RUNS = 3;
  const runs = [];
  const floors = [];
  let written: WrittenStores | undefined;
  // Each import in a profile of its own, then the floor in another: alternating, so the host's
  // drift falls on both.
  for (let run = 0; run < RUNS; run++) {
    runs.push(
      await inFreshProfile(async (kith) => {
        const times = await timeImport(kith, csv);
        written ??= await storesAsWritten(kith);
        return times;
      }),
    );
    floors.push(await inFreshProfile((kith) => timeWriteFloor(kith, written!)));
  }
  const p50 = median(runs.map(({ preview, apply }) => preview + apply));
  const floorP50 = median(floors);
  results.importMs = { '10000': round(p50) };
  results.importWriteFloorMs = round(floorP50);
  rows.push({
    measure: `import 10,000 connections into a new notebook: file chosen → preview + Import → report (p50 of ${RUNS})`,
    value: ms(p50),
    floor: `preview ${ms(median(runs.map((r) => r.preview)))}, apply ${ms(median(runs.map((r) => r.apply)))}; IndexedDB alone writing the records the import wrote, in one transaction into the same stores and indexes, with none of Kith's code: ${ms(floorP50)}`,
    target: '< 1000 ms',
    ok: p50 < 1000,
  });
});

async function timeImport(kith: Kith, csv: Buffer): Promise<{ preview: number; apply: number }> {
  const page = await kith.openDashboard('#/import');
  const file = page.getByLabel('Import', { exact: true });
  await expect(file).toBeVisible();
  // Choosing the file: read, parse, detect, compare with the notebook, preview drawn.
  await arm(page, 'change', 'Import 10,000 contacts');
  await file.setInputFiles({ name: 'Connections.csv', mimeType: 'text/csv', buffer: csv });
  const preview = await elapsed(page);
  // Applying it: one transaction, the report drawn.
  await arm(page, 'click', 'Imported Connections.csv');
  await page.getByRole('button', { name: /^Import 10,000 contacts/ }).click();
  const apply = await elapsed(page);
  await expect.poll(() => count(kith, 'contacts')).toBe(10_000);
  return { preview, apply };
}

/** Each store of Kith's database as the import left it: its key path, its indexes and its records. */
type WrittenStores = {
  name: string;
  keyPath: string;
  indexes: { name: string; keyPath: string | string[]; multiEntry: boolean; unique: boolean }[];
  records: unknown[];
}[];

/**
 * Read in the worker right after the import's report is drawn, before the keep-in-touch
 * reminders it sets next are written: so what the import's own transaction wrote.
 */
async function storesAsWritten(kith: Kith): Promise<WrittenStores> {
  return kith.worker.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('kith');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const tx = db.transaction([...db.objectStoreNames]);
    const stores = await Promise.all(
      [...db.objectStoreNames].map(
        (name) =>
          new Promise<WrittenStores[number]>((resolve, reject) => {
            const store = tx.objectStore(name);
            const request = store.getAll();
            request.onerror = () => reject(request.error);
            request.onsuccess = () =>
              resolve({
                name,
                keyPath: store.keyPath as string,
                indexes: [...store.indexNames].map((index) => {
                  const { keyPath, multiEntry, unique } = store.index(index);
                  return { name: index, keyPath, multiEntry, unique };
                }),
                records: request.result,
              });
          }),
      ),
    );
    db.close();
    return stores;
  });
}

/**
 * The import's floor: an extension page with none of Kith's code writes the records the import
 * wrote into a new database of the same shape, in one transaction, as plainly as IndexedDB
 * allows. From the first `put` to the transaction's completion.
 */
async function timeWriteFloor(kith: Kith, stores: WrittenStores): Promise<number> {
  const page = await kith.context.newPage();
  await page.goto(kith.url('bench-floor.html'));
  const written = stores.filter((store) => store.records.length > 0);
  const elapsed = await page.evaluate(async (stores) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('kith-write-floor', 1);
      request.onupgradeneeded = () => {
        for (const { name, keyPath, indexes } of stores) {
          const store = request.result.createObjectStore(name, { keyPath });
          for (const index of indexes) store.createIndex(index.name, index.keyPath, { multiEntry: index.multiEntry, unique: index.unique });
        }
      };
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const tx = db.transaction(stores.map(({ name }) => name), 'readwrite');
    const start = performance.now();
    for (const { name, records } of stores) {
      const store = tx.objectStore(name);
      for (const record of records) store.put(record);
    }
    await new Promise((done, fail) => {
      tx.oncomplete = done;
      tx.onabort = () => fail(tx.error);
    });
    db.close();
    return performance.now() - start;
  }, written);
  await page.close();
  return elapsed;
}

test('a notebook of 1,000, 10,000 and 100,000 people: search, popup ready, export, badge after save', async ({ kith }) => {
  const now = Date.now();
  const searchP50: Record<string, number> = {};
  let floor100k = 0;
  let seeded = 0;

  for (const size of [1_000, 10_000, 100_000]) {
    await seed(kith, seeded, size - seeded, now);
    seeded = size;
    const dashboard = await kith.openDashboard('#/contacts');
    const countText = `${size.toLocaleString('en-US')} contacts`;
    await expect(dashboard.getByText(countText, { exact: true })).toBeVisible({ timeout: 120_000 });

    // The floor: a plain filter over the same records, in the same page, nothing drawn.
    await dashboard.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((done, fail) => {
        const request = indexedDB.open('kith');
        request.onsuccess = () => done(request.result);
        request.onerror = () => fail(request.error);
      });
      const records = await new Promise<unknown[]>((done) => {
        const request = db.transaction('contacts').objectStore('contacts').getAll();
        request.onsuccess = () => done(request.result);
      });
      db.close();
      (window as unknown as { benchRecords: unknown[] }).benchRecords = records;
    });

    const box = dashboard.getByLabel('Search contacts');
    const QUERIES = ['rosa', 'acme eng', 'berlin design', 'natarajan 12', 'meetup founder', 'qzx'];
    const keystrokes: number[] = [];
    const toDom: number[] = [];
    const floors: number[] = [];
    for (const query of QUERIES) {
      await box.fill('');
      await dashboard.evaluate(SETTLE_IN_PAGE);
      await box.focus();
      for (let i = 1; i <= query.length; i++) {
        await dashboard.evaluate(() => {
          const w = window as unknown as { benchKey?: Promise<{ dom: number; paint: number }> };
          w.benchKey = new Promise((done) => {
            let start = 0;
            document.addEventListener('keydown', (event) => (start = event.timeStamp), { capture: true, once: true });
            // Bubbling to the document runs after the search box's own handler and the render
            // it scheduled (a microtask, run as soon as that handler returned).
            document.addEventListener(
              'input',
              () => {
                const dom = performance.now() - start;
                requestAnimationFrame(() => setTimeout(() => done({ dom, paint: performance.now() - start })));
              },
              { once: true },
            );
          });
        });
        await dashboard.keyboard.type(query[i - 1]);
        const key = await dashboard.evaluate(() => (window as unknown as { benchKey: Promise<{ dom: number; paint: number }> }).benchKey);
        keystrokes.push(key.paint);
        toDom.push(key.dom);
        const floor = await dashboard.evaluate((text) => {
          type Record = { name: string; title: string; company: string; location: string; emails: string[]; tags: string[]; notes: string };
          const records = (window as unknown as { benchRecords: Record[] }).benchRecords;
          const terms = text.toLowerCase().trim().split(/\s+/).filter(Boolean);
          const start = performance.now();
          const hits = records.filter((c) => {
            const text = `${c.name}\n${c.title}\n${c.company}\n${c.location}\n${c.emails.join(' ')}\n${c.tags.join(' ')}\n${c.notes}`.toLowerCase();
            return terms.every((term) => text.includes(term));
          }).length;
          return { ms: performance.now() - start, hits };
        }, query.slice(0, i));
        floors.push(floor.ms);
        // What the dashboard shows must be what the plain filter finds: a fast wrong answer is no answer.
        const shown = floor.hits === size ? countText : `${floor.hits.toLocaleString('en-US')} ${floor.hits === 1 ? 'match' : 'matches'} of ${size.toLocaleString('en-US')}`;
        await expect(dashboard.getByText(shown, { exact: true })).toBeVisible();
      }
    }
    searchP50[size] = median(keystrokes);
    const floorP50 = median(floors);
    if (size === 100_000) floor100k = floorP50;
    rows.push({
      measure: `search at ${size.toLocaleString('en-US')}: keystroke → results painted (p50 of ${keystrokes.length}; p90 ${ms(percentile(keystrokes, 90))}; to DOM p50 ${ms(median(toDom))})`,
      value: ms(searchP50[size]),
      floor: `plain filter ${ms(floorP50)}`,
      target: size === 100_000 ? '< 16 ms' : '—',
      ok: size === 100_000 ? searchP50[size] < 16 : undefined,
    });

    if (size === 10_000) {
      await recount(kith, dashboard, String(size / 250));
      // The popup is timed with no other page of Kith's open. Extension pages share one renderer
      // process, its main thread and its heap: with a dashboard holding the notebook beside it,
      // the popup took ~5 ms longer and the empty page ~2 (80 alternating rounds, 03:25 on
      // 2026-11-25), so until then this row timed the dashboard as much as the popup.
      await dashboard.close();
      await measureContactPage(kith, size);
      // Exported first: the popup's measure connects a second client to the browser, which
      // leaves it saving downloads into a folder that client deleted as it left.
      const exporting = await kith.openDashboard('#/import');
      await measureExport(exporting, size);
      await exporting.close();
      await measurePopupReady(kith, size);
      await measureBadgeAfterSave(kith, size / 250);
      seeded = await count(kith, 'contacts');
    } else {
      await dashboard.close();
      if (size === 100_000) await measureContactPage(kith, size);
    }
  }
  results.search = { '1000': round(searchP50[1_000]), '10000': round(searchP50[10_000]), '100000': round(searchP50[100_000]), floor100000: round(floor100k) };
});

/**
 * The toolbar popup's ready mark and text, opened on `tab` showing `path`: popup.html, or one of
 * the bench's pages set as the action's popup for this click, so the floor is shown the way Kith is.
 */
async function toolbarPopupReady(
  kith: Kith,
  session: CDPSession,
  tab: Page,
  path: string,
): Promise<{ ready: number; text: string; markup?: string; focusedId: string }> {
  await kith.worker.evaluate((popup) => chrome.action.setPopup({ popup }), path);
  const read = `({
    ready: performance.getEntriesByName(${JSON.stringify(POPUP_READY_MARK)})[0].startTime,
    text: document.body.innerText,
    markup: document.getElementById('app')?.innerHTML,
    focusedId: document.activeElement.id,
  })`;
  return kith.readToolbarPopup(session, tab, read, { path, untouchedMs: UNTOUCHED_MS });
}

type OpenTimes = { popup: number[]; floor: number[]; asking: number[]; card: number[] };

function popupRow(contacts: number, way: string, times: OpenTimes, judged: boolean): Row {
  const [p50, floorP50, askingP50, cardP50] = [median(times.popup), median(times.floor), median(times.asking), median(times.card)];
  const ratio = (value: number) => `×${(value / floorP50).toFixed(2)}`;
  const [low, high] = ratioInterval(times.popup, times.floor);
  return {
    measure: `popup ready with a saved card at ${contacts.toLocaleString('en-US')}, on a profile just opened, ${way} (navigation → first real screen, p50 of ${times.popup.length})`,
    value: ms(p50),
    floor: `empty extension page ${ms(floorP50)} (${ratio(p50)}, 95% of resamplings ×${low.toFixed(2)}–${high.toFixed(2)}); one that only asks the tab, database and settings ${ms(askingP50)} (${ratio(askingP50)}); one that asks them, reads the card and draws the popup's markup of it, with none of Kith's code, ${ms(cardP50)} (${ratio(cardP50)})`,
    target: judged ? '≤ 1.5× the empty page' : '— (as the e2e tests open it)',
    ok: judged ? p50 <= 1.5 * floorP50 : undefined,
  };
}

/**
 * Popup ready, two ways, alternating which goes first. In the toolbar popup, as the user opens it
 * (the row judged against the target), with the empty page and the asking page shown in that
 * popup too. And in a tab at `popup.html?tabId=N`, as the e2e tests open it: the only way until
 * 15:06 on 2026-11-25, kept beside it so the runs before compare. A tab's navigation costs the
 * empty page ~20 ms more than the popup's does (BENCHMARKS.md), so the same gap reads as a
 * smaller ratio there.
 */
async function measurePopupReady(kith: Kith, contacts: number) {
  const profileUrl = fixtureUrl('linkedin-2023.html');
  await kith.serve(profileUrl, { file: 'linkedin-2023.html' });
  const RUNS = 41;
  const inToolbar: OpenTimes = { popup: [], floor: [], asking: [], card: [] };
  const inTab: OpenTimes = { popup: [], floor: [], asking: [], card: [] };
  // Each open on a profile just visited, as a user opens it: the tab's content script has done
  // what it does at idle and has not answered yet.
  const profileJustOpened = async () => {
    const profile = await kith.open(profileUrl);
    await afterContentScriptIdle(profile);
    return profile;
  };
  const tabOpen = async (path: string) => {
    const page = await kith.context.newPage();
    await page.goto(kith.url(path));
    const time = await readyMark(page);
    await page.close();
    return time;
  };
  await kith.withBrowserSession(async (session) => {
    const viaToolbar = async (run: number) => {
      const profile = await profileJustOpened();
      const popup = await toolbarPopupReady(kith, session, profile, 'popup.html');
      // The card of the person saved with this profile's address (seeded as person 7777).
      if (run === 0) {
        expect(popup.text).toMatch(/ 7777$/m);
        writeCardFloor(popup.markup!, popup.focusedId);
      }
      inToolbar.popup.push(popup.ready);
      inToolbar.floor.push((await toolbarPopupReady(kith, session, profile, 'bench-floor.html')).ready);
      inToolbar.asking.push((await toolbarPopupReady(kith, session, profile, 'bench-asking.html')).ready);
      inToolbar.card.push((await toolbarPopupReady(kith, session, profile, 'bench-card.html')).ready);
      await profile.close();
    };
    const viaTab = async (run: number) => {
      const profile = await profileJustOpened();
      const popup = await kith.openPopup(profile);
      inTab.popup.push(await readyMark(popup));
      if (run === 0) await expect(popup.getByRole('heading', { name: / 7777$/ })).toBeVisible();
      await popup.close();
      inTab.floor.push(await tabOpen('bench-floor.html'));
      const tabId = await kith.tabIdOf(profile);
      inTab.asking.push(await tabOpen(`bench-asking.html?tabId=${tabId}`));
      inTab.card.push(await tabOpen(`bench-card.html?tabId=${tabId}`));
      await profile.close();
    };
    // Alternating, so drift in the machine's load falls on all alike.
    for (let run = 0; run < RUNS; run++) {
      for (const way of run % 2 ? [viaTab, viaToolbar] : [viaToolbar, viaTab]) await way(run);
    }
    await kith.worker.evaluate(() => chrome.action.setPopup({ popup: 'popup.html' }));
  });
  const summary = (times: OpenTimes) => ({
    p50: round(median(times.popup)),
    floorP50: round(median(times.floor)),
    askingP50: round(median(times.asking)),
    cardFloorP50: round(median(times.card)),
  });
  results.popupReady = { contacts, ...summary(inToolbar) };
  results.popupReadyInTab = summary(inTab);
  rows.push(popupRow(contacts, 'in the toolbar popup', inToolbar, true));
  rows.push(popupRow(contacts, 'in a tab', inTab, false));
}

/**
 * A contact's page opened in a new tab, as the popup's "Open in dashboard" opens it: navigation →
 * the contact drawn (their name in the heading), and → the whole page (every contact read, so
 * who may be them is said); then saves on one such page: click → "Saved" in the status line,
 * drawn. No target in the issue; kept since the page stopped waiting for the notebook
 * (BENCHMARKS.md).
 */
async function measureContactPage(kith: Kith, contacts: number) {
  const RUNS = 5;
  const name = 'Farah Quinlan 5'; // seed.ts's person 5
  const drawn: number[] = [];
  const whole: number[] = [];
  const saved: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const page = await kith.context.newPage();
    await page.addInitScript((heading) => {
      const w = window as unknown as { benchDrawn?: number; benchWhole?: number };
      const observer = new MutationObserver(() => {
        if (w.benchDrawn === undefined && document.querySelector('h1')?.textContent === heading) w.benchDrawn = performance.now();
        const text = document.body.textContent ?? '';
        if (w.benchDrawn !== undefined && text.includes('Merge with another contact') && !text.includes('Looking for')) {
          w.benchWhole = performance.now();
          observer.disconnect();
        }
      });
      observer.observe(document, { subtree: true, childList: true, characterData: true });
    }, name);
    await page.goto(kith.url(`dashboard.html#/contact/${seededId(5)}`));
    await expect.poll(() => page.evaluate(() => (window as unknown as { benchWhole?: number }).benchWhole), { timeout: 60_000 }).toBeDefined();
    const times = await page.evaluate(() => {
      const w = window as unknown as { benchDrawn: number; benchWhole: number };
      return { drawn: w.benchDrawn, whole: w.benchWhole };
    });
    drawn.push(times.drawn);
    whole.push(times.whole);
    if (run < RUNS - 1) {
      await page.close();
      continue;
    }
    // Saves a user makes seconds apart, each timed alone. (Until 20:10 on 2026-11-25 each one
    // also set the worker counting every reminder, ~0.7 s at 100,000, which a save or an open
    // right behind it waited for; a save naming its contact no longer does.)
    for (let save = 0; save < RUNS; save++) {
      await page.getByLabel('Title', { exact: true }).fill(`Bench title ${save}`);
      await arm(page, 'click', `Saved ${name}.`);
      await page.getByRole('button', { name: 'Save', exact: true }).click();
      saved.push(await elapsed(page));
      await page.getByRole('button', { name: 'Dismiss' }).click();
      await page.waitForTimeout(1500);
    }
    await page.close();
  }
  const size = contacts.toLocaleString('en-US');
  const summary = { drawn: round(median(drawn)), whole: round(median(whole)), save: round(median(saved)) };
  results.contactPage = { ...results.contactPage, [contacts]: summary };
  rows.push({
    measure: `a contact's page at ${size}, opened in a new tab: navigation → the contact drawn (p50 of ${RUNS})`,
    value: ms(summary.drawn),
    floor: `the whole page, every contact read, ${ms(summary.whole)}`,
    target: '—',
  });
  rows.push({ measure: `a save on a contact's page at ${size}: click → "Saved" drawn (p50 of ${RUNS})`, value: ms(summary.save), target: '—' });
}

/** `dashboard`: its import and export page. */
async function measureExport(dashboard: Page, contacts: number) {
  const button = dashboard.getByRole('button', { name: 'Export full backup (JSON)' });
  await expect(button).toBeVisible();
  const RUNS = 7;
  const times: number[] = [];
  let bytes = 0;
  for (let run = 0; run < RUNS; run++) {
    // Ends when the file is handed to the browser's download (the <a download> click).
    await dashboard.evaluate(() => {
      const w = window as unknown as { benchElapsed?: Promise<number> };
      w.benchElapsed = new Promise<number>((done) => {
        let start = 0;
        document.addEventListener('click', (event) => (start = event.timeStamp), { capture: true, once: true });
        const onClick = (event: Event) => {
          if (!(event.target instanceof HTMLAnchorElement) || !event.target.download) return;
          document.removeEventListener('click', onClick, true);
          done(performance.now() - start);
        };
        document.addEventListener('click', onClick, true);
      });
    });
    const download = dashboard.waitForEvent('download');
    await button.click();
    times.push(await elapsed(dashboard));
    const file = await download;
    const path = await file.path();
    bytes = readFileSync(path).length;
    if (run === 0) {
      const backup = JSON.parse(readFileSync(path, 'utf8')) as { contacts: unknown[]; interactions: unknown[] };
      expect(backup.contacts).toHaveLength(contacts);
      expect(backup.interactions).toHaveLength(contacts * 2);
    }
    await file.delete();
  }
  const p50 = median(times);
  results.exportMs = { '10000': round(p50) };
  rows.push({
    measure: `export full JSON backup at ${contacts.toLocaleString('en-US')} (+${(contacts * 2).toLocaleString('en-US')} interactions; ${(bytes / 1e6).toFixed(1)} MB; click → download, p50 of ${RUNS})`,
    value: ms(p50),
    target: '< 500 ms',
    ok: p50 < 500,
  });
}

async function measureBadgeAfterSave(kith: Kith, dueBefore: number) {
  const html = readFileSync(join('tests/fixtures', 'linkedin-public.html'), 'utf8');
  const RUNS = 7;
  const times: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    // A new person each time, so each Save adds a follow-up due today and the count goes up by one.
    const url = `https://uk.linkedin.com/in/bench-save-${run}`;
    await kith.serve(url, { html: html.replaceAll('ada-quinlan-4b2a91', `bench-save-${run}`).replaceAll('Ada Quinlan', `Bench Save${run}`) });
    const page = await kith.open(url);
    const popup = await kith.openPopup(page);
    await expect(popup.getByLabel('Name', { exact: true })).toHaveValue(`Bench Save${run}`);
    const today = await popup.evaluate(() => {
      const d = new Date();
      return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    });
    await popup.getByLabel('Follow up', { exact: true }).fill(today);
    const expected = String(dueBefore + run + 1);
    // Watch the badge from the worker (every ~4 ms, the timer clamp), in epoch ms to compare
    // with the click's time in the popup.
    await kith.worker.evaluate((text) => {
      (self as unknown as { benchBadge?: Promise<number> }).benchBadge = new Promise<number>((done) => {
        const poll = async () => {
          if ((await chrome.action.getBadgeText({})) === text) done(performance.timeOrigin + performance.now());
          else setTimeout(poll, 1);
        };
        void poll();
      });
    }, expected);
    await popup.evaluate(() => {
      (window as unknown as { benchClick?: Promise<number> }).benchClick = new Promise<number>((done) =>
        document.addEventListener('click', (event) => done(performance.timeOrigin + event.timeStamp), { capture: true, once: true }),
      );
    });
    await popup.getByRole('button', { name: 'Save', exact: true }).click();
    const clicked = await popup.evaluate(() => (window as unknown as { benchClick: Promise<number> }).benchClick);
    const shown = await kith.worker.evaluate(() => (self as unknown as { benchBadge: Promise<number> }).benchBadge);
    times.push(shown - clicked);
    await expect(popup.getByRole('heading', { name: `Bench Save${run}` })).toBeVisible();
    await popup.close();
    await page.close();
  }
  const p50 = median(times);
  results.badgeAfterSaveMs = round(p50);
  rows.push({
    measure: `badge after Save (new person, follow-up today, ${dueBefore} already due; p50 of ${RUNS})`,
    value: ms(p50),
    target: '< 100 ms',
    ok: p50 < 100,
  });
}

test.afterAll(() => {
  const chromium = execFileSync(chromiumExecutable() ?? 'chromium', ['--version'], { encoding: 'utf8' }).trim();
  const machine = `${cpus().length} CPUs (${cpus()[0]?.model.trim()}), ${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM, ${chromium}`;
  const width = Math.max(...rows.map((r) => r.measure.length));
  const lines = [
    `Kith benchmarks — ${new Date().toISOString()} — ${machine}`,
    '',
    ...rows.map((r) => `${r.ok === undefined ? '  ' : r.ok ? 'ok' : '!!'}  ${r.measure.padEnd(width)}  ${r.value.padStart(14)}  target ${r.target}${r.floor ? `  [${r.floor}]` : ''}`),
  ];
  console.log(`\n${lines.join('\n')}\n`);
  writeFileSync('bench-results.json', `${JSON.stringify(results, null, 2)}\n`);
});
