/**
 * The ring around projects with an active critical obstacle: reddish purple (Okabe–Ito), apart
 * from the status colours and the vermillion of "delayed". Here, not in the deck.gl layer, so the
 * legend can name it without loading deck.gl.
 */
export const CRITICAL_RING_COLOR = '#CC79A7';
