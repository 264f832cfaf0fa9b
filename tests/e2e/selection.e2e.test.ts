/**
 * Selection moves the map, in a real browser: a governorate, a project or a zone chosen from the
 * address, the map or a list is brought into view beside its panel (the panel's side in Arabic and
 * English, above the bottom sheet on a phone); back/forward restores both the view and the
 * selection; closing goes back to where the reader was. Not one request leaves the machine.
 *
 * The map's container tells what it shows (`data-view-bounds`) and where the selection's extent is
 * on it in pixels (`data-selection-box`), written by useSelectionCamera after every move.
 */
import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chromiumForSuite, getJson, newGuardedPage, openApp, type OpenedPage, SCREENSHOTS } from './browser.ts';
import { serverForFile } from '../support/startTestServer.ts';

const marsad = serverForFile();
const DESKTOP = { width: 1440, height: 900 };
const LAPTOP = { width: 1024, height: 768 };
const PHONE = { width: 360, height: 740 };
/** The map's moves last at most half a second; the framing also waits for the map to settle. */
const POLL = { timeout: 30_000 };
type Box = [number, number, number, number];

interface Feature {
  geometry: { coordinates: unknown };
  properties: { code: string };
}

function extent(coordinates: unknown, box: Box = [Infinity, Infinity, -Infinity, -Infinity]): Box {
  if (Array.isArray(coordinates) && typeof coordinates[0] === 'number') {
    const [lon, lat] = coordinates as [number, number];
    return [Math.min(box[0], lon), Math.min(box[1], lat), Math.max(box[2], lon), Math.max(box[3], lat)];
  }
  if (Array.isArray(coordinates)) for (const child of coordinates) box = extent(child, box);
  return box;
}

async function governorateBbox(page: Page, code: string): Promise<Box> {
  const collection = await getJson<{ features: Feature[] }>(page, marsad.url, '/api/boundaries/governorates');
  const feature = collection.features.find((f) => f.properties.code === code);
  if (feature === undefined) throw new Error(`no governorate ${code}`);
  return extent(feature.geometry.coordinates);
}

/** Opens the app; some tests ask for reduced motion (the map jumps), the others see the short animated moves. */
async function open(browser: Browser, viewport: { width: number; height: number }, query: string, locale = 'ar', reducedMotion: 'reduce' | 'no-preference' = 'no-preference'): Promise<OpenedPage> {
  const opened = await newGuardedPage(browser, { viewport, locale, reducedMotion });
  await openApp(opened.page, marsad.url, `/${query}`);
  return opened;
}

const numbers = (value: string | null): Box | null => (value === null || value === '' ? null : (value.split(',').map(Number) as Box));

/** The camera the map shows, written as the address writes it (zoom/lat/lon, web/src/url/viewState.ts). */
function shownCamera(page: Page): Promise<string> {
  return page.evaluate(() => {
    const map = (document.querySelector('[data-testid="map"]') as HTMLElement & { maplibreMap: { getZoom(): number; getCenter(): { lat: number; lng: number } } }).maplibreMap;
    const { lat, lng } = map.getCenter();
    return `${map.getZoom().toFixed(2)}/${lat.toFixed(4)}/${lng.toFixed(4)}`;
  });
}

/** The selection's key and extent in the map's pixels once the map has framed it (the address has its camera). */
async function framed(page: Page, key: string): Promise<Box> {
  const map = page.getByTestId('map');
  await expect.poll(() => map.getAttribute('data-selection'), POLL).toBe(key);
  await expect.poll(() => map.getAttribute('data-selection-box'), POLL).not.toBeNull();
  await expect.poll(() => new URL(page.url()).searchParams.get('map'), POLL).not.toBeNull();
  // Arrived: the map shows the address's camera (after back/forward the address changes before
  // the map has begun to move, and the selection's box is still the old camera's until it has).
  await expect.poll(async () => (await shownCamera(page)) === new URL(page.url()).searchParams.get('map'), POLL).toBe(true);
  // Settled: not moving, and the same camera twice, a moment apart.
  await page.waitForSelector('[data-testid="map"]:not([data-camera-moving])', POLL);
  let camera = '';
  await expect
    .poll(async () => {
      const now = `${new URL(page.url()).searchParams.get('map')} ${await map.getAttribute('data-selection-box')} ${await map.getAttribute('data-camera-moving')}`;
      const same = now === camera;
      camera = now;
      if (!same) await page.waitForTimeout(300);
      return same;
    }, POLL)
    .toBe(true);
  return numbers(await map.getAttribute('data-selection-box'))!;
}

interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The part of the map no open panel covers, in the map's pixels, and how much of it `box` fills. */
async function measure(page: Page, box: Box, panels: string[]): Promise<{ inside: boolean; clear: boolean; share: number; widthShare: number; heightShare: number }> {
  const map = (await page.getByTestId('map').boundingBox()) as Rect;
  const fy0 = 0;
  let [fx0, fx1, fy1] = [0, map.width, map.height];
  const overlaps: boolean[] = [];
  for (const testId of panels) {
    const panel = (await page.getByTestId(testId).boundingBox()) as Rect;
    const px0 = panel.x - map.x;
    const py0 = panel.y - map.y;
    const px1 = px0 + panel.width;
    const bottomSheet = panel.width >= map.width - 1;
    if (bottomSheet) fy1 = Math.min(fy1, py0);
    else if (px0 <= 1 + 12) fx0 = Math.max(fx0, px1);
    else fx1 = Math.min(fx1, px0);
    overlaps.push(box[0] < px1 && box[2] > px0 && box[1] < py0 + panel.height && box[3] > py0);
  }
  const inside = box[0] >= -1 && box[1] >= -1 && box[2] <= map.width + 1 && box[3] <= map.height + 1;
  const widthShare = (box[2] - box[0]) / (fx1 - fx0);
  const heightShare = (box[3] - box[1]) / (fy1 - fy0);
  return { inside, clear: !overlaps.some(Boolean), share: widthShare * heightShare, widthShare, heightShare };
}

async function viewBounds(page: Page): Promise<Box> {
  return numbers(await page.getByTestId('map').getAttribute('data-view-bounds'))!;
}

const contains = (outer: Box, inner: Box) => inner[0] >= outer[0] && inner[1] >= outer[1] && inner[2] <= outer[2] && inner[3] <= outer[3];

/** The pixel of a longitude/latitude in the map as it shows `view` (Web Mercator). */
function pixelOf(view: Box, map: Rect, [lon, lat]: [number, number]): { x: number; y: number } {
  const y = (latitude: number) => Math.log(Math.tan(Math.PI / 4 + (latitude * Math.PI) / 360));
  return {
    x: map.x + ((lon - view[0]) / (view[2] - view[0])) * map.width,
    y: map.y + ((y(view[3]) - y(lat)) / (y(view[3]) - y(view[1]))) * map.height,
  };
}

function report(label: string, m: { share: number; widthShare: number; heightShare: number }): void {
  console.log(`${label}: fills ${(m.widthShare * 100).toFixed(0)} % of the free width, ${(m.heightShare * 100).toFixed(0)} % of the free height (${(m.share * 100).toFixed(0)} % of the free area)`);
}

describe('selection moves the map (browser)', () => {
  const browser = chromiumForSuite();

  it('frames a governorate chosen in the address beside its panel (Arabic, panel on the right), and closing goes to the national view', { timeout: 180_000 }, async () => {
    const { page, externalRequests, pageErrors } = await open(browser(), DESKTOP, '?gov=SY-HM', 'ar', 'reduce');
    await page.getByTestId('governorate-panel').waitFor();
    const box = await framed(page, 'governorate:SY-HM');
    const m = await measure(page, box, ['governorate-panel']);
    report('Hama from the address, 1440×900 Arabic', m);
    expect(m.inside).toBe(true);
    expect(m.clear).toBe(true);
    expect(Math.max(m.widthShare, m.heightShare)).toBeGreaterThan(0.6);
    expect(contains(await viewBounds(page), await governorateBbox(page, 'SY-HM'))).toBe(true);
    await page.screenshot({ path: `${SCREENSHOTS}selection-ar-governorate.png` });

    // Opened with the selection: closing goes to the national view (no camera in the address).
    await page.getByTestId('governorate-close').click();
    await expect.poll(() => new URL(page.url()).search, POLL).toBe('');
    await expect.poll(async () => (await viewBounds(page))[2] - (await viewBounds(page))[0], POLL).toBeGreaterThan(20);
    expect(await page.getByTestId('governorate-panel').count()).toBe(0);
    // Back reopens it, framed as before.
    await page.goBack();
    await page.getByTestId('governorate-panel').waitFor();
    const again = await measure(page, await framed(page, 'governorate:SY-HM'), ['governorate-panel']);
    expect(again.clear).toBe(true);
    expect(Math.max(again.widthShare, again.heightShare)).toBeGreaterThan(0.6);
    expect(externalRequests).toEqual([]);
    expect(pageErrors).toEqual([]);
    await page.context().close();
  });

  it('frames a governorate clicked on the map (English, panel on the left); back/forward restore view and selection; closing returns to the reader’s camera', { timeout: 180_000 }, async () => {
    // The reader's own view (a year without projects keeps markers from the pointer's way).
    const start = '5.50/34.5000/38.5000';
    const { page, externalRequests, pageErrors } = await open(browser(), LAPTOP, `?lang=en&year=2015&map=${start}`, 'en');
    const map = (await page.getByTestId('map').boundingBox()) as Rect;
    const labels = await getJson<{ features: { geometry: { coordinates: [number, number] }; properties: { code: string } }[] }>(page, marsad.url, '/api/boundaries/labels');
    const hama = labels.features.find((f) => f.properties.code === 'SY-HM')!;
    const point = pixelOf(await viewBounds(page), map, hama.geometry.coordinates);
    await page.mouse.click(point.x, point.y);
    await expect.poll(() => new URL(page.url()).searchParams.get('gov'), POLL).toBe('SY-HM');
    await page.getByTestId('governorate-panel').waitFor();
    const m = await measure(page, await framed(page, 'governorate:SY-HM'), ['governorate-panel']);
    report('Hama clicked on the map, 1024×768 English', m);
    expect(m.inside && m.clear).toBe(true);
    expect(Math.max(m.widthShare, m.heightShare)).toBeGreaterThan(0.6);
    const panel = (await page.getByTestId('governorate-panel').boundingBox()) as Rect;
    expect(panel.x - map.x).toBeLessThan(map.width / 2); // left in English
    const framedCamera = new URL(page.url()).searchParams.get('map');
    await page.mouse.move(0, 0);
    await page.screenshot({ path: `${SCREENSHOTS}selection-en-governorate.png` });

    // Back: the reader's view and no selection; forward: the governorate, framed again.
    await page.goBack();
    await expect.poll(() => new URL(page.url()).searchParams.get('gov'), POLL).toBeNull();
    expect(new URL(page.url()).searchParams.get('map')).toBe(start);
    await expect.poll(() => page.getByTestId('governorate-panel').count(), POLL).toBe(0);
    await expect.poll(async () => (await viewBounds(page))[2] - (await viewBounds(page))[0], POLL).toBeGreaterThan(10);
    await page.goForward();
    await expect.poll(() => new URL(page.url()).searchParams.get('gov'), POLL).toBe('SY-HM');
    await page.getByTestId('governorate-panel').waitFor();
    expect(new URL(page.url()).searchParams.get('map')).toBe(framedCamera);
    const forward = await measure(page, await framed(page, 'governorate:SY-HM'), ['governorate-panel']);
    expect(forward.inside && forward.clear).toBe(true);

    // Closing returns to where the reader was before choosing.
    await page.getByTestId('governorate-close').click();
    await expect.poll(() => new URL(page.url()).searchParams.get('gov'), POLL).toBeNull();
    await expect.poll(() => new URL(page.url()).searchParams.get('map'), POLL).toBe(start);
    expect(externalRequests).toEqual([]);
    expect(pageErrors).toEqual([]);
    await page.context().close();
  });

  it('frames a project chosen from the governorate’s list between both panels, outlined; closing it returns to the governorate’s view', { timeout: 180_000 }, async () => {
    const { page, externalRequests, pageErrors } = await open(browser(), DESKTOP, '?gov=SY-HI');
    await framed(page, 'governorate:SY-HI');
    const governorateCamera = new URL(page.url()).searchParams.get('map');
    const row = page.getByTestId('project-list').locator('button').first();
    const id = Number(await row.getAttribute('data-project-id'));
    await row.click();
    await page.getByTestId('project-panel').waitFor();
    const box = await framed(page, `project:${id}`);
    const m = await measure(page, box, ['governorate-panel', 'project-panel']);
    expect(m.inside && m.clear).toBe(true);
    const project = await getJson<{ geometry: { coordinates: unknown } }>(page, marsad.url, `/api/projects/${id}`);
    expect(contains(await viewBounds(page), extent(project.geometry.coordinates))).toBe(true);
    await page.screenshot({ path: `${SCREENSHOTS}selection-ar-project.png` });

    await page.getByTestId('project-close').click();
    await expect.poll(() => new URL(page.url()).searchParams.get('project'), POLL).toBeNull();
    await expect.poll(() => new URL(page.url()).searchParams.get('map'), POLL).toBe(governorateCamera);
    expect(new URL(page.url()).searchParams.get('gov')).toBe('SY-HI');
    expect(externalRequests).toEqual([]);
    expect(pageErrors).toEqual([]);
    await page.context().close();
  });

  it('brings a zone chosen in the zones table into view (English)', { timeout: 180_000 }, async () => {
    const { page, externalRequests, pageErrors } = await open(browser(), DESKTOP, '?lang=en', 'en');
    await page.getByTestId('zones-table-toggle').click();
    const first = page.getByTestId('zones-row').first();
    const id = Number(await first.getAttribute('data-zone-id'));
    await first.getByTestId('zones-open').click();
    await page.getByTestId('zone-panel').waitFor();
    const zone = await getJson<{ bbox: Box }>(page, marsad.url, `/api/zones/${id}`);
    // Framed at a zoom where its plots are drawn (13), its extent inside the view.
    await expect.poll(() => Number(new URL(page.url()).searchParams.get('map')?.split('/')[0] ?? 0), POLL).toBeGreaterThanOrEqual(13);
    await expect.poll(async () => contains(await viewBounds(page), zone.bbox), POLL).toBe(true);
    expect(new URL(page.url()).searchParams.get('zone')).toBe(String(id));
    await page.screenshot({ path: `${SCREENSHOTS}selection-en-zone.png` });

    // Closing goes back to the national view the reader was on.
    await page.getByTestId('zone-close').click();
    await expect.poll(() => new URL(page.url()).searchParams.get('zone'), POLL).toBeNull();
    await expect.poll(() => new URL(page.url()).searchParams.get('map'), POLL).toBeNull();
    await expect.poll(async () => (await viewBounds(page))[2] - (await viewBounds(page))[0], POLL).toBeGreaterThan(20);
    expect(externalRequests).toEqual([]);
    expect(pageErrors).toEqual([]);
    await page.context().close();
  });

  it('on a phone frames the governorate above the bottom sheet (Arabic)', { timeout: 180_000 }, async () => {
    const { page, externalRequests, pageErrors } = await open(browser(), PHONE, '?gov=SY-DI', 'ar', 'reduce');
    await page.getByTestId('governorate-panel').waitFor();
    const box = await framed(page, 'governorate:SY-DI');
    const m = await measure(page, box, ['governorate-panel']);
    report('Damascus from the address, 360×740 Arabic', m);
    expect(m.inside && m.clear).toBe(true);
    expect(Math.max(m.widthShare, m.heightShare)).toBeGreaterThan(0.5);
    await page.screenshot({ path: `${SCREENSHOTS}selection-ar-phone.png` });
    expect(externalRequests).toEqual([]);
    expect(pageErrors).toEqual([]);
    await page.context().close();
  });
});
