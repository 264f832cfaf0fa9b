/**
 * Tells the printer the page is drawn: every image loaded or failed, the fonts loaded, React's
 * last updates painted. `data-brief-ready="true"` on <body> is what the printer waits for;
 * `data-brief-error` says the page drew an error instead of a brief.
 */

const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

/** Resolves when an image has loaded or failed (never rejects). */
function settled(image: HTMLImageElement): Promise<void> {
  if (image.complete) return Promise.resolve();
  return new Promise((resolve) => {
    image.addEventListener('load', () => resolve(), { once: true });
    image.addEventListener('error', () => resolve(), { once: true });
  });
}

export async function whenDrawn(document: Document): Promise<void> {
  await nextFrame();
  await Promise.all(Array.from(document.images, settled));
  await document.fonts.ready;
  // A failed photo is replaced by its note (a React update): let that paint, and its font load.
  await nextFrame();
  await document.fonts.ready;
}

export function markReady(document: Document, error: string | null): void {
  if (error !== null) document.body.dataset.briefError = error;
  document.body.dataset.briefReady = 'true';
}
