import type { FontFacesSpecification } from 'maplibre-gl';
import { MAP_FONT } from './constants.ts';

/** The Arabic blocks, drawn from Noto Sans Arabic; everything else comes from Noto Sans. */
export const ARABIC_UNICODE_RANGE = [
  'U+0600-06FF',
  'U+0750-077F',
  'U+0870-08FF',
  'U+FB50-FDFF',
  'U+FE70-FEFF',
] as const;

export const FONT_FILES = {
  arabic: 'NotoSansArabic-Regular.ttf',
  latin: 'NotoSans-Regular.ttf',
} as const;

/**
 * The style's `font-faces`: MapLibre loads these files through the browser and draws label glyphs
 * with them, so no glyph server is needed. Arabic words arrive already shaped into presentation
 * forms (MapLibre does that itself), which Noto Sans Arabic covers.
 *
 * @param fontsUrl - absolute URL of the folder holding the font files, ending with `/`
 */
export function fontFaces(fontsUrl: string): FontFacesSpecification {
  return {
    [MAP_FONT]: [
      { url: `${fontsUrl}${FONT_FILES.arabic}`, 'unicode-range': [...ARABIC_UNICODE_RANGE] },
      { url: `${fontsUrl}${FONT_FILES.latin}` },
    ],
  };
}
