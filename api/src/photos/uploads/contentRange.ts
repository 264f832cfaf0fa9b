/** One part of an upload, as its `Content-Range` header says: bytes `start` to `end` (inclusive) of `total`. */
export interface PartRange {
  start: number;
  end: number;
  total: number;
}

/** Digits without leading zeros, at most 15 of them: a size, never read as anything else. */
const RANGE = /^bytes ([1-9][0-9]{0,14}|0)-([1-9][0-9]{0,14}|0)\/([1-9][0-9]{0,14})$/;

/**
 * `Content-Range: bytes start-end/total` (RFC 9110, 14.4) of a part, or why it is not one. An
 * unknown total (a star after the slash) and the unsatisfied form (a star for the range) are
 * refused: an upload is named by the hash of its whole, so its size is known before the first part.
 */
export function parseContentRange(header: string): PartRange | string {
  const match = RANGE.exec(header.trim());
  if (!match) return 'must be "bytes start-end/total", such as "bytes 0-262143/1048576" (end inclusive, total known)';
  const [start, end, total] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (end < start) return `ends (${end}) before it starts (${start})`;
  if (end >= total) return `ends at byte ${end}, past the last byte of ${total} (${total - 1})`;
  return { start, end, total };
}

/** How many bytes a part carries. */
export const partLength = (range: PartRange) => range.end - range.start + 1;
