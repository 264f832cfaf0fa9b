/**
 * Draws the app's icons (web/public/icons/*.png) from our own artwork, web/public/icons/marsad.svg,
 * with the Chromium the browser tests use; nothing is downloaded. Run after changing the SVG:
 *
 *   pnpm --filter @marsad/api exec tsx src/cli/renderIcons.ts
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const folder = fileURLToPath(new URL('../../../web/public/icons/', import.meta.url));
const svg = readFileSync(`${folder}marsad.svg`, 'utf8');
const SIZES = { 'icon-192.png': 192, 'icon-512.png': 512, 'apple-touch-icon.png': 180 };

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
try {
  for (const [name, size] of Object.entries(SIZES)) {
    const page = await browser.newPage({ viewport: { width: size, height: size } });
    await page.setContent(`<html><body style="margin:0">${svg.replace('<svg ', `<svg width="${size}" height="${size}" `)}</body></html>`);
    await page.screenshot({ path: `${folder}${name}`, omitBackground: false });
    await page.close();
    console.log(`${name}: ${size}×${size}`);
  }
} finally {
  await browser.close();
}
