import type { ReturnBody } from '@marsad/contracts';

/** The returns form as typed: numbers are still text. */
export interface ReturnDraft {
  value: string;
  denominator: string;
  note: string;
}

export type ReturnField = keyof ReturnDraft;

export function isReturnDraft(value: unknown): value is ReturnDraft {
  if (typeof value !== 'object' || value === null) return false;
  const d = value as Record<string, unknown>;
  return (['value', 'denominator', 'note'] as const).every((k) => typeof d[k] === 'string');
}

/** A number as typed, with a comma or Arabic-Indic digits accepted (`١٢٫٥`, `12,5`). */
export function readNumber(text: string): number | null {
  const latin = text
    .trim()
    .replace(/[٠-٩]/g, (d) => String(d.charCodeAt(0) - 0x0660))
    .replace(/[٫,]/g, '.');
  if (latin === '' || !/^\d+(\.\d+)?$/.test(latin)) return null;
  return Number(latin);
}

/**
 * Checks the form as the API will (ReturnBody): a value of zero or more; for a rate, a
 * denominator above zero. Errors are message keys under `planning.form.errors`.
 */
export function validateReturn(
  draft: ReturnDraft,
  target: { indicator: string; governorate: string; period: string; isRate: boolean },
): { ok: true; body: ReturnBody } | { ok: false; errors: Partial<Record<ReturnField, 'number' | 'denominator'>> } {
  const errors: Partial<Record<ReturnField, 'number' | 'denominator'>> = {};
  const value = readNumber(draft.value);
  if (value === null) errors.value = 'number';
  const denominator = target.isRate ? readNumber(draft.denominator) : null;
  if (target.isRate && (denominator === null || denominator <= 0)) errors.denominator = 'denominator';
  if (value === null || Object.keys(errors).length > 0) return { ok: false, errors };
  const note = draft.note.trim();
  return {
    ok: true,
    body: {
      indicator: target.indicator,
      governorate: target.governorate,
      period: target.period,
      value,
      ...(denominator === null ? {} : { denominator }),
      ...(note === '' ? {} : { note }),
    },
  };
}
