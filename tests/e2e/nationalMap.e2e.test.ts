/**
 * The minister's first view in a real browser (signed in as the minister, demo data, 1440×900, the
 * whole region fitted): how long until the map is drawn and how much JavaScript that took (both
 * printed), and that the choropleth reads — no project symbol covers more than a small share of
 * any governorate's fill, the counts are drawn in the reader's digits, and zooming in shows single
 * projects. Not one request leaves the machine and no console error.
 */
import { cpus, loadavg } from 'node:os';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chromiumForSuite, MAP_TIMEOUT, newGuardedPage, SCREENSHOTS, signIn } from './browser.ts';
import { firstRender } from './measureFirstRender.ts';
import { DEMO } from '../support/client.ts';
import { serverForFile } from '../support/startTestServer.ts';

const marsad = serverForFile();
const VIEWPORT = { width: 1440, height: 900 };
/** The map drawn this soon after navigation (issue 15), on an otherwise idle machine. */
const MAP_DRAWN_LIMIT_MS = 3000;
/** The entry chunk, gzip (the first-view budget of the house rules). */
const ENTRY_LIMIT_BYTES = 350_000;
/** A project symbol may cover at most this share of a governorate's fill on screen. */
const MAX_SHARE = 0.15;
const ARABIC_COUNT = /^[٠-٩][٠-٩٬]*$/;

/** The MapLibre map on its container (web/src/map/useMapInstance.ts), as the page sees it. */
interface MapHandle {
  project(lngLat: [number, number]): { x: number; y: number };
  queryRenderedFeatures(options: { layers: string[] }): { geometry: { type: string; coordinates: [number, number] }; properties: Record<string, unknown> }[];
  getZoom(): number;
  getLayoutProperty(layer: string, name: string): unknown;
}

async function waitForProjects(page: Page, band: string): Promise<void> {
  // Twice the usual wait: this file draws the map at three zooms on a machine shared by the e2e runs.
  try {
    await page.waitForSelector(`[data-testid="map"][data-map-ready="true"][data-choropleth][data-projects-ready="true"][data-projects-band="${band}"]`, {
      timeout: 2 * MAP_TIMEOUT,
    });
  } catch (error) {
    // Say what the map had reached, and which answers failed, to tell a slow machine from a fault.
    const state = await page.getByTestId('map').evaluate((map) => JSON.stringify({ ...(map as HTMLElement).dataset, notices: Array.from(map.parentElement!.querySelectorAll('[role="alert"], [role="status"]'), (n) => n.textContent) }));
    throw new Error(`the map did not draw the ${band} band: ${state}; failed answers: ${JSON.stringify(failedAnswers.get(page) ?? [])}`, { cause: error });
  }
}

/** Per page, the answers of 400 and more it received (see `waitForProjects`). */
const failedAnswers = new WeakMap<Page, string[]>();
function recordFailedAnswers(page: Page): void {
  const failed: string[] = [];
  failedAnswers.set(page, failed);
  page.on('response', (response) => {
    if (response.status() >= 400) failed.push(`${response.status()} ${new URL(response.url()).pathname}`);
  });
}

interface Coverage {
  /** Per governorate with any pixel on screen: its code, its pixels, and those under a project symbol. */
  governorates: { code: string; pixels: number; covered: number }[];
  badges: { code: string; label: string }[];
  clusters: number;
  /** Pixels deck.gl draws on. */
  deckPixels: number;
}

/** What deck.gl draws over the map (zones, single projects, critical rings), as the map's own screenshots with and without its canvas. */
async function deckShots(page: Page): Promise<[string, string]> {
  const map = page.getByTestId('map');
  const shown = await map.screenshot();
  const deckCanvas = (visibility: string) =>
    page.evaluate((value) => {
      document.querySelectorAll<HTMLCanvasElement>('[data-testid="map"] canvas:not(.maplibregl-canvas)').forEach((canvas) => {
        canvas.style.visibility = value;
      });
    }, visibility);
  await deckCanvas('hidden');
  const hidden = await map.screenshot();
  await deckCanvas('');
  return [shown.toString('base64'), hidden.toString('base64')];
}

/**
 * How much of each governorate's fill the project symbols cover, by rasterising: every governorate
 * (from /api/boundaries/governorates, projected with the map's own `project`) is filled on a canvas
 * the size of the map in a colour of its own, without antialiasing counted (only pixels of exactly
 * one governorate's colour are its pixels). The project symbols go on a second canvas: every one
 * MapLibre has drawn (the rendered badges and clusters, each a disc of its radius and outline), and
 * every pixel deck.gl changes (the map's screenshot with its canvas against one without). A
 * governorate's share is its pixels under a symbol over all its pixels on screen.
 */
async function measureCoverage(page: Page): Promise<Coverage> {
  const shots = await deckShots(page);
  return page.evaluate(async ([shown, hidden]) => {
    const container = document.querySelector('[data-testid="map"]') as HTMLElement & { maplibreMap: MapHandle };
    const map = container.maplibreMap;
    const { width, height } = container.getBoundingClientRect();
    const w = Math.round(width);
    const h = Math.round(height);
    type Ring = [number, number][];
    type Geometry = { type: 'Polygon'; coordinates: Ring[] } | { type: 'MultiPolygon'; coordinates: Ring[][] };
    const collection = (await (await fetch('/api/boundaries/governorates')).json()) as { features: { properties: { code: string }; geometry: Geometry }[] };
    const areas = new OffscreenCanvas(w, h).getContext('2d', { willReadFrequently: true })!;
    collection.features.forEach((feature, index) => {
      const polygons = feature.geometry.type === 'Polygon' ? [feature.geometry.coordinates] : feature.geometry.coordinates;
      const path = new Path2D();
      for (const polygon of polygons)
        for (const ring of polygon) {
          ring.forEach((point, i) => {
            const { x, y } = map.project(point);
            if (i === 0) path.moveTo(x, y);
            else path.lineTo(x, y);
          });
          path.closePath();
        }
      const id = index + 1;
      areas.fillStyle = `rgb(${id & 255}, ${id >> 8}, 0)`;
      areas.fill(path, 'evenodd');
    });
    const symbols = new OffscreenCanvas(w, h).getContext('2d', { willReadFrequently: true })!;
    symbols.fillStyle = '#000';
    const disc = (point: [number, number], radius: number) => {
      const { x, y } = map.project(point);
      symbols.beginPath();
      symbols.arc(x, y, radius, 0, 2 * Math.PI);
      symbols.fill();
    };
    const badges = map.queryRenderedFeatures({ layers: ['count-badges'] });
    for (const badge of badges) disc(badge.geometry.coordinates, Number(badge.properties.radius) + 1.5);
    const clusters = map.queryRenderedFeatures({ layers: ['project-clusters'] });
    for (const cluster of clusters) disc(cluster.geometry.coordinates, 16 + 2);
    const labels = map.queryRenderedFeatures({ layers: ['count-badge-numbers'] });
    const pixelsOf = async (png: string) => {
      const bytes = Uint8Array.from(atob(png), (c) => c.charCodeAt(0));
      const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
      const canvas = new OffscreenCanvas(w, h).getContext('2d', { willReadFrequently: true })!;
      canvas.drawImage(bitmap, 0, 0);
      return canvas.getImageData(0, 0, w, h).data;
    };
    const [withDeck, withoutDeck] = [await pixelsOf(shown), await pixelsOf(hidden)];
    const area = areas.getImageData(0, 0, w, h).data;
    const mask = symbols.getImageData(0, 0, w, h).data;
    let deckPixels = 0;
    for (let i = 0; i < mask.length; i += 4) {
      const changed = Math.max(...[0, 1, 2].map((c) => Math.abs(withDeck[i + c]! - withoutDeck[i + c]!))) > 8;
      if (changed) {
        mask[i + 3] = 255;
        deckPixels += 1;
      }
    }
    const pixels = new Map<number, { pixels: number; covered: number }>();
    for (let i = 0; i < area.length; i += 4) {
      if (area[i + 3] !== 255) continue;
      const id = area[i]! + (area[i + 1]! << 8);
      const entry = pixels.get(id) ?? { pixels: 0, covered: 0 };
      entry.pixels += 1;
      if (mask[i + 3]! > 0) entry.covered += 1;
      pixels.set(id, entry);
    }
    return {
      governorates: [...pixels].map(([id, entry]) => ({ code: collection.features[id - 1]?.properties.code ?? '?', ...entry })),
      badges: labels.map((label) => ({ code: String(label.properties.code), label: String(label.properties.label) })),
      clusters: clusters.length,
      deckPixels,
    };
  }, shots);
}

describe('national map (browser)', () => {
  const browser = chromiumForSuite();

  it('draws the minister first view quickly, with little JavaScript', { timeout: 400_000 }, async () => {
    const { page, externalRequests, pageErrors } = await newGuardedPage(browser(), { viewport: VIEWPORT, locale: 'ar' });
    // Cold: a browser that has never opened the app (nothing cached, no service worker yet).
    const loadBefore = loadavg()[0]!;
    const cold = await firstRender(page, marsad.url);
    await signIn(page, DEMO.minister);
    // The minister coming back: signed in, the app as the browser keeps it.
    const minister = await firstRender(page, marsad.url);
    const load = Math.max(loadBefore, loadavg()[0]!);
    const kib = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;
    console.log(
      `first view: map drawn ${cold.mapReadyMs.toFixed(0)} ms after navigation (cold browser; signed in as the minister, coming back: ` +
        `${minister.mapReadyMs.toFixed(0)} ms), projects drawn ${cold.projectsReadyMs.toFixed(0)} ms (minister ${minister.projectsReadyMs.toFixed(0)} ms); ` +
        `first-view JavaScript ${kib(cold.firstViewBytes)} gzip (entry chunk ${kib(cold.entryBytes)}; all scripts by the projects drawn ${kib(cold.scriptBytes)}, ` +
        `${cold.scripts} files); load average ${load.toFixed(1)} on ${cpus().length} cores`,
    );
    console.log(`cold: ${cold.breakdown}\nminister: ${minister.breakdown}`);
    // The figure is what counts (3 s on this machine kind when it is otherwise idle); the bound only
    // catches a gross regression: five times that, and as many times more as the machine is
    // loaded beyond its cores by other work (the e2e runs share it).
    const limit = 5 * MAP_DRAWN_LIMIT_MS * Math.max(1, load / cpus().length);
    expect(cold.mapReadyMs).toBeLessThanOrEqual(limit);
    expect(minister.mapReadyMs).toBeLessThanOrEqual(limit);
    expect(cold.entryBytes).toBeLessThanOrEqual(ENTRY_LIMIT_BYTES);
    expect(externalRequests).toEqual([]);
    expect(pageErrors).toEqual([]);
    await page.context().close();
  });

  it('keeps the choropleth readable at national zoom: counts per governorate in Arabic digits, single projects only when zoomed in', { timeout: 400_000 }, async () => {
    const { page, externalRequests, pageErrors } = await newGuardedPage(browser(), { viewport: VIEWPORT, locale: 'ar' });
    recordFailedAnswers(page);
    const projectTiles: string[] = [];
    page.on('request', (request) => {
      const path = new URL(request.url()).pathname;
      if (path.startsWith('/tiles/projects/')) projectTiles.push(path);
    });
    await page.goto(marsad.url);
    await signIn(page, DEMO.minister);
    await waitForProjects(page, 'governorates');
    const summaries = (await (await page.request.get(new URL('/api/summaries/governorates', marsad.url).href)).json()) as {
      governorates: { governorate: string; projects: number }[];
    };
    const projectsOf = new Map(summaries.governorates.map((g) => [g.governorate, g.projects]));

    const national = await measureCoverage(page);
    const shares = national.governorates.map((g) => ({ ...g, share: g.covered / g.pixels })).sort((a, b) => b.share - a.share);
    const worst = shares[0]!;
    console.log(
      `national zoom: ${national.badges.length} count badges over ${national.governorates.length} governorates on screen; ` +
        `largest share of a governorate's fill under a project symbol ${(worst.share * 100).toFixed(1)} % (${worst.code}, ${worst.covered}/${worst.pixels} px); ` +
        `pixels drawn by deck.gl: ${national.deckPixels}; project tiles asked for: ${projectTiles.length}`,
    );
    expect(worst.share).toBeLessThanOrEqual(MAX_SHARE);
    // Counts per governorate, as the API counts them for the minister, in Arabic-Indic digits.
    expect(national.badges.length).toBeGreaterThan(5);
    const arabic = new Intl.NumberFormat('ar-SA-u-nu-arab');
    for (const badge of national.badges) {
      expect(badge.label).toMatch(ARABIC_COUNT);
      expect(badge.label).toBe(arabic.format(projectsOf.get(badge.code) ?? -1));
    }
    // Nothing else stands for projects at this zoom: no clusters, and deck.gl asks for no project tile.
    expect(national.clusters).toBe(0);
    expect(projectTiles).toEqual([]);
    await page.screenshot({ path: `${SCREENSHOTS}national-map-ar.png` });

    // A governorate's zoom: numbered clusters, drawn in Arabic digits by MapLibre.
    await page.goto(new URL('/?map=7/33.6/36.6', marsad.url).href);
    await waitForProjects(page, 'clusters');
    const middle = await page.evaluate(() => {
      const map = (document.querySelector('[data-testid="map"]') as HTMLElement & { maplibreMap: MapHandle }).maplibreMap;
      return {
        clusters: map.queryRenderedFeatures({ layers: ['project-clusters'] }).map((f) => Number(f.properties.count)),
        textField: JSON.stringify(map.getLayoutProperty('project-cluster-numbers', 'text-field')),
      };
    });
    console.log(`zoom 7: ${middle.clusters.length} numbered clusters (${middle.clusters.join(', ')})`);
    expect(middle.clusters.length).toBeGreaterThan(0);
    expect(middle.textField).toContain('ar-SA-u-nu-arab');
    await page.screenshot({ path: `${SCREENSHOTS}national-map-clusters-ar.png` });

    // Zoomed in on Damascus: single projects, from deck.gl's project tiles.
    projectTiles.length = 0;
    await page.goto(new URL('/?map=11/33.5152/36.2826', marsad.url).href);
    await waitForProjects(page, 'detail');
    expect(projectTiles.some((path) => path.startsWith('/tiles/projects/11/'))).toBe(true);
    await page.screenshot({ path: `${SCREENSHOTS}national-map-detail-ar.png` });

    expect(externalRequests).toEqual([]);
    expect(pageErrors).toEqual([]);
    await page.context().close();
  });
});
