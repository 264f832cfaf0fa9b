import { COLORS } from '../constants.ts';
import { fixedLayer } from './styleLayer.ts';

/** The sea: everything that is not one of our countries. */
export const backgroundLayer = fixedLayer('background', { id: 'background', type: 'background', paint: { 'background-color': COLORS.sea } });
