import type { ManifestOptions } from 'vite-plugin-pwa';

/**
 * The web app manifest (served as /manifest.webmanifest): Marsad installs as a standalone app,
 * Arabic and right to left like the page, with icons drawn from our own artwork
 * (public/icons/marsad.svg, rendered by api/src/cli/renderIcons.ts).
 */
export const webAppManifest: Partial<ManifestOptions> = {
  name: 'مرصد',
  short_name: 'مرصد',
  description: 'مرصد: متابعة مشاريع التنمية والمناطق الصناعية والحرفية في المحافظات',
  lang: 'ar',
  dir: 'rtl',
  id: '/',
  start_url: '/',
  scope: '/',
  display: 'standalone',
  orientation: 'any',
  theme_color: '#1f4e5a',
  background_color: '#ffffff',
  icons: [
    { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
    { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
    { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
    { src: '/icons/marsad.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' },
  ],
};
