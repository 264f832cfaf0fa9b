/**
 * The first view's moment: the map has drawn its boundaries and choropleth (MapView says so).
 * What the first view does not need — the service worker's install, which downloads the whole app
 * for offline use — waits for it, so it does not compete with the first draw for the network and
 * the processor.
 */
let markDrawn: () => void = () => undefined;
const drawn = new Promise<void>((resolve) => {
  markDrawn = resolve;
});

/** Said by the map once it is drawn (again and again: only the first time counts). */
export function mapDrawn(): void {
  markDrawn();
}

/** Resolves once the first view is drawn, or after `latestMs` (a page opened on a screen without the map, a map that cannot draw). */
export function afterFirstDraw(latestMs = 15_000): Promise<void> {
  return Promise.race([drawn, new Promise<void>((resolve) => setTimeout(resolve, latestMs))]);
}
