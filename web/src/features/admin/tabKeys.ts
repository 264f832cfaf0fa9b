import type { Direction } from '../../i18n/language.ts';

/**
 * The tab a key moves to in a tablist of `count` tabs (WAI-ARIA tabs pattern), or `null` for any
 * other key. Arrows follow the screen: in Arabic, ArrowLeft goes on to the next tab. They wrap.
 */
export function tabAfterKey(key: string, current: number, count: number, direction: Direction): number | null {
  if (count <= 0) return null;
  const forward = direction === 'rtl' ? 'ArrowLeft' : 'ArrowRight';
  const backward = direction === 'rtl' ? 'ArrowRight' : 'ArrowLeft';
  switch (key) {
    case forward:
      return (current + 1) % count;
    case backward:
      return (current - 1 + count) % count;
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return null;
  }
}
