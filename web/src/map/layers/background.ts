import { COLORS } from '../constants.ts';
import type { StyleLayer } from './styleLayer.ts';

/** The sea: everything that is not one of our countries. */
export const backgroundLayer: StyleLayer = {
  id: 'background',
  slot: 'background',
  build: () => ({
    id: 'background',
    type: 'background',
    paint: { 'background-color': COLORS.sea },
  }),
};
