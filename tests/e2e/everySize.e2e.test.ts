/**
 * Every size: the minister's first view (signed in, the national map, the sidebar and the header)
 * on a desktop (1440×900), a laptop (1024×768), a tablet (768×1024) and a phone (360×740), in
 * Arabic (right to left) and English (left to right). At each: nothing runs off the page sideways,
 * no control is covered by another or cut at the edge, every control is large enough to touch
 * (24 px, the WCAG 2.2 minimum; 40 px on touch sizes for the buttons of the header and the map), and
 * the keyboard reaches the header, the map and the sidebar with a visible focus. Not one request
 * leaves the machine and no console error.
 *
 * Screenshots of each go to docs/first-view-<language>-<size>.png; the desktop Arabic one is the
 * README's.
 */
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chromiumForSuite, MAP_TIMEOUT, newGuardedPage, signIn } from './browser.ts';
import { DEMO } from '../support/client.ts';
import { serverForFile } from '../support/startTestServer.ts';

const marsad = serverForFile();
const DOCS = fileURLToPath(new URL('../../docs/', import.meta.url));

const SIZES = [
  { name: 'desktop', width: 1440, height: 900, touch: false },
  { name: 'laptop', width: 1024, height: 768, touch: false },
  { name: 'tablet', width: 768, height: 1024, touch: true },
  { name: 'phone', width: 360, height: 740, touch: true },
] as const;

/** What the page looks like at one size: everything a reader could meet as a problem, in words. */
interface LayoutFindings {
  /** How far the page runs off its width (px); 0 when it fits. */
  overflow: number;
  /** Controls the reader cannot press where they are: covered by another element. */
  covered: string[];
  /** Controls cut at the left or right edge of the window. */
  cut: string[];
  /** Controls smaller than the size a finger needs. */
  small: string[];
}

/**
 * Measured in the page: every visible control of the first view (header, sidebar, map controls,
 * open panels). A control counts as covered when the element at its centre is neither it nor
 * inside it (a label over its own input is fine), as cut when it pokes out of the window sideways
 * outside any horizontally scrolling box, as small under `minimum` px (or `touchMinimum` for header
 * and map buttons on touch sizes); links inside running text are exempt, as WCAG says.
 */
function measureLayout(page: Page, touch: boolean): Promise<LayoutFindings> {
  return page.evaluate(
    ({ minimum, touchMinimum }) => {
      const describe = (el: Element): string => {
        const id = el.getAttribute('data-testid') ?? el.id ?? '';
        const label = el.getAttribute('aria-label') ?? el.textContent?.trim().slice(0, 30) ?? '';
        return `${el.tagName.toLowerCase()}${id ? `#${id}` : ''} "${label}"`;
      };
      const scrollsSideways = (el: Element): boolean => {
        for (let node = el.parentElement; node !== null; node = node.parentElement) {
          const style = getComputedStyle(node);
          if (/(auto|scroll)/.test(style.overflowX) && node.scrollWidth > node.clientWidth) return true;
        }
        return false;
      };
      const controls = Array.from(document.querySelectorAll('a[href], button, input, select, textarea, summary, [role="button"], [tabindex]:not([tabindex="-1"])'));
      const findings = { overflow: Math.max(0, document.documentElement.scrollWidth - window.innerWidth), covered: [] as string[], cut: [] as string[], small: [] as string[] };
      for (const el of controls) {
        const rect = el.getBoundingClientRect();
        const style = getComputedStyle(el);
        if (rect.width === 0 || rect.height === 0 || style.visibility === 'hidden' || el.closest('[hidden], [aria-hidden="true"], .visually-hidden')) continue;
        if (el instanceof HTMLInputElement && (el.type === 'hidden' || el.type === 'checkbox' || el.type === 'radio') && rect.width <= 1) continue;
        if (!scrollsSideways(el) && (rect.left < -1 || rect.right > window.innerWidth + 1)) findings.cut.push(describe(el));
        const x = rect.left + rect.width / 2;
        const y = rect.top + rect.height / 2;
        // A control that takes no pointer (a drawing surface under the map's own) cannot be pressed, so not covered either.
        if (style.pointerEvents !== 'none' && x >= 0 && x < window.innerWidth && y >= 0 && y < window.innerHeight) {
          const top = document.elementFromPoint(x, y);
          const label = el.id ? document.querySelector(`label[for="${CSS.escape(el.id)}"]`) : null;
          if (top !== null && !el.contains(top) && !top.contains(el) && !(label?.contains(top) ?? false) && !el.closest('label')?.contains(top)) {
            findings.covered.push(`${describe(el)} under ${describe(top)}`);
          }
        }
        const inText = el.tagName === 'A' && el.closest('p, li') !== null && el.closest('nav') === null;
        const bar = el.closest('header, .map-view, .sidebar-toggle') !== null && el.tagName === 'BUTTON';
        const needed = bar && touchMinimum > 0 ? touchMinimum : minimum;
        if (!inText && (rect.width < needed - 0.5 || rect.height < needed - 0.5)) findings.small.push(`${describe(el)} ${rect.width.toFixed(0)}×${rect.height.toFixed(0)}`);
      }
      return findings;
    },
    { minimum: 24, touchMinimum: touch ? 40 : 0 },
  );
}

/**
 * Tabs through the page until the focus comes round again: every visible control of the header,
 * the map and the sidebar must be reached, and each must be on screen with a visible focus when
 * reached. Returns the controls never reached and those reached unseen.
 */
async function tabThrough(page: Page): Promise<{ missed: string[]; unseen: string[] }> {
  const controls = await page.evaluate(() => {
    const names: string[] = [];
    const selector = 'a[href], button, input, select, textarea, summary, [tabindex]:not([tabindex="-1"])';
    document.querySelectorAll(selector).forEach((el, i) => {
      const rect = el.getBoundingClientRect();
      if (rect.width === 0 || rect.height === 0 || (el as HTMLButtonElement).disabled || el.closest('[hidden], [inert], details:not([open]) > :not(summary)')) return;
      if (el.closest('header, .map-view, #sidebar, .sidebar-toggle') === null) return;
      el.setAttribute('data-tab-probe', String(i));
      names.push(`${i} ${el.getAttribute('data-testid') ?? el.getAttribute('aria-label') ?? el.textContent?.trim().slice(0, 24) ?? el.tagName}`);
    });
    return names;
  });
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  const reached = new Set<string>();
  const unseen: string[] = [];
  let first: string | null = null;
  for (let press = 0; press < 400; press++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const el = document.activeElement;
      if (el === null || el === document.body) return null;
      const rect = el.getBoundingClientRect();
      const style = getComputedStyle(el);
      const onScreen = rect.width > 0 && rect.height > 0 && rect.bottom > 0 && rect.right > 0 && rect.top < window.innerHeight && rect.left < window.innerWidth;
      const ring = (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== 'none';
      const probe = el.getAttribute('data-tab-probe');
      const name = `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''} ${el.getAttribute('data-testid') ?? el.getAttribute('aria-label') ?? el.textContent?.trim().slice(0, 24)}`;
      return { key: probe ?? name, name, probe, onScreen, ring };
    });
    if (focused === null) continue;
    if (focused.key === first) break;
    first ??= focused.key;
    if (focused.probe !== null) reached.add(focused.probe);
    if (!focused.onScreen || !focused.ring) unseen.push(`${focused.name}${focused.onScreen ? '' : ' off screen'}${focused.ring ? '' : ' no focus ring'}`);
  }
  return { missed: controls.filter((name) => !reached.has(name.split(' ')[0]!)), unseen };
}

describe('every size (browser)', () => {
  const browser = chromiumForSuite();

  for (const language of ['ar', 'en'] as const) {
    for (const size of SIZES) {
      it(`the minister's first view fits a ${size.name} (${size.width}×${size.height}) in ${language === 'ar' ? 'Arabic' : 'English'}`, { timeout: 240_000 }, async () => {
        const viewport = { width: size.width, height: size.height };
        const { page, externalRequests, pageErrors } = await newGuardedPage(browser(), { viewport, locale: language, hasTouch: size.touch, isMobile: size.touch });
        await page.goto(new URL(language === 'ar' ? '/' : '/?lang=en', marsad.url).href);
        await page.waitForSelector('[data-testid="map"][data-map-ready="true"]', { timeout: MAP_TIMEOUT });
        await signIn(page, DEMO.minister);
        expect(await page.evaluate(() => document.documentElement.dir)).toBe(language === 'ar' ? 'rtl' : 'ltr');
        // Signing in on a narrow window went through the header's menu: close it as a reader would.
        if ((await page.getByTestId('header-menu').getAttribute('aria-expanded')) === 'true') await page.getByTestId('header-menu').click();
        await page.waitForSelector('[data-testid="map"][data-projects-ready="true"]', { timeout: MAP_TIMEOUT });

        const findings = await measureLayout(page, size.touch);
        expect(findings).toEqual({ overflow: 0, covered: [], cut: [], small: [] });
        await page.screenshot({ path: `${DOCS}first-view-${language}-${size.name}.png` });

        // The keyboard reaches every control of the header, the map and the sidebar, each seen as it is reached.
        if (await page.locator('.sidebar-toggle').isVisible()) await page.locator('.sidebar-toggle').click();
        if (size.width <= 1180) await page.getByTestId('header-menu').click();
        const { missed, unseen } = await tabThrough(page);
        expect(missed).toEqual([]);
        expect(unseen).toEqual([]);

        expect(externalRequests).toEqual([]);
        expect(pageErrors).toEqual([]);
        await page.context().close();
      });
    }
  }
});
