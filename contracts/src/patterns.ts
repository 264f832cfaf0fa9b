import { z } from 'zod';

/**
 * The shapes of codes and names that the server validates and the page checks before sending.
 * One pattern per idea: every schema, route and form uses these.
 */

/** An organization's slug, as in URLs: lowercase letters, digits and dashes, 2 to 61 characters (`undp`, `ministry-syr`). */
export const ORGANIZATION_SLUG = /^[a-z0-9][a-z0-9-]{1,60}$/;

/** An ISO 3166-2 subdivision code, as governorates are named: `SY-DI`, `LY-TB`. */
export const ISO_3166_2 = /^[A-Z]{2}-[A-Z0-9]{1,3}$/;

/** An ISO 3166-1 alpha-3 country code: `SYR`, `LBY`. */
export const ISO_3166_1_ALPHA3 = /^[A-Z]{3}$/;

/** A project's code: capital letters, digits and dashes, e.g. SY-DI-2026-0101. */
export const PROJECT_CODE = /^[A-Z0-9][A-Z0-9-]{2,40}$/;

/** An ISO 4217 currency code such as USD. */
export const CURRENCY_CODE = /^[A-Z]{3}$/;

/** A calendar date as YYYY-MM-DD (whether it exists is checked apart: see `isoDate`). */
export const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

// ---- The same as schemas, each with the one message that says what is expected -----------------

/** An organization named by its slug (a funder, a share, an account's organization). */
export const organizationSlug = z.string().regex(ORGANIZATION_SLUG, 'must be an organization slug such as undp');

/** A governorate named by its ISO 3166-2 code. */
export const governorateCode = z.string().regex(ISO_3166_2, 'must be an ISO 3166-2 code such as SY-DI');

/** A country named by its ISO 3166-1 alpha-3 code. */
export const countryCode = z.string().regex(ISO_3166_1_ALPHA3, 'must be an ISO 3166-1 alpha-3 code such as SYR');

/** A calendar date as YYYY-MM-DD. */
export const isoDate = z.string().regex(ISO_DATE, 'must be a date as YYYY-MM-DD');

/** A calendar date as YYYY-MM-DD that exists (not 2025-02-30). */
export const calendarDate = isoDate.refine((v) => {
  const day = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(day.getTime()) && day.toISOString().startsWith(v);
}, 'is not a real calendar date');
