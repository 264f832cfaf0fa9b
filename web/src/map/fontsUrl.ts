import { FONTS_PATH } from './constants.ts';

/** Absolute URL of the self-hosted font folder, which MapLibre needs to fetch the font files. */
export function fontsUrl(): string {
  return new URL(`${import.meta.env.BASE_URL}${FONTS_PATH}`, window.location.href).href;
}
