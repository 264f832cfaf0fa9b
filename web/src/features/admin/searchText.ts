/**
 * Text filtering of the admin lists. Like the API's project search, it ignores the spelling
 * variants of Arabic (alef forms, ى/ي, ة/ه, tatweel, diacritics) and letter case.
 */
export function normalizeForSearch(text: string): string {
  return text
    .toLocaleLowerCase('en')
    .replace(/[\u064B-\u065F\u0670\u0640]/g, '')
    .replace(/[أإآٱ]/g, 'ا')
    .replace(/ى/g, 'ي')
    .replace(/ة/g, 'ه')
    .trim();
}

/** Whether every word of `query` occurs in one of `fields` (an empty query matches everything). */
export function matchesQuery(fields: readonly string[], query: string): boolean {
  const words = normalizeForSearch(query).split(/\s+/).filter((w) => w !== '');
  if (words.length === 0) return true;
  const haystack = fields.map(normalizeForSearch);
  return words.every((word) => haystack.some((field) => field.includes(word)));
}
