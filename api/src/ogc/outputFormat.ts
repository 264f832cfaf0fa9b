/** The two encodings every OGC API resource has. */
export type OutputFormat = 'json' | 'html';

const JSON_TYPES = ['application/json', 'application/geo+json'];
const HTML_TYPES = ['text/html'];

/**
 * The encoding to answer with: the `f` parameter when given (`geojson` counts as json), else
 * the `Accept` header (a browser's `text/html` wins over its `*\/*`), else JSON.
 */
export function outputFormat(f: string | undefined, accept: string | undefined): OutputFormat {
  if (f === 'html') return 'html';
  if (f === 'json' || f === 'geojson') return 'json';
  if (!accept) return 'json';
  const ranges = parseAccept(accept);
  return quality(ranges, HTML_TYPES) > quality(ranges, JSON_TYPES) ? 'html' : 'json';
}

interface MediaRange {
  type: string;
  subtype: string;
  q: number;
}

function parseAccept(accept: string): MediaRange[] {
  return accept.split(',').flatMap((entry) => {
    const [range = '', ...parameters] = entry.split(';').map((part) => part.trim().toLowerCase());
    const [type, subtype] = range.split('/');
    if (!type || !subtype) return [];
    const qParameter = parameters.find((parameter) => parameter.startsWith('q='));
    const q = qParameter === undefined ? 1 : Number(qParameter.slice(2));
    return Number.isFinite(q) ? [{ type, subtype, q }] : [];
  });
}

/** The quality the client gives the best of `mediaTypes`: the most specific matching range decides. */
function quality(ranges: MediaRange[], mediaTypes: string[]): number {
  return Math.max(
    0,
    ...mediaTypes.map((mediaType) => {
      const [type, subtype] = mediaType.split('/');
      const exact = ranges.filter((r) => r.type === type && r.subtype === subtype);
      const typeWide = ranges.filter((r) => r.type === type && r.subtype === '*');
      const any = ranges.filter((r) => r.type === '*' && r.subtype === '*');
      const decisive = [exact, typeWide, any].find((matches) => matches.length > 0) ?? [];
      return Math.max(0, ...decisive.map((r) => r.q));
    }),
  );
}
