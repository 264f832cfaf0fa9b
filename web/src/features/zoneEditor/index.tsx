import type { Plot, ZoneDetail } from '@marsad/contracts';
import type { Language } from '../../i18n/language.ts';

/** What the zone screen hands the editing tools: the zone, the plots selected in its list, and a way to say something changed. */
export interface ZoneEditProps {
  zone: ZoneDetail;
  selectedPlots: Plot[];
  language: Language;
  /** After any saved change: the screen refetches the zone and its plots. */
  onChanged: () => void;
}

/**
 * The zone's editing tools for its engineer (drawing, splitting, merging and importing plots,
 * reporting utilities, the zone's own facts). The zone screen shows them when `zone.writable`.
 * Placeholder until the zone editor lands.
 */
export function ZoneEditActions(_props: ZoneEditProps): React.JSX.Element | null {
  return null;
}
