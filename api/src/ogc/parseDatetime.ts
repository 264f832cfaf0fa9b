/** A range of calendar dates (UTC, YYYY-MM-DD); a missing end is open. */
export interface DateRange {
  from?: string;
  to?: string;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4}-\d{2}-\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;

/** Thrown for a `datetime` value that is not an RFC 3339 instant or interval. */
export class DatetimeSyntaxError extends Error {
  override name = 'DatetimeSyntaxError';
}

/**
 * The OGC API `datetime` parameter: an RFC 3339 instant (`2025-03-01T12:00:00Z`, or a plain
 * date `2025-03-01`) or an interval `start/end` whose ends may be open (`..` or empty), as the
 * UTC calendar dates it spans. An interval open at both ends (`../..`) is not one.
 */
export function parseDatetime(value: string): DateRange {
  const parts = value.split('/');
  if (parts.length > 2) throw new DatetimeSyntaxError('must be an instant or one interval start/end, not several');
  if (parts.length === 1) {
    const instant = parseInstant(parts[0]!);
    return { from: instant.date, to: instant.date };
  }
  const [start, end] = parts.map((part) => (part === '' || part === '..' ? undefined : parseInstant(part)));
  if (!start && !end) throw new DatetimeSyntaxError('an interval needs at least one end: start/.., ../end or start/end');
  if (start && end && start.time > end.time) throw new DatetimeSyntaxError('the start of the interval must not be after its end');
  return { ...(start ? { from: start.date } : {}), ...(end ? { to: end.date } : {}) };
}

/** One RFC 3339 date-time or full date, as its instant (ms) and UTC date. */
function parseInstant(text: string): { time: number; date: string } {
  const date = DATE.exec(text);
  if (date) {
    const time = Date.parse(`${text}T00:00:00Z`);
    if (Number.isNaN(time) || new Date(time).toISOString().slice(0, 10) !== text) throw notACalendarDate(text);
    return { time, date: text };
  }
  const dateTime = DATE_TIME.exec(text);
  if (!dateTime) {
    throw new DatetimeSyntaxError(
      `"${text}" is not an RFC 3339 date-time such as 2025-03-01T00:00:00Z; intervals are start/end with .. for an open end`,
    );
  }
  const [, day, hours, minutes, seconds, fraction = '', zone] = dateTime as unknown as [string, string, string, string, string, string | undefined, string];
  if (Number(hours) > 23 || Number(minutes) > 59 || Number(seconds) > 60) throw notACalendarDate(text);
  const dayTime = Date.parse(`${day}T00:00:00Z`);
  if (Number.isNaN(dayTime) || new Date(dayTime).toISOString().slice(0, 10) !== day) throw notACalendarDate(text);
  // A leap second (:60) counts as the last second of its minute.
  const normalised = `${day}T${hours}:${minutes}:${Math.min(Number(seconds), 59).toString().padStart(2, '0')}${fraction}${zone.toUpperCase()}`;
  const time = Date.parse(normalised);
  if (Number.isNaN(time)) throw notACalendarDate(text);
  return { time, date: new Date(time).toISOString().slice(0, 10) };
}

const notACalendarDate = (text: string) => new DatetimeSyntaxError(`"${text}" is not a real date and time`);
