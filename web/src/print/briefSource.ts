import { BriefData, type BriefLanguage } from '@marsad/contracts';
import { request, type Schema } from '../api/http.ts';
import { DEFAULT_LANGUAGE, isLanguage } from '../i18n/language.ts';

/**
 * Where the printed brief's data comes from. The printer (api/src/briefs) hands the page its
 * BriefData as `window.__MARSAD_BRIEF__` before the page runs; opened in a browser (a preview with
 * the reader's session), the page asks the API for the brief its own address names:
 * `/print.html?kind=governorate&code=SY-DI&lang=ar` → `GET /api/briefs/governorates/SY-DI?lang=ar`.
 */

export const BRIEF_KINDS = ['governorate', 'country', 'meeting'] as const;
export type BriefKind = (typeof BRIEF_KINDS)[number];

export interface BriefQuery {
  kind: BriefKind;
  /** A governorate's ISO 3166-2 code, a country's ISO 3166-1 alpha-3 code, or a meeting's id. */
  code: string;
  language: BriefLanguage;
}

const COLLECTION: Record<BriefKind, string> = { governorate: 'governorates', country: 'countries', meeting: 'meetings' };
/** Codes as the routes accept them (SY-DI, SYR, 12); anything else is not sent. */
const CODE = /^[A-Za-z0-9-]{1,16}$/;

/** The language the page speaks before it has its data: `?lang=`, Arabic by default. */
export function queryLanguage(search: string): BriefLanguage {
  const lang = new URLSearchParams(search).get('lang');
  return isLanguage(lang) ? lang : DEFAULT_LANGUAGE;
}

/** The brief the page's address names, or `null` when it names none. */
export function parseBriefQuery(search: string): BriefQuery | null {
  const params = new URLSearchParams(search);
  const kind = params.get('kind');
  const code = params.get('code');
  if (!(BRIEF_KINDS as readonly (string | null)[]).includes(kind) || code === null || !CODE.test(code)) return null;
  return { kind: kind as BriefKind, code, language: queryLanguage(search) };
}

/** The API path of a brief's JSON. */
export function briefApiPath(query: BriefQuery): string {
  return `/api/briefs/${COLLECTION[query.kind]}/${encodeURIComponent(query.code)}?lang=${query.language}`;
}

/** A brief that cannot be drawn: the page says so in words (and marks the body for the printer). */
export class BriefLoadError extends Error {
  constructor(
    /** `no-query`: the address names no brief; `shape`: the data is not a BriefData. */
    readonly reason: 'no-query' | 'shape',
    message: string,
  ) {
    super(message);
    this.name = 'BriefLoadError';
  }
}

/** The contract's check, with an error that says which fields disagree (server and page drifted). */
export const briefSchema: Schema<BriefData> = {
  parse(data: unknown): BriefData {
    const parsed = BriefData.safeParse(data);
    if (parsed.success) return parsed.data;
    const fields = parsed.error.issues.slice(0, 5).map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
    throw new BriefLoadError('shape', `BriefData: ${fields.join('; ')}`);
  },
};

export interface BriefSources {
  /** `window.__MARSAD_BRIEF__`: set by the printer, `undefined` in a browser. */
  injected: unknown;
  search: string;
  /** Reads a brief from the API (the dashboard's one request path). */
  fetchBrief?: (path: string) => Promise<BriefData>;
}

const fetchFromApi = (path: string) => request(path, { schema: briefSchema });

/** The brief to draw: the injected one when the printer gave one, else the API's. */
export async function loadBrief({ injected, search, fetchBrief = fetchFromApi }: BriefSources): Promise<BriefData> {
  if (injected !== undefined && injected !== null) return briefSchema.parse(injected);
  const query = parseBriefQuery(search);
  if (query === null) throw new BriefLoadError('no-query', `no brief named by "${search}"`);
  return fetchBrief(briefApiPath(query));
}
