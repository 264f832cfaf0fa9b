import type { TFunction } from 'i18next';

/** A recorded field's name in the reader's language: the change history's (`changes.field.…`), or the review's own. */
export function fieldLabel(t: TFunction, field: string): string {
  return t(`review.fieldName.${field}`, { defaultValue: t(`changes.field.${field}`, { defaultValue: field }) });
}
