import { FieldBundle, FieldEstimate, FieldVersion } from '@marsad/contracts';
import { request, withQuery } from '../../api/http.ts';

/** `/api/field/{what}`, for the governorates named (an engineer's own when none). */
export function fieldUrl(what: 'estimate' | 'bundle' | 'version', governorates: readonly string[] = []): string {
  return withQuery(`/api/field/${what}`, governorates.length === 0 ? '' : `governorate=${governorates.join(',')}`);
}

export function fetchFieldEstimate(governorates: readonly string[], signal?: AbortSignal): Promise<FieldEstimate> {
  return request(fieldUrl('estimate', governorates), { schema: FieldEstimate, signal });
}

export function fetchFieldVersion(signal?: AbortSignal): Promise<FieldVersion> {
  return request(fieldUrl('version'), { schema: FieldVersion, signal });
}

/**
 * The bundle twice: as sent (`raw`, written into the offline cache as is, every field the
 * addresses answer) and as the contract reads it (`bundle`, to find its parts).
 */
export async function fetchFieldBundle(governorates: readonly string[], signal?: AbortSignal): Promise<{ raw: unknown; bundle: FieldBundle }> {
  const raw = await request(fieldUrl('bundle', governorates), { signal });
  return { raw, bundle: FieldBundle.parse(raw) };
}
