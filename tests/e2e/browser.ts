/**
 * Headless Chromium (Debian's package) for the browser tests and the first-render measurement:
 * software WebGL, no background traffic, every request that would leave the machine blocked and
 * recorded, console errors collected.
 */
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { NOT_KEPT_HEADER } from '../../web/src/offline/offlineCaches.ts';
import { DEMO_PASSWORD } from '../support/client.ts';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--enable-unsafe-swiftshader',
  '--use-angle=swiftshader',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];
const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

export interface OpenedPage {
  page: Page;
  /** Requests to any host but this machine; they are blocked. */
  externalRequests: string[];
  /** Uncaught exceptions, console errors and Content-Security-Policy violations on the page. */
  pageErrors: string[];
  /** Console error lines with the address they are about (a failed resource's URL). */
  consoleErrors: { text: string; url: string }[];
  /** Addresses the service worker answered itself with 503 "not kept on this device" while offline. */
  notKeptOffline: Set<string>;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

function isLocal(url: URL): boolean {
  if (url.protocol === 'data:' || url.protocol === 'blob:') return true;
  return LOCAL_HOSTS.has(url.hostname);
}

/** A new context and page, with external requests blocked and errors collected; not navigated yet. */
export async function newGuardedPage(browser: Browser, options: BrowserContextOptions): Promise<OpenedPage> {
  const context = await browser.newContext(options);
  const externalRequests: string[] = [];
  const pageErrors: string[] = [];
  const consoleErrors: OpenedPage['consoleErrors'] = [];
  const notKeptOffline = new Set<string>();
  await context.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    if (isLocal(url)) return route.continue();
    externalRequests.push(url.href);
    return route.abort('blockedbyclient');
  });
  // The page runs under the server's CSP as it is: anything the policy blocks is an error too.
  await context.exposeBinding('__marsadCspViolation', (_source, violation: string) => pageErrors.push(`CSP violation: ${violation}`));
  await context.addInitScript(() =>
    document.addEventListener('securitypolicyviolation', (event) =>
      (window as unknown as { __marsadCspViolation: (text: string) => void }).__marsadCspViolation(
        `${event.effectiveDirective} blocked ${event.blockedURI || 'inline'} in ${event.sourceFile}:${event.lineNumber}`,
      ),
    ),
  );
  const page = await context.newPage();
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    pageErrors.push(message.text());
    consoleErrors.push({ text: message.text(), url: message.location().url });
  });
  page.on('response', (response) => {
    if (response.status() === 503 && response.headers()[NOT_KEPT_HEADER] === 'not-kept') notKeptOffline.add(response.url());
  });
  return { page, externalRequests, pageErrors, consoleErrors, notKeptOffline };
}

/**
 * The console errors a test did not ask for. Chromium logs every failed response as an error, so
 * a test that provokes a 400 or a 409 on purpose names those statuses here.
 */
export function unexpectedErrors(pageErrors: readonly string[], ...statuses: number[]): string[] {
  if (statuses.length === 0) return [...pageErrors];
  const expected = new RegExp(`^Failed to load resource: the server responded with a status of (${statuses.join('|')}) `);
  return pageErrors.filter((error) => !expected.test(error));
}

/**
 * `errors` without the console lines of the service worker's offline answers ("not kept on this
 * device", 503): a test that cuts the network asked for those. A 503 from the server still counts.
 */
export function withoutOfflineAnswers(opened: OpenedPage, errors: readonly string[]): string[] {
  const line = 'Failed to load resource: the server responded with a status of 503 ()';
  let offlineLines = opened.consoleErrors.filter((error) => error.text === line && opened.notKeptOffline.has(error.url)).length;
  return errors.filter((error) => !(error === line && offlineLines-- > 0));
}

/** Where browser tests save screenshots (git-ignored). */
export const SCREENSHOTS = fileURLToPath(new URL('../screenshots/', import.meta.url));

/**
 * One Chromium for a test file: launched before its tests, closed after. Call inside
 * `describe`; the returned function gives the browser to each test.
 */
export function chromiumForSuite(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (!browser) throw new Error('Chromium is not running: call chromiumForSuite() inside describe()');
    return browser;
  };
}

/** On windows narrower than a desktop's the header's screens and account are behind its menu button: opens it when it shows. */
export async function openHeaderMenu(page: Page): Promise<void> {
  const toggle = page.getByTestId('header-menu');
  if ((await toggle.isVisible()) && (await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
}

/** Fills and sends the page's sign-in dialog (the demo password unless given); does not wait for the answer. */
export async function submitSignIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await openHeaderMenu(page);
  await page.getByTestId('sign-in').click();
  await page.getByTestId('sign-in-email').fill(email);
  await page.getByTestId('sign-in-password').fill(password);
  await page.getByTestId('sign-in-submit').click();
}

/** Signs in through the page's dialog and waits until the account is there (folded in the header's menu on narrow windows). */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await submitSignIn(page, email, password);
  await page.getByTestId('account-name').waitFor({ state: 'attached' });
}

/** Signs out and waits until the page offers to sign in again. */
export async function signOut(page: Page): Promise<void> {
  await openHeaderMenu(page);
  await page.getByTestId('sign-out').click();
  await page.getByTestId('sign-in').waitFor();
}

/** How long the map may take to draw: the whole e2e run shares one server, and WebGL is software. */
export const MAP_TIMEOUT = 60_000;

/** Opens `path` of the app at `base` and waits until the map has drawn. */
export async function openApp(page: Page, base: string, path = '/'): Promise<void> {
  await page.goto(new URL(path, base).href);
  await page.waitForSelector('[data-testid="map"][data-map-ready="true"]', { timeout: MAP_TIMEOUT });
}

/** GETs `path` of the app at `base` with the page's cookies: it must answer 200, and this is its JSON. */
export async function getJson<T>(page: Page, base: string, path: string): Promise<T> {
  const response = await page.request.get(new URL(path, base).href);
  expect(response.status(), path).toBe(200);
  return (await response.json()) as T;
}
